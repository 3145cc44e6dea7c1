"""Sentences the grouper has met before: shared openings are no evidence of one story.

A site's own furniture that ``boilerplate.py`` does not know ("Good morning from the
Ledger newsroom, here is what you need to know ...") opens many unrelated pages, and
would make them look alike. So an article is compared on its *own words*: the sentences
no stored article has carried word for word. What two articles of one event share is
mostly their own reporting, which survives; what they share verbatim is either a
reprint (``reprints.py`` has already caught it on the whole text) or furniture.
"""

from __future__ import annotations

from newsweave.group.text import rough_sentences
from newsweave.text import tokens

# Shorter sentences ("Photo: AP.", "Read more.") are too common to fingerprint usefully.
MIN_WORDS = 8


def _key(sentence: str) -> int | None:
    words = tokens(sentence.lower())
    return hash(" ".join(words)) if len(words) >= MIN_WORDS else None


class SeenSentences:
    """Fingerprints of every sentence (of ``MIN_WORDS`` or more) of the stored articles."""

    def __init__(self) -> None:
        self._keys: set[int] = set()

    def own_words(self, text: str) -> tuple[str, list[int]]:
        """``text`` without the sentences met before, and the fingerprints ``remember``
        stores. The whole text when every sentence long enough to fingerprint was met
        before: that is a text published again (out of the reprint window), not furniture
        around a few short lines of news, which alone would say nothing of its story."""
        kept, keys, own = [], [], 0
        for sentence in rough_sentences(text):
            key = _key(sentence)
            if key is not None:
                keys.append(key)
                if key in self._keys:
                    continue
                own += 1
            kept.append(sentence)
        return (" ".join(kept) if own or not keys else text), keys

    def remember(self, keys: list[int]) -> None:
        self._keys.update(keys)
