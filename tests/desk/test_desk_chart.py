"""The coverage chart keeps one clock: publication times, or arrival times for all."""

from __future__ import annotations

from desk_server import DeskServer
from invented import WILDFIRE

from newsweave.desk.chart import coverage_chart
from newsweave.desk.records import StoredArticle

TODAY = 1_765_000_000.0  # arrival times: one afternoon


def article(seq: int, source: str, published: str | None) -> StoredArticle:
    return StoredArticle(seq, f"a{seq}", source, "text", "s1", TODAY + 600 * seq,
                         published=published)


def test_one_article_without_a_date_puts_every_article_on_arrival_time() -> None:
    chart = coverage_chart([article(1, "metro", "2025-10-01T08:00:00Z"),
                            article(2, "ledger", None), article(3, "wire", None)])
    assert chart is not None and chart.clock == "received"
    # a year-old publication date would otherwise stretch the axis over fourteen months
    assert chart.start.startswith("2025-12-06") and chart.end.startswith("2025-12-06")
    xs = [dot.x for row in chart.rows for dot in row.dots]
    assert len(xs) == 3 and len(set(xs)) == 3


def test_every_article_dated_puts_them_on_publication_time() -> None:
    chart = coverage_chart([article(1, "metro", "2025-10-01T08:00:00Z"),
                            article(2, "ledger", "2025-10-01T09:30:00+00:00"),
                            article(3, "wire", "2025-10-02T07:00:00")])
    assert chart is not None and chart.clock == "published"
    assert chart.start == "2025-10-01 08:00 UTC" and chart.end == "2025-10-02 07:00 UTC"
    assert [row.outlet for row in chart.rows] == ["metro", "ledger", "wire"]


def test_an_unreadable_date_counts_as_none() -> None:
    chart = coverage_chart([article(1, "metro", "last Tuesday"),
                            article(2, "ledger", "2025-10-01T09:30:00Z")])
    assert chart is not None and chart.clock == "received"


def test_pages_say_when_an_article_was_published_else_when_it_arrived(desk: DeskServer
                                                                      ) -> None:
    undated = {**WILDFIRE[2], "id": "fire-undated", "published": None}
    posted = desk.post([*WILDFIRE[:2], undated]).json()["articles"]
    story_id = posted[0]["story_id"]
    assert {a["story_id"] for a in posted} == {story_id}
    page = desk.get(f"/stories/{story_id}").text
    assert "valley-news</a>, published 2026-08-02 09:00 UTC" in page
    assert "state-wire</a>, published 2026-08-02 11:30 UTC" in page
    assert f"{WILDFIRE[2]['source']}</a>, received 20" in page  # no date: when it came
    article_page = desk.get(f"/stories/{story_id}/articles/fire-valley-news").text
    assert "· published 2026-08-02 09:00 UTC ·" in article_page

    # The front page: a story whose every article is dated spans their publication times;
    # one with an undated article, the times its articles arrived (one clock, as the chart).
    tram = "The city council voted 7-2 on Monday to approve a 9-kilometre tram line to the "
    dated = desk.post([
        {"id": "tram-metro", "source": "metro-post", "published": "2026-07-06T08:00:00Z",
         "text": tram + "university, the mayor said. Construction begins next spring."},
        {"id": "tram-wire", "source": "state-wire", "published": "2026-07-06T13:30:00+00:00",
         "text": tram + "harbour district. The line will cost 410 million euros."},
    ]).json()["articles"]
    assert dated[0]["story_id"] == dated[1]["story_id"] != story_id
    front = desk.get("/").text
    assert "published <time" in front and ">2026-07-06 08:00 UTC – 2026-07-06 13:30 UTC<" in front
    assert front.count("published <time") == 1  # not the wildfire's, one article undated


def test_published_at_reads_iso_times_and_nothing_else() -> None:
    assert article(1, "metro", "2025-10-01T08:00:00Z").published_at == 1_759_305_600.0
    assert article(1, "metro", "2025-10-01T08:00:00").published_at == 1_759_305_600.0
    assert article(1, "metro", "last Tuesday").published_at is None
    assert article(1, "metro", None).published_at is None
