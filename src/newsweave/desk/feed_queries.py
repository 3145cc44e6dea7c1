"""The store's queries about feeds and the entries read from them (a part of SqlStore)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from newsweave.desk.records import Feed

FEED_COLUMNS = ("id, url, added_at, etag, last_modified, last_polled, next_poll, failures, "
                "error, articles")


class FeedQueries:
    """Mixed into SqlStore, whose connection helpers these use."""

    def write_transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _exec(self, conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def add_feed(self, url: str, now: float) -> tuple[Feed, bool]:
        """The feed for ``url`` and whether it was new."""
        with self.write_transaction() as conn:
            row = self._exec(conn, f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?",
                             (url,)).fetchone()
            if row:
                return Feed(*row), False
            self._exec(conn, "INSERT INTO feeds (url, added_at, next_poll, failures, articles)"
                       " VALUES (?, ?, 0, 0, 0)", (url, now))
            row = self._exec(conn, f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?",
                             (url,)).fetchone()
        return Feed(*row), True

    def feeds(self) -> list[Feed]:
        return [Feed(*r) for r in self._all(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY id")]

    def feeds_due(self, now: float) -> list[Feed]:
        rows = self._all(f"SELECT {FEED_COLUMNS} FROM feeds WHERE next_poll <= ? "
                         "ORDER BY next_poll", (now,))
        return [Feed(*r) for r in rows]

    def save_feed(self, feed: Feed) -> None:
        with self.write_transaction() as conn:
            self._exec(conn, "UPDATE feeds SET etag = ?, last_modified = ?, last_polled = ?, "
                       "next_poll = ?, failures = ?, error = ?, articles = ? WHERE id = ?",
                       (feed.etag, feed.last_modified, feed.last_polled, feed.next_poll,
                        feed.failures, feed.error, feed.articles, feed.id))

    def entry_seen(self, url: str) -> bool:
        return self._one("SELECT 1 FROM feed_entries WHERE url = ?", (url,)) is not None

    def record_entry(self, feed_id: int, url: str, now: float, error: str | None) -> None:
        """An entry read once (stored, or refused for good, e.g. a PDF) is not fetched again."""
        with self.write_transaction() as conn:
            if self._exec(conn, "SELECT 1 FROM feed_entries WHERE url = ?",
                          (url,)).fetchone() is None:
                self._exec(conn, "INSERT INTO feed_entries (url, feed_id, seen_at, error) "
                           "VALUES (?, ?, ?, ?)", (url, feed_id, now, error))
