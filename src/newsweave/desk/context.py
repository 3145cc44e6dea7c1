"""What every request handler needs, gathered once per application (no global state)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from fastapi import Request

from newsweave.desk.access import Access
from newsweave.desk.ingest import Ingester
from newsweave.desk.store import SqlStore

FRONT_PAGE_MAX_AGE_S = 1.0


class PageCache:
    """Rendered pages kept for a second: under a crowd of readers the front page is drawn
    once a second, not once a reader (the "micro-cache" of news sites); a new story shows
    at most that much later."""

    def __init__(self, max_age_s: float, max_entries: int = 256) -> None:
        self.max_age_s = max_age_s
        self.max_entries = max_entries
        self._pages: dict[tuple[object, ...], tuple[float, bytes]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> bytes | None:
        with self._lock:
            found = self._pages.get(key)
        if found is None or time.monotonic() - found[0] > self.max_age_s:
            return None
        return found[1]

    def put(self, key: tuple[object, ...], body: bytes) -> None:
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


def desk(request: Request) -> Desk:
    """FastAPI dependency: the application's desk."""
    found: Desk = request.app.state.desk
    return found
