"""What keeps the desk responsive under load, tested over a real SQLite file: ingest
decides without holding SQLite's write lock, repeats inside one group commit are caught, a
page expiring under a crowd of readers is drawn once, and several workers share the
stories."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from desk_server import DeskServer
from invented import WILDFIRE, harbor_articles

from newsweave.desk.context import PageCache
from newsweave.desk.grouping import StoreGrouper
from newsweave.desk.ingest import Ingester, articles_from_json
from newsweave.desk.records import StoryVersion
from newsweave.desk.sqlite_store import SqliteStore
from newsweave.desk.store import SqlStore, content_hash, shard_of
from newsweave.desk.worker import resummarize
from newsweave.model import Article

FERRY = "The ferry Marigold returned to service on Friday after three weeks of repairs."
BRIDGE = "The county reopened the Ashford bridge to trucks on Monday after an inspection."


class _SlowGrouper(StoreGrouper):
    """Grouping that takes as long as the test says: a stand-in for a busy grouper."""

    def __init__(self) -> None:
        super().__init__()
        self.grouping = threading.Event()
        self.finish = threading.Event()

    def assign(self, article: Article) -> Any:
        self.grouping.set()
        self.finish.wait(10)
        return super().assign(article)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = SqliteStore(tmp_path / "desk.db")
    yield opened
    opened.close()


def test_summaries_are_written_while_an_ingest_is_grouping(store: SqliteStore) -> None:
    Ingester(store, StoreGrouper()).ingest(articles_from_json({"id": "b", "text": BRIDGE}))
    story_id = store.article("b").story_id  # type: ignore[union-attr]
    grouper = _SlowGrouper()
    ingester = Ingester(store, grouper)
    posting = threading.Thread(target=ingester.ingest,
                               args=(articles_from_json({"id": "f", "text": FERRY}),))
    posting.start()
    try:
        assert grouper.grouping.wait(10)
        started = time.monotonic()
        written = store.write_version(StoryVersion(story_id, 0, time.time(), 1, ["b"],
                                                   {"sentences": []}), "Bridge", None)
        waited = time.monotonic() - started
    finally:
        grouper.finish.set()
        posting.join(10)
    assert written and waited < 2.0, f"the worker's write waited {waited:.1f} s for grouping"
    assert store.article("f") is not None


def test_repeats_inside_one_batch_are_duplicates_of_the_first(store: SqliteStore) -> None:
    answers = Ingester(store, StoreGrouper()).ingest(articles_from_json([
        {"id": "a", "text": FERRY, "url": "https://example.org/ferry"},
        {"text": "  " + FERRY},  # the same text, no id
        {"id": "c", "text": "Other words, the same page.", "url": "https://example.org/ferry"},
        {"id": "a", "text": FERRY},
    ]))
    assert [(a.id, a.status) for a in answers] == [
        ("a", "stored"), ("a", "duplicate"), ("a", "duplicate"), ("a", "duplicate")]
    assert store.article_count() == 1


def test_concurrent_posts_of_one_text_store_it_once(store: SqliteStore) -> None:
    ingester = Ingester(store, StoreGrouper())
    start = threading.Barrier(8)
    answers: list[str] = []

    def post(n: int) -> None:
        start.wait()
        answers.extend(a.status for a in ingester.ingest(
            articles_from_json({"text": FERRY, "source": f"outlet-{n}"})))

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(answers) == ["duplicate"] * 7 + ["stored"]
    assert store.article_count() == 1


def test_a_page_expiring_under_a_crowd_is_drawn_once() -> None:
    cache = PageCache(max_age_s=0.3)
    draws: list[float] = []

    def draw() -> bytes:
        draws.append(time.monotonic())
        time.sleep(0.2)
        return f"page {len(draws)}".encode()

    got: list[tuple[bytes, float]] = []

    def read() -> None:
        started = time.monotonic()
        body = cache.fetch(("front",), draw)
        got.append((body, time.monotonic() - started))

    def crowd() -> None:
        readers = [threading.Thread(target=read) for _ in range(20)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(10)

    crowd()  # nothing cached: one draws, the others wait for it
    assert len(draws) == 1 and {body for body, _ in got} == {b"page 1"}
    got.clear()
    time.sleep(0.4)  # expired: one draws again; the others get the old page at once
    crowd()
    assert len(draws) == 2
    stale = [seconds for body, seconds in got if body == b"page 1"]
    assert len(stale) == 19 and max(stale) < 0.1
    assert cache.fetch(("front",), draw) == b"page 2"


def test_workers_share_the_stories_and_each_keeps_its_own(store: SqlStore) -> None:
    texts = [
        "The Ashford council voted on Tuesday to rebuild the flooded public library.",
        "A magnitude 5.8 earthquake shook the coastal city of Varna before dawn on Monday.",
        "Striking dock workers in Port Elling returned to work after a pay deal was signed.",
        "The national orchestra named violinist Mira Solberg as its new music director.",
        "Wheat prices rose sharply after drought cut the northern harvest by a third.",
        "A rare white moose was filmed crossing a forest road near Lake Tarrow.",
        "Engineers launched a weather satellite from the Kestrel Point spaceport on Friday.",
    ]
    Ingester(store, StoreGrouper()).ingest(articles_from_json([{"text": t} for t in texts]))
    story_ids = {store.article(f"nw-{content_hash(t)[:16]}").story_id  # type: ignore[union-attr]
                 for t in texts}
    assert len(story_ids) == 7
    mine = {k: {s for s in story_ids if shard_of(s, 2) == k} for k in (0, 1)}
    assert mine[0] and mine[1], "seven stories all in one of two shards: pick other texts"
    done: set[str] = set()
    while (story_id := store.pending_story(shard=(0, 2))) is not None:
        assert story_id in mine[0]
        resummarize(store, story_id)
        done.add(story_id)
    assert done == mine[0]
    assert store.pending_count() == len(mine[1])
    assert store.pending_story(shard=(1, 2)) in mine[1]


def test_serve_with_two_workers_keeps_every_story_current(tmp_path: Path) -> None:
    server = DeskServer(str(tmp_path / "desk.db"), ["--workers", "2"]).start()
    try:
        stories = {a["story_id"] for batch in (harbor_articles(), WILDFIRE)
                   for a in server.post(batch).json()["articles"]}
        assert len(stories) == 2
        for story_id in stories:
            assert server.wait_until_current(story_id)["version"] >= 1
    finally:
        server.stop()


class _GatedStore(SqliteStore):
    """A real store whose ingest writes wait for the test's permission, one per write."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.permits = threading.Semaphore(0)
        self.arrived = 0

    def ingest_writes(self, conn: Any) -> Any:
        self.arrived += 1
        assert self.permits.acquire(timeout=20), "the test never let this write go"
        return super().ingest_writes(conn)


