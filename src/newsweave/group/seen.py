"""Sentences the grouper has met before: shared openings are no evidence of one story.

A site's own furniture that ``boilerplate.py`` does not know ("Good morning from the
Ledger newsroom, here is what you need to know ...") opens many unrelated pages, and
would make them look alike. So an article is compared on its *own words*: the sentences
no stored article has carried word for word. What two articles of one event share is
mostly their own reporting, which survives; what they share verbatim is either a
reprint (``reprints.py`` has already caught it on the whole text) or furniture.

What each sentence says (its fingerprint, content stems and numbers: ``Sentences``)
depends on the article alone and is read ahead with its page (``pages.py``); which of
them are the article's own depends on every article stored before, and is decided here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain, compress

from newsweave.group.pairs import numbers_in
from newsweave.group.text import rough_sentences
from newsweave.text import content_stems_of, tokens

# Shorter sentences ("Photo: AP.", "Read more.") are too common to fingerprint usefully.
MIN_WORDS = 8


def _key(words: list[str]) -> int | None:
    """A sentence's fingerprint, from its ``text.tokens`` (lower-cased already)."""
    return hash(" ".join(words)) if len(words) >= MIN_WORDS else None


@dataclass
class Sentences:
    """A news text's rough sentences as the grouper counts them, one entry each: its
    fingerprint (None when too short to have one), content stems and numbers. Words never
    span two rough sentences, so the stems of any sentences joined are theirs in turn."""

    keys: list[int | None]
    stems: list[list[str]]
    numbers: list[frozenset[str]]

    def counts(self, kept: list[bool] | None) -> Counter[str]:
        """Stem counts of the kept sentences (all for None), in the order first met."""
        stems = self.stems if kept is None else compress(self.stems, kept)
        return Counter(chain.from_iterable(stems))

    def numbers_of(self, kept: list[bool] | None) -> frozenset[str]:
        numbers = self.numbers if kept is None else compress(self.numbers, kept)
        return frozenset().union(*numbers)


def sentences_of(text: str) -> Sentences:
    """What the grouper reads of each of the text's rough sentences."""
    found = rough_sentences(text)
    words = [tokens(sentence) for sentence in found]
    return Sentences([_key(w) for w in words], [content_stems_of(w) for w in words],
                     [numbers_in(sentence) for sentence in found])


class SeenSentences:
    """Fingerprints of every sentence (of ``MIN_WORDS`` or more) of the stored articles."""

    def __init__(self) -> None:
        self._keys: set[int] = set()

    def own_words(self, sentences: Sentences) -> tuple[list[bool] | None, list[int]]:
        """Which sentences are the article's own (those met before are not; None: all),
        and the fingerprints ``remember`` stores. All of them when every sentence long
        enough to fingerprint was met before: that is a text published again (out of the
        reprint window), not furniture around a few short lines of news, which alone
        would say nothing of its story."""
        keys = [key for key in sentences.keys if key is not None]
        if not keys or self._keys.isdisjoint(keys):
            return None, keys
        kept = [key is None or key not in self._keys for key in sentences.keys]
        own = any(key is not None and keep for key, keep in zip(sentences.keys, kept,
                                                                 strict=True))
        return (kept if own else None), keys

    def remember(self, keys: list[int]) -> None:
        self._keys.update(keys)
