"""What every request handler needs, gathered once per application (no global state)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from newsweave.desk.access import Access
from newsweave.desk.ingest import Ingester
from newsweave.desk.store import SqlStore

FRONT_PAGE_MAX_AGE_S = 1.0


class PageCache:
    """Results kept for ``max_age_s``. The front page is kept a second: under a crowd of
    readers it is drawn once a second, not once a reader (the "micro-cache" of news
    sites), and a new story shows at most that much later."""

    def __init__(self, max_age_s: float, max_entries: int = 256) -> None:
        self.max_age_s = max_age_s
        self.max_entries = max_entries
        self._pages: dict[tuple[object, ...], tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> Any:
        with self._lock:
            found = self._pages.get(key)
        if found is None or time.monotonic() - found[0] > self.max_age_s:
            return None
        return found[1]

    def put(self, key: tuple[object, ...], body: Any) -> None:
        with self._lock:
            if len(self._pages) >= self.max_entries:
                self._pages.clear()
            self._pages[key] = (time.monotonic(), body)


@dataclass
class Desk:
    store: SqlStore
    ingester: Ingester
    access: Access
    allow_private_feeds: bool = False
    front_pages: PageCache = field(default_factory=lambda: PageCache(FRONT_PAGE_MAX_AGE_S))
    # What is new in a story between two versions never changes: worked out once.
    updates: PageCache = field(default_factory=lambda: PageCache(float("inf")))


def desk(request: Request) -> Desk:
    """FastAPI dependency: the application's desk."""
    found: Desk = request.app.state.desk
    return found
