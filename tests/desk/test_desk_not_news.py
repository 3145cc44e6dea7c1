"""A page judged no news report (a paywall or crawl notice) is shown as such by a real
`newsweave serve`: in the ingest answer, the API's articles and the story and article pages;
kept in the store (judged from the text, once, in a store written before the column
existed); a story of notices only says so instead of showing empty sections."""

from __future__ import annotations

import sqlite3

from desk_server import DeskServer
from invented import PAYWALL_NOTICE, WILDFIRE

SHOWN = "no news report"


def test_a_notice_is_marked_wherever_its_story_membership_shows(desk: DeskServer) -> None:
    results = desk.post([*WILDFIRE[:2], PAYWALL_NOTICE]).json()["articles"]
    fire, notice = results[0], results[2]
    assert [r["not_news"] for r in results] == [False, False, True]
    assert notice["new_story"] and notice["story_id"] != fire["story_id"]
    assert desk.post(PAYWALL_NOTICE).json()["articles"][0]["not_news"]  # a duplicate too

    assert desk.get(f"/api/articles/{notice['id']}").json()["not_news"] is True
    assert desk.get(f"/api/articles/{fire['id']}").json()["not_news"] is False
    listed = desk.get(f"/api/stories/{notice['story_id']}").json()["articles"]
    assert [(a["id"], a["not_news"]) for a in listed] == [(notice["id"], True)]
    reports = desk.get(f"/api/stories/{fire['story_id']}").json()["articles"]
    assert {a["not_news"] for a in reports} == {False}

    page = desk.get(f"/stories/{notice['story_id']}").text
    assert SHOWN in page
    assert "1 outlet · 1 article ·" in page  # not "1 outlets · 1 articles"
    assert SHOWN not in desk.get(f"/stories/{fire['story_id']}").text
    article_page = desk.get(f"/stories/{notice['story_id']}/articles/{notice['id']}").text
    assert SHOWN in article_page
    # On the front page its story is no "Untitled story": its headline says what it is.
    story = desk.wait_until_current(notice["story_id"])
    assert story["headline"] == "No news report: a notice, sign-in or error page (valley-news)"
    assert not desk.wait_until_current(fire["story_id"])["headline"].startswith("No news")


def test_a_notices_only_story_page_says_so_instead_of_empty_sections(desk: DeskServer) -> None:
    notice = desk.post(PAYWALL_NOTICE).json()["articles"][0]
    headline = "No news report: a notice, sign-in or error page (valley-news)"
    pages = [desk.get(f"/stories/{notice['story_id']}").text]  # perhaps before the worker
    story = desk.wait_until_current(notice["story_id"])
    pages.append(desk.get(f"/stories/{notice['story_id']}").text)
    for page in pages:
        assert f"<h1>{headline}</h1>" in page and 'id="no-news"' in page
        assert "Untitled story" not in page
        for empty in ("Consensus", "Exclusives", "Quotes", "Timeline", "Entities", "Summary",
                      "No claim reported by two outlets yet", "Not summarized yet"):
            assert empty not in page
        assert notice["id"] in page  # the page itself is still listed
    # Nothing of a notice is summarized or analyzed: the version says why.
    assert story["summary"]["sentences"] == []
    assert story["summary"]["empty_reason"].startswith("no news report: every page")


def test_a_store_from_before_the_column_shows_it_too(fresh_desk: DeskServer) -> None:
    fresh_desk.start()
    notice = fresh_desk.post(PAYWALL_NOTICE).json()["articles"][0]
    fresh_desk.stop()
    with sqlite3.connect(fresh_desk.db) as conn:  # the store as the desk wrote it before
        conn.execute("ALTER TABLE articles DROP COLUMN not_news")
    conn.close()
    fresh_desk.start()
    assert fresh_desk.get(f"/api/articles/{notice['id']}").json()["not_news"] is True
    later = fresh_desk.post(WILDFIRE[0]).json()["articles"][0]
    assert later["not_news"] is False and later["story_id"] != notice["story_id"]
    assert fresh_desk.get(f"/api/articles/{later['id']}").json()["not_news"] is False
    # The old row was judged once, on opening, and its verdict stored: reads take it as is.
    with sqlite3.connect(fresh_desk.db) as conn:
        stored = dict(conn.execute("SELECT id, not_news FROM articles").fetchall())
    conn.close()
    assert stored == {notice["id"]: 1, later["id"]: 0}
