"""The data model every pipeline stage reads and writes.

Spans keep character offsets into their article's clean text, so that
``article.text[sentence.start:sentence.end] == sentence.text`` always holds:
a reader can always find where a summary sentence came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from newsweave.reading.decode import visible

SCHEMA_VERSION = "1.3"  # 1.1: "headline"; 1.2: a sentence's "cut_short"; 1.3: "cut_off"


def published_seconds(published: str | None) -> float | None:
    """An ISO 8601 date or time as seconds since the epoch, or None where it is absent or
    unreadable. A time naming no zone is read as UTC, so that grouping and the desk's
    store give one article the same moment on every machine, whatever its local zone."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


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
    language: str | None = None  # ISO 639-1 code, as detected when grouping
    copy_of: str | None = None  # the id of the article this one reprints
    not_news: bool = False  # a page that reports nothing (crawl notice, sign-in box): alone

    def __post_init__(self) -> None:
        # Invisible controls (bidi overrides, zero-width characters, ESC) leave every field
        # here, before any offset points into the text: see decode.visible.
        from newsweave.reading.decode import visible

        for name in ("id", "text", "source", "title", "url", "published"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, visible(value))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "degraded": self.degraded,
            "language": self.language,
            "copy_of": self.copy_of,
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
    # The article's text ends with it: where it does not end as a sentence does, the text
    # was cut off in it (Multi-News cuts every article short).
    ends_text: bool = False
    # Such a sentence shortened to the whole clause before the cut
    # (newsweave.summarizer.cut_short): shown with " …" after it.
    cut_short: bool = False

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
    # Articles the reader has already read: the summary then says only what ``articles``
    # add to them (an update summary, see newsweave.update).
    previous: list[Article] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.id, str):  # shown as the summary's heading: see Article
            self.id = visible(self.id)


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
    """The JSON fields of a shown span: where it is taken from and every article backing it
    (independent reports only; ``reprinted_by`` lists the reprints of those)."""
    return {
        "text": span.text,
        "article": articles[span.article_index].id,
        "source": articles[span.article_index].source,
        "start": span.start,
        "end": span.end,
        "supporting_articles": [articles[i].id for i in span.supporting],
        "supporting_sources": [articles[i].source for i in span.supporting],
        "reprinted_by": [articles[i].id for i in reprints_of(span.supporting, articles)],
    }


def reprints_of(indices: list[int], articles: list[Article]) -> list[int]:
    """The articles that reprint one of ``indices`` (their ``copy_of`` names it)."""
    ids = {articles[i].id for i in indices}
    return [i for i, article in enumerate(articles) if article.copy_of in ids]


@dataclass
class EarlierReport:
    """What a previously read article said of a quantity that an update now gives anew."""

    text: str
    article: str  # the previous article's id
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "article": self.article, "source": self.source}


CUT_MARK = " …"


@dataclass
class SummarySentence:
    """One sentence of a summary: the span shown and every article that backs it."""

    text: str
    article_index: int
    start: int
    end: int
    supporting: list[int]
    score: float = 0.0
    # In an update summary: "new" (no previous article reports it) or "change" (new
    # figures for a quantity previous articles reported, given in ``earlier``).
    update: str | None = None
    earlier: list[EarlierReport] = field(default_factory=list)
    # The article's text was cut off in the sentence, and ``text`` is the whole clause
    # before the cut (newsweave.summarizer.cut_short).
    cut_short: bool = False

    @property
    def reads(self) -> str:
        """The sentence as a reader is shown it: ``text``, with " …" where it was cut
        short (``text`` itself stays the exact slice ``start:end`` of the article)."""
        return self.text + CUT_MARK if self.cut_short else self.text

    def to_dict(self, articles: list[Article]) -> dict[str, Any]:
        fields = {**attributed_span(self, articles), "score": round(self.score, 6),
                  "cut_short": self.cut_short}
        if self.update is not None:
            fields["update"] = self.update
            fields["earlier"] = [report.to_dict() for report in self.earlier]
        return fields


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
    # An update summary: the articles the reader had read (what ``sentences`` add to).
    previous: list[Article] | None = None

    @property
    def text(self) -> str:
        return "\n".join(s.reads for s in self.sentences)

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
        } | self._previous_fields()

    def _previous_fields(self) -> dict[str, Any]:
        if self.previous is None:
            return {}
        return {"previous_articles": [
            {key: value for key, value in article.to_dict().items() if key != "text"}
            for article in self.previous
        ]}
