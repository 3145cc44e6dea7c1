"""The desk server the tests start: a `newsweave serve` subprocess and a client's helpers.

A module of its own (not conftest.py) so that test modules import it by a name no other
directory's conftest shares.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from newsweave.desk.process import ServeProcess

TOKEN = "test-token-7f3a"


class DeskServer(ServeProcess):
    """A `newsweave serve` subprocess with the test token, and a client's helpers."""

    def __init__(self, db: str, args: list[str] | None = None) -> None:
        super().__init__(db, TOKEN, args or [])

    def post(self, payload: Any, token: str | None = TOKEN, **kwargs: Any) -> httpx.Response:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return httpx.post(self.url + "/api/articles", json=payload, headers=headers,
                          timeout=60, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.get(self.url + path, timeout=30, **kwargs)

    def wait_until_current(self, story_id: str, timeout_s: float = 60.0) -> dict[str, Any]:
        """The story once the worker has summarized and analyzed every article it holds."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            story = self.get(f"/api/stories/{story_id}").json()
            if story["version"] > 0 and not story["pending"] and story["analysis_current"]:
                return dict(story)
            time.sleep(0.1)
        raise AssertionError(f"story {story_id} still pending after {timeout_s} s")
