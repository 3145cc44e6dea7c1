"""Split clean article text into sentences that keep their character offsets.

Well-formed text is split by nupunkt (trained Punkt: "U.S.", "Dr.", "p.m." stay whole).
Degraded text (no punctuation) is cut into fixed-length word windows: they cannot be
shown, but they still let the article count as a source that backs a claim.
"""

from __future__ import annotations

import re

import nupunkt

from newsweave.clean import is_boilerplate
from newsweave.model import Article, Sentence

DEGRADED_UNIT_WORDS = 25
MIN_WORDS = 4
_WORD = re.compile(r"\S+")


def _window_units(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _WORD.finditer(text)]
    return [
        (spans[i][0], spans[min(i + DEGRADED_UNIT_WORDS, len(spans)) - 1][1])
        for i in range(0, len(spans), DEGRADED_UNIT_WORDS)
    ]


# Punkt sometimes ends a sentence at an abbreviation inside parentheses: "Sen. Charles E.
# Schumer (D-N.Y.)|, issued Saturday". A sentence never starts with closing punctuation
# or a lower-case word, so such a piece is glued back onto the one before it.
_CONTINUATION = re.compile(r"[),;:\]]")


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        first_in_paragraph = len(spans)
        for start, end in nupunkt.sent_spans(paragraph):
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            span = (offset + start + lead, offset + start + lead + len(stripped))
            if len(spans) > first_in_paragraph and _CONTINUATION.match(stripped):
                span = (spans.pop()[0], span[1])
            spans.append(span)
        offset += len(paragraph) + 2
    return spans


def segment(article: Article, article_index: int) -> list[Sentence]:
    """The article's sentences, in order, without boilerplate and fragments."""
    text = article.text
    spans = _window_units(text) if article.degraded else _punkt_spans(text)
    sentences: list[Sentence] = []
    for start, end in spans:
        sentence_text = text[start:end]
        if len(sentence_text.split()) < MIN_WORDS or is_boilerplate(sentence_text):
            continue
        sentences.append(
            Sentence(
                article_index=article_index,
                start=start,
                end=end,
                text=sentence_text,
                position=len(sentences),
                degraded=article.degraded,
            )
        )
    return sentences
