"""The rows the desk's store holds, as plain dataclasses that every backend returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsweave.model import Article, published_seconds


@dataclass
class StoredArticle:
    """An article as the store keeps it: the caller's article plus where and when it went."""

    seq: int  # arrival order across the whole store; "new since a version" compares it
    id: str
    source: str
    text: str
    story_id: str
    received_at: float
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    copy_of: str | None = None
    # Judged no news report (a crawl notice, a sign-in box: group/not_news.py), so it
    # stands alone in its story; a reader must see why it joined nothing.
    not_news: bool = False

    @property
    def published_at(self) -> float | None:
        """``published`` as seconds since the epoch (``published_seconds``)."""
        return published_seconds(self.published)

    def to_article(self) -> Article:
        return Article(id=self.id, source=self.source, text=self.text, title=self.title,
                       url=self.url, published=self.published)

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        fields = {"id": self.id, "source": self.source, "title": self.title, "url": self.url,
                  "published": self.published, "language": self.language,
                  "copy_of": self.copy_of, "not_news": self.not_news,
                  "story_id": self.story_id,
                  "received_at": self.received_at}
        return {**fields, "text": self.text} if with_text else fields


NO_NEWS_REASON = ("no news report: every page of this story is a notice, sign-in or error "
                  "page, with nothing to summarize or analyze")


def notice_headline(articles: list[StoredArticle]) -> str | None:
    """What a story of pages that report nothing is called (a notice page stands alone:
    group/not_news.py); None for a story with a news report."""
    if not articles or not all(a.not_news for a in articles):
        return None
    outlets = ", ".join(sorted({a.source for a in articles}))
    return f"No news report: a notice, sign-in or error page ({outlets})"


# A story headed by its first article's opening words shows this many of them: enough to
# recognise the page, short enough for a headline.
OPENING_WORDS = 12


def opening_headline(articles: list[StoredArticle]) -> str | None:
    """A headline for a story with no summary sentence to take one from: its first
    titled article's title, else its first article's opening words, quoted (they are the
    page's, not a headline anyone wrote) with its outlet; None for no articles."""
    titled = next((a.title for a in articles if a.title and a.title.strip()), None)
    if titled:
        return " ".join(titled.split())
    first = next((a for a in articles if a.text.strip()), None)
    if first is None:
        return None
    words = first.text.split()
    opening = " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")
    return f"“{opening}” ({first.source})"


@dataclass
class StoryRow:
    """A story's current state: what the front page lists and the story page shows."""

    id: str
    version: int  # 0 until the worker has summarized it once
    created_at: float
    changed_at: float  # when its latest article arrived
    updated_at: float | None  # when its latest version was written
    changed_seq: int  # the seq of its latest article
    summarized_seq: int  # the latest article seq its current version has read
    article_count: int
    outlets: list[str]
    headline: str | None = None
    lede: str | None = None
    conflict_count: int = 0
    analyzed_seq: int = 0  # the latest article seq its analysis has read
    summary: dict[str, Any] | None = None
    analysis: dict[str, Any] | None = None

    @property
    def pending(self) -> bool:
        """Articles have arrived that its current version has not read yet."""
        return self.changed_seq > self.summarized_seq

    @property
    def analysis_current(self) -> bool:
        return self.analyzed_seq >= self.summarized_seq

    def listing(self) -> dict[str, Any]:
        return {"id": self.id, "headline": self.headline, "lede": self.lede,
                "outlets": self.outlets, "article_count": self.article_count,
                "conflicts": self.conflict_count, "created": self.created_at,
                "updated": self.changed_at, "version": self.version, "pending": self.pending}


@dataclass
class StoryVersion:
    """One recomputation of a story, kept so a reader can ask what changed since."""

    story_id: str
    version: int
    created_at: float
    summarized_seq: int
    article_ids: list[str]
    summary: dict[str, Any]
    conflicts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Feed:
    id: int
    url: str
    added_at: float
    etag: str | None = None
    last_modified: str | None = None
    last_polled: float | None = None
    next_poll: float = 0.0
    failures: int = 0
    error: str | None = None
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))
