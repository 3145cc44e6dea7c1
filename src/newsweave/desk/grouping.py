"""The grouper of a serving process, kept in step with the store.

``newsweave.group.Grouper`` is an in-memory index. Every ingest runs under the store's
ingest lock, and first folds in whatever other processes (or a shell `newsweave ingest`)
stored since this process last looked (``add_existing``: their decisions are kept, never
re-made), so several processes sharing one PostgreSQL store group as one would.
"""

from __future__ import annotations

from typing import Any

from newsweave.desk.records import StoredArticle
from newsweave.desk.store import SqlStore
from newsweave.errors import NewsweaveError
from newsweave.model import Article

CATCH_UP_PAGE = 1000


class StoreGrouper:
    def __init__(self, window_days: float | None = None) -> None:
        self._window_days = window_days
        self._grouper = self._new()
        self.known_seq = 0  # every stored article up to this one is in the index

    def _new(self) -> Any:
        try:
            from newsweave.group import Grouper
        except ImportError:
            raise NewsweaveError("the desk groups articles with newsweave.group, which this "
                                 "installation lacks") from None
        return Grouper() if self._window_days is None else Grouper(window_days=self._window_days)

    def catch_up(self, store: SqlStore, conn: Any) -> int:
        """Index the articles stored since ``known_seq``; call inside the ingest lock."""
        added = 0
        while True:
            page = store.articles_after(conn, self.known_seq, CATCH_UP_PAGE)
            for stored in page:
                self._grouper.add_existing(_as_article(stored), stored.story_id, stored.copy_of)
                self.known_seq = stored.seq
            added += len(page)
            if len(page) < CATCH_UP_PAGE:
                return added

    def assign(self, article: Article) -> Any:
        """The grouper's Assignment: story_id, copy_of, new_story."""
        return self._grouper.add(article)

    def stored(self, seq: int) -> None:
        """The article just assigned is stored as ``seq`` (the lock is still held)."""
        self.known_seq = seq

    def reset(self) -> None:
        """Forget everything: an ingest failed after the index had taken its articles, so the
        index is rebuilt from the store, which holds only what was committed."""
        self._grouper = self._new()
        self.known_seq = 0


def _as_article(stored: StoredArticle) -> Article:
    article = stored.to_article()
    for name in ("language", "copy_of"):  # fields the grouping issue adds to Article
        if hasattr(article, name):
            setattr(article, name, getattr(stored, name))
    return article
