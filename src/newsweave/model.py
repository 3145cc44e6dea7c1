"""The data model every pipeline stage reads and writes.

Spans keep character offsets into their article's clean text, so that
``article.text[sentence.start:sentence.end] == sentence.text`` always holds:
a reader can always find where a summary sentence came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

SCHEMA_VERSION = "1.1"  # 1.1: "headline"


@dataclass
class Article:
    """One outlet's article. ``text`` is the cleaned body every offset points into."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    degraded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "degraded": self.degraded,
            "text": self.text,
        }


@dataclass
class Sentence:
    """A sentence (or, in a degraded article, a sentence-like unit) of one article."""

    article_index: int
    start: int
    end: int
    text: str
    position: int
    degraded: bool = False
    # It continues a quotation opened in an earlier sentence: shown alone, without the
    # opening quote mark, it would read as the outlet's own words.
    inside_quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_index": self.article_index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "position": self.position,
            "degraded": self.degraded,
        }


@dataclass
class Story:
    """Several articles about one event; the unit every stage works on."""

    articles: list[Article]
    id: str | None = None
    focus: str | None = None  # what the reader asked about: a topic or a question


@dataclass
class Claim:
    """Sentences from different articles that say the same thing.

    ``representative`` is the best-formed member: the one a summary shows.
    """

    representative: Sentence
    members: list[Sentence]

    @property
    def article_indices(self) -> list[int]:
        return sorted({s.article_index for s in self.members})


class AttributedSpan(Protocol):
    text: str
    article_index: int
    start: int
    end: int
    supporting: list[int]


def attributed_span(span: AttributedSpan, articles: list[Article]) -> dict[str, Any]:
    """The JSON fields of a shown span: where it is taken from and every article backing it."""
    return {
        "text": span.text,
        "article": articles[span.article_index].id,
        "source": articles[span.article_index].source,
        "start": span.start,
        "end": span.end,
        "supporting_articles": [articles[i].id for i in span.supporting],
        "supporting_sources": [articles[i].source for i in span.supporting],
    }


@dataclass
class SummarySentence:
    """One sentence of a summary: the span shown and every article that backs it."""

    text: str
    article_index: int
    start: int
    end: int
    supporting: list[int]
    score: float = 0.0

    def to_dict(self, articles: list[Article]) -> dict[str, Any]:
        return {**attributed_span(self, articles), "score": round(self.score, 6)}


@dataclass
class Summary:
    """An ordered, attributed extractive summary of one story."""

    sentences: list[SummarySentence]
    articles: list[Article]
    max_words: int
    method: str
    story_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    focus: str | None = None
    # Why no sentence was shown, when none was (also among ``warnings``).
    empty_reason: str | None = None
    # A short title for the story, in the sources' words (newsweave.lede.headline).
    headline: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "newsweave.summary",
            "schema_version": SCHEMA_VERSION,
            "story_id": self.story_id,
            "method": self.method,
            "focus": self.focus,
            "headline": self.headline,
            "max_words": self.max_words,
            "word_count": self.word_count,
            "sentences": [s.to_dict(self.articles) for s in self.sentences],
            "articles": [a.to_dict() for a in self.articles],
            "warnings": list(self.warnings),
        }