def test_no_caller_is_answered_before_its_batch_is_committed(tmp_path: Path) -> None:
    store = _GatedStore(tmp_path / "desk.db")
    ingester = Ingester(store, StoreGrouper())
    answered: dict[str, Any] = {}

    def post(article_id: str, text: str) -> None:
        answered[article_id] = ingester.ingest(articles_from_json({"id": article_id,
                                                                    "text": text}))

    def until(condition: Any) -> None:
        deadline = time.monotonic() + 10
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert condition()

    posts = [threading.Thread(target=post, args=("first", BRIDGE))]
    posts[0].start()
    until(lambda: store.arrived == 1)  # the first write holds the turn
    for article_id, text in (("second", FERRY), ("third", WILDFIRE[0]["text"])):
        posts.append(threading.Thread(target=post, args=(article_id, text)))
        posts[-1].start()
    until(lambda: len(ingester._waiting) == 2)
    store.permits.release()
    until(lambda: store.arrived == 2)  # second and third, decided, wait to be written
    with ingester._turn:  # a wake-up that is not a hand-over
        ingester._turn.notify_all()
    time.sleep(0.3)
    try:
        assert set(answered) == {"first"}, "answered before the batch was committed"
    finally:
        store.permits.release()
        for thread in posts:
            thread.join(20)
        store.close()
    assert set(answered) == {"first", "second", "third"}
    assert all(store.article(a) is not None for a in answered)
