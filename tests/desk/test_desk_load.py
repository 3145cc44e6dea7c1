"""A bounded load test on loopback: 20 clients post articles one a request while 20 read
pages; every acknowledged article is stored, once. (benchmarks/desk.py runs the issue's
full size and measures it.)"""

from __future__ import annotations

from desk_server import TOKEN, DeskServer
from invented import WILDFIRE, filler_articles

from newsweave.desk.loadgen import run_load

POSTED = 300


def test_twenty_writers_and_twenty_readers(fresh_desk: DeskServer) -> None:
    fresh_desk.start()
    seeded = fresh_desk.post(WILDFIRE).json()["articles"]
    articles = filler_articles(POSTED, "load")
    load = run_load(fresh_desk.url, TOKEN, articles, [seeded[0]["story_id"]], writers=20,
                    readers=20, limit_s=120)
    assert load.errors == []
    assert len(load.acked) == POSTED and set(load.acked.values()) == set(load.acked)
    assert load.front and load.story
    assert fresh_desk.get("/api/health").json()["articles"] == POSTED + len(WILDFIRE)
    again = fresh_desk.post(articles[:100]).json()["articles"]
    assert {a["status"] for a in again} == {"duplicate"}
