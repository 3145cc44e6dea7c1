"""Articles in: validate what a client sent, skip what the store already has (same id, URL
or text), group the rest and store them, all in one transaction.

A batch is all or nothing: if one article is invalid or clashes with a stored one, nothing
of it is stored, so a client can simply send it again once fixed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from newsweave.desk.grouping import StoreGrouper
from newsweave.desk.records import StoredArticle
from newsweave.desk.store import SqlStore, content_hash
from newsweave.errors import InputError
from newsweave.model import Article
from newsweave.reading.read import html_article, looks_binary

MAX_BATCH = 1000
MAX_ID_CHARS = 200
MAX_FIELD_CHARS = 2000
MAX_TEXT_CHARS = 2_000_000


class ArticleIn(BaseModel):
    """One article in the JSON form of the grouping issue."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS,
                      description="The article's body (plain text).")
    id: str | None = Field(default=None, min_length=1, max_length=MAX_ID_CHARS,
                           description="The client's id; the store assigns one if absent.")
    source: str | None = Field(default=None, max_length=MAX_FIELD_CHARS,
                               description="The outlet; its URL's host if absent.")
    title: str | None = Field(default=None, max_length=MAX_FIELD_CHARS)
    url: str | None = Field(default=None, max_length=MAX_FIELD_CHARS)
    published: str | None = Field(default=None, max_length=100)

    @field_validator("text")
    @classmethod
    def _readable(cls, text: str) -> str:
        if looks_binary(text):
            raise ValueError("text looks binary, not an article")
        return text

    @field_validator("id")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is not None and not value.isprintable():
            raise ValueError("id holds control characters")
        return value


ARTICLES = TypeAdapter(list[ArticleIn])


@dataclass
class Ingested:
    id: str
    story_id: str
    status: str  # "stored" or "duplicate"
    new_story: bool = False
    copy_of: str | None = None
    not_news: bool = False  # no news report (a notice page): a story of its own

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


class Conflict(InputError):
    """An article with a stored id but a different text: the client must choose another id."""


def articles_from_json(payload: Any) -> list[ArticleIn]:
    """The articles of a request body: one article object, a list of them, or
    ``{"articles": [...]}``. Raises InputError naming the first problem and where it is."""
    if isinstance(payload, dict) and "articles" in payload and "text" not in payload:
        payload, where = payload["articles"], "articles"
    elif isinstance(payload, list):
        where = "article"
    elif isinstance(payload, dict):
        payload, where = [payload], ""
    else:
        raise InputError("the body must be an article object, a list of them, or "
                         '{"articles": [...]}')
    if not isinstance(payload, list) or not payload:
        raise InputError(f"{where or 'the batch'}: give a non-empty list of articles")
    if len(payload) > MAX_BATCH:
        raise InputError(f"a batch holds at most {MAX_BATCH} articles, not {len(payload)}")
    try:
        return ARTICLES.validate_python(payload)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        location = [str(p) for p in error["loc"]]
        if not where:
            location = location[1:]  # the one article: no index
        named = ".".join([where, *location] if where else location) or "body"
        raise InputError(f"{named}: {error['msg']}") from None


def article_from_html(html: str, url: str) -> ArticleIn:
    """A page's article as trafilatura reads it (the same reading as `newsweave summarize`)."""
    if looks_binary(html):
        raise InputError(f"{url}: the page is not text")
    found = html_article(html, _host(url))
    if found is None:
        raise InputError(f"{url}: no article text found in the page")
    return ArticleIn(text=found.text, source=_host(url), title=found.title, url=url,
                     published=found.published)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "unknown"


@dataclass
class _Request:
    """One caller's articles, waiting to be written with whatever else is waiting."""

    items: list[ArticleIn]
    results: list[Ingested] | None = None
    error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.results is not None or self.error is not None


