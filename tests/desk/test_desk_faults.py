"""Kill -9 the server while clients post batches, restart it: every acknowledged article is
stored once, and every story catches up with its articles."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from desk_server import DeskServer
from invented import filler_articles

from newsweave.desk.sqlite_store import SqliteStore


def _post_all(desk: DeskServer, articles: list[dict], acked: list[str]) -> None:
    for start in range(0, len(articles), 10):
        try:
            answer = desk.post(articles[start:start + 10])
        except httpx.HTTPError:
            return  # the server is gone
        if answer.status_code in (200, 201):
            acked.extend(r["id"] for r in answer.json()["articles"])


def test_kill_9_mid_batch_then_restart(fresh_desk: DeskServer) -> None:
    fresh_desk.start()
    articles = filler_articles(600, "crash")
    acked: list[str] = []
    clients = [threading.Thread(target=_post_all, args=(fresh_desk, articles[i::4], acked))
               for i in range(4)]
    for client in clients:
        client.start()
    deadline = time.monotonic() + 60
    while len(acked) < 80 and time.monotonic() < deadline:
        time.sleep(0.02)
    fresh_desk.kill()
    for client in clients:
        client.join(30)
    assert 80 <= len(acked) < len(articles), "the kill should land mid-stream"

    fresh_desk.start()
    for article_id in acked:
        answer = fresh_desk.get(f"/api/articles/{article_id}")
        assert answer.status_code == 200, (article_id, answer.status_code, answer.text[:300])
    # Everything again: what was stored comes back as a duplicate, nothing is stored twice.
    for start in range(0, len(articles), 100):
        assert fresh_desk.post(articles[start:start + 100]).status_code in (200, 201)
    assert fresh_desk.get("/api/health").json()["articles"] == len(articles)

    deadline = time.monotonic() + 120
    while fresh_desk.get("/api/health").json()["pending_stories"] and \
            time.monotonic() < deadline:
        time.sleep(0.2)
    assert fresh_desk.get("/api/health").json()["pending_stories"] == 0
    store = SqliteStore(Path(fresh_desk.db))
    try:
        stories = store.stories(10_000)
        assert sum(s.article_count for s in stories) == len(articles)
        for story in stories:
            held = [a.id for a in store.story_articles(story.id)]
            assert len(held) == story.article_count
            current = store.story_version(story.id, story.version)
            assert current is not None and current.article_ids == held
            assert story.summarized_seq == story.changed_seq
    finally:
        store.close()
