"""The feed poller: each registered feed is fetched when due, its new entries' pages are
fetched and read with trafilatura, and the articles go through the same ingest as a POST.

A feed that fails (down, slow, a redirect loop, malformed XML) is recorded with its error
and retried later with back-off; the other feeds go on. An entry read once, stored or
refused for good (a PDF, an image, a page with no article), is not fetched again.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import feedparser

from newsweave.desk.fetch import Fetcher, FetchRefused
from newsweave.desk.ingest import ArticleIn, Ingester, article_from_html
from newsweave.desk.records import Feed
from newsweave.errors import InputError

log = logging.getLogger("newsweave.desk.feeds")
DEFAULT_INTERVAL_S = 300.0
MAX_BACKOFF_S = 6 * 3600.0
# A feed of 10,000 entries is read a slice per poll, so one feed cannot hold up the rest.
ENTRIES_PER_POLL = 50
HTML_TYPES = ("text/html", "application/xhtml+xml", "")


class Poller:
    def __init__(self, ingester: Ingester, fetcher: Fetcher,
                 interval_s: float = DEFAULT_INTERVAL_S) -> None:
        self.store = ingester.store
        self.ingester = ingester
        self.fetcher = fetcher
        self.interval_s = interval_s

    def poll_due(self) -> int:
        """Poll every feed that is due; the number of articles stored."""
        stored = 0
        for feed in self.store.feeds_due(time.time()):
            stored += self.poll(feed)
        return stored

    def poll(self, feed: Feed) -> int:
        now = time.time()
        feed.last_polled = now
        try:
            stored, more = self._read(feed)
        except (FetchRefused, InputError) as exc:
            feed.failures += 1
            feed.error = str(exc)
            feed.next_poll = now + min(self.interval_s * 2 ** feed.failures, MAX_BACKOFF_S)
            log.warning("feed %s: %s", feed.url, exc)
            self.store.save_feed(feed)
            return 0
        feed.failures, feed.error = 0, None
        feed.articles += stored
        feed.next_poll = now if more else now + self.interval_s
        self.store.save_feed(feed)
        return stored

    def _read(self, feed: Feed) -> tuple[int, bool]:
        fetched = self.fetcher.get(feed.url, feed.etag, feed.last_modified)
        if fetched.status == 304:
            return 0, False
        parsed: Any = feedparser.parse(fetched.body)
        if parsed.bozo and not parsed.entries:
            raise InputError(f"{feed.url}: not a readable feed "
                             f"({parsed.get('bozo_exception') or 'no entries'})")
        feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
        source = str(parsed.feed.get("title") or "").strip() or None
        fresh = []
        for entry in parsed.entries:  # only as far as this poll's slice, and one more
            if entry.get("link") and not self.store.entry_seen(str(entry["link"])):
                fresh.append(entry)
                if len(fresh) > ENTRIES_PER_POLL:
                    break
        stored = 0
        for entry in fresh[:ENTRIES_PER_POLL]:
            stored += self._read_entry(feed, entry, source)
        if len(fresh) > ENTRIES_PER_POLL:
            feed.etag = feed.last_modified = None  # come back for the rest unconditionally
        return stored, len(fresh) > ENTRIES_PER_POLL

    def _read_entry(self, feed: Feed, entry: Any, source: str | None) -> int:
        url = str(entry["link"])
        try:
            item = self._article(entry, url, source)
            results = self.ingester.ingest([item])
        except InputError as exc:  # for good: not a page with an article
            self.store.record_entry(feed.id, url, time.time(), str(exc))
            return 0
        except FetchRefused as exc:  # perhaps for now: tried again at the next poll
            log.warning("feed %s: entry %s: %s", feed.url, url, exc)
            return 0
        self.store.record_entry(feed.id, url, time.time(), None)
        return sum(r.status == "stored" for r in results)

    def _article(self, entry: Any, url: str, source: str | None) -> ArticleIn:
        page = self.fetcher.get(url)
        if page.content_type not in HTML_TYPES:
            raise InputError(f"{url}: not an HTML page ({page.content_type})")
        html = page.body.decode("utf-8", errors="replace")
        found = article_from_html(html, url)
        return found.model_copy(update={
            "source": source or found.source,
            "title": found.title or entry.get("title"),
            "published": found.published or entry.get("published") or entry.get("updated")})


def poll_forever(poller: Poller, stop: threading.Event, tick_s: float = 5.0) -> None:
    """The serving process's poller thread."""
    while not stop.is_set():
        try:
            poller.poll_due()
        except Exception:  # a store hiccup must not end polling for good
            log.exception("feed polling failed; trying again")
        stop.wait(tick_s)
