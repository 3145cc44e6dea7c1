"""Two `newsweave serve` processes sharing one real PostgreSQL store, as behind a load
balancer: they group as one desk, nothing is stored twice, both workers keep stories
current. Skipped, with the reason, where PostgreSQL cannot be started."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_server import DeskServer
from invented import PAYWALL_NOTICE, WILDFIRE, filler_articles, harbor_articles
from postgres_server import postgres_server, unavailable_reason

from newsweave.desk.postgres_store import PostgresStore

pytestmark = pytest.mark.skipif(unavailable_reason() is not None,
                                reason=str(unavailable_reason()))


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="module")
def pair(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[DeskServer, DeskServer]]:
    first, second = DeskServer(pg_url).start(), DeskServer(pg_url).start()
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


def test_two_processes_group_as_one_desk(pair: tuple[DeskServer, DeskServer]) -> None:
    first, second = pair
    harbor = harbor_articles()
    one = first.post(harbor[:2]).json()["articles"]
    other = second.post(harbor[2:]).json()["articles"]  # B folds in what A stored first
    assert {a["story_id"] for a in one + other} == {one[0]["story_id"]}
    fire = second.post(WILDFIRE).json()["articles"]
    assert fire[0]["story_id"] != one[0]["story_id"]
    story = first.wait_until_current(one[0]["story_id"])
    assert story["article_count"] == 3 and story["summary"]["sentences"]
    assert second.get(f"/api/articles/{harbor[0]['id']}").json()["story_id"] == story["id"]
    found = second.get("/api/stories", params={"q": "evacuation centre"}).json()["stories"]
    assert [s["id"] for s in found] == [fire[0]["story_id"]]
    # the front page reads each story's publication span from the shared store too
    assert ">2026-08-02 09:00 UTC – 2026-08-02 15:00 UTC<" in first.get("/").text


def test_the_same_articles_sent_to_both_at_once_are_stored_once(
        pair: tuple[DeskServer, DeskServer], pg_url: str) -> None:
    articles = filler_articles(60, "both")
    answers: list[list[dict]] = []

    def send(server: DeskServer) -> None:
        answers.append(server.post(articles).json()["articles"])

    threads = [threading.Thread(target=send, args=(s,)) for s in pair]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(a["status"] for answer in answers for a in answer)
    assert statuses == ["duplicate"] * 60 + ["stored"] * 60
    assert answers[0] == [{**a, "status": b["status"], "new_story": b["new_story"]}
                          for a, b in zip(answers[1], answers[0], strict=True)]
    store = PostgresStore(pg_url)
    try:
        ids = [a.id for s in store.stories(1000) for a in store.story_articles(s.id)]
        assert len(ids) == len(set(ids)) == store.article_count()
    finally:
        store.close()


def test_a_bad_url_is_one_line(tmp_path: Path) -> None:
    from newsweave.desk.backends import open_store
    from newsweave.errors import NewsweaveError

    with pytest.raises(NewsweaveError, match="cannot open the store"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_a_store_from_before_the_not_news_column_gains_it(pg_url: str) -> None:
    """A store the desk wrote before it kept the verdict: opened, it gains the column, and
    its old rows are judged from their text (a notice page reads as one), once: the
    verdict is stored, not judged again on every read."""
    import psycopg

    from newsweave.desk.records import StoredArticle
    from newsweave.desk.store import content_hash

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE DATABASE before_not_news")
    url = pg_url.rsplit("/", 1)[0] + "/before_not_news"
    store = PostgresStore(url)
    try:
        with store.write_transaction() as conn:
            store.insert_article(conn, StoredArticle(
                0, "old-notice", "valley-news", PAYWALL_NOTICE["text"], "s-old", 1.0),
                content_hash(PAYWALL_NOTICE["text"]))
            conn.execute("ALTER TABLE articles DROP COLUMN not_news")
    finally:
        store.close()
    store = PostgresStore(url)
    try:
        found = store.article("old-notice")
        assert found is not None and found.not_news is True
        with store.write_transaction() as conn:  # the column is back, the verdict in it
            assert conn.execute("SELECT not_news FROM articles").fetchall() == [(1,)]
        assert store.judge_old_articles() == 0  # nothing left to judge
    finally:
        store.close()