class Ingester:
    """Stores articles and groups them; one per process, safe to call from many threads.

    Group commit: callers arriving while a transaction is being written wait, and the
    next transaction writes all of them at once, so that concurrent clients share one
    fsync instead of queueing for one each (an article is acknowledged only once its
    transaction is durable). One caller's conflict fails that caller alone.
    """

    def __init__(self, store: SqlStore, grouper: StoreGrouper) -> None:
        self.store = store
        self.grouper = grouper
        self._waiting: list[_Request] = []
        self._writing = False
        self._turn = threading.Condition()

    def warm(self) -> int:
        """Index what the store holds now (at start-up, so the first POST does not wait)."""
        with self._turn:
            while self._writing:
                self._turn.wait()
            self._writing = True
        try:
            with self.store.ingest_lock() as conn:
                return self.grouper.catch_up(self.store, conn)
        finally:
            self._hand_over()

    def ingest(self, items: list[ArticleIn]) -> list[Ingested]:
        request = _Request(items)
        with self._turn:
            self._waiting.append(request)
            while self._writing and not request.done:
                self._turn.wait()
            if not request.done:  # this caller writes everything waiting, its own included
                self._writing = True
                batch, self._waiting = self._waiting, []
        if not request.done:
            try:
                self._write(batch)
            finally:
                self._hand_over()
        if request.error is not None:
            raise request.error
        assert request.results is not None
        return request.results

    def _hand_over(self) -> None:
        with self._turn:
            self._writing = False
            self._turn.notify_all()

    def _write(self, batch: list[_Request]) -> None:
        """Decide where every waiting article goes, then store them all in one transaction.
        Both under the ingest lock; the store's write lock only for the second."""
        try:
            with self.store.ingest_lock() as conn:
                self.grouper.catch_up(self.store, conn)
                planned = _Planned()
                decided: list[tuple[_Request, list[Ingested]]] = []
                for request in batch:
                    try:
                        self._check(conn, request.items)
                    except Conflict as exc:
                        request.error = exc
                        continue
                    decided.append((request, self._decide(conn, request.items, planned)))
                with self.store.ingest_writes(conn) as writing:
                    for stored, text_hash in planned.articles:
                        seq = self.store.insert_article(writing, stored, text_hash)
                        self.store.touch_story(writing, stored, seq)
                        self.grouper.stored(seq)
            # Only now is a request done: a waiting caller that wakes while the batch is
            # being written (any wake-up, not only the hand-over) must not answer before
            # the commit, or an acknowledged article could be lost to a crash.
            for request, results in decided:
                request.results = results
        except BaseException as exc:
            self.grouper.reset()  # it may hold articles that were rolled back
            for request in batch:
                request.results, request.error = None, exc
            raise

    def _check(self, conn: Any, items: list[ArticleIn]) -> None:
        """Refuse the whole request before anything of it is grouped or stored."""
        texts: dict[str, str] = {}
        for item in items:
            if item.id is None:
                continue
            text_hash = content_hash(item.text)
            found = self.store.article(item.id, conn)
            known = texts.setdefault(item.id, text_hash)
            if known != text_hash or (found and content_hash(found.text) != text_hash):
                raise Conflict(f"article {item.id!r} is already stored with another text")

    def _decide(self, conn: Any, items: list[ArticleIn], planned: _Planned) -> list[Ingested]:
        """Each article's story (grouping it), or the stored or planned article it repeats."""
        results: list[Ingested] = []
        now = time.time()
        for item in items:
            text_hash = content_hash(item.text)
            found = (planned.repeated(item.id, item.url, text_hash)
                     or self.store.duplicate_of(conn, item.id, item.url, text_hash))
            if found is not None:
                results.append(Ingested(found.id, found.story_id, "duplicate",
                                        copy_of=found.copy_of, not_news=found.not_news))
                continue
            article_id = item.id or "nw-" + text_hash[:16]
            source = item.source or (_host(item.url) if item.url else "unknown")
            article = Article(id=article_id, source=source, text=item.text, title=item.title,
                              url=item.url, published=item.published)
            assignment = self.grouper.assign(article)
            stored = StoredArticle(0, article_id, source, item.text, assignment.story_id, now,
                                   item.title, item.url, item.published,
                                   getattr(article, "language", None), assignment.copy_of,
                                   assignment.not_news)
            planned.add(stored, text_hash)
            results.append(Ingested(article_id, assignment.story_id, "stored",
                                    assignment.new_story, assignment.copy_of,
                                    assignment.not_news))
        return results


class _Planned:
    """The articles one ingest will store, in order; a later article repeating one of them
    (same id, URL or text) is a duplicate of it, as if it were stored already."""

    def __init__(self) -> None:
        self.articles: list[tuple[StoredArticle, str]] = []
        self._by_key: dict[tuple[str, str], StoredArticle] = {}

    def add(self, stored: StoredArticle, text_hash: str) -> None:
        self.articles.append((stored, text_hash))
        for key in _repeat_keys(stored.id, stored.url, text_hash):
            self._by_key.setdefault(key, stored)

    def repeated(self, article_id: str | None, url: str | None,
                 text_hash: str) -> StoredArticle | None:
        return next((self._by_key[key] for key in _repeat_keys(article_id, url, text_hash)
                     if key in self._by_key), None)


def _repeat_keys(article_id: str | None, url: str | None,
                 text_hash: str) -> list[tuple[str, str]]:
    """What makes an article a repeat of another, as the store's duplicate_of checks it."""
    return [(name, value) for name, value in (("id", article_id), ("url", url),
                                              ("hash", text_hash)) if value is not None]
