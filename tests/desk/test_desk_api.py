"""The JSON API of a real `newsweave serve`, as a client uses it."""

from __future__ import annotations

import httpx
from desk_server import TOKEN, DeskServer
from invented import WILDFIRE, harbor_articles


def test_post_groups_stores_and_answers_the_story_each_joined(desk: DeskServer) -> None:
    answer = desk.post(harbor_articles())
    assert answer.status_code == 201, answer.text
    results = answer.json()["articles"]
    assert [r["status"] for r in results] == ["stored"] * 3
    assert len({r["story_id"] for r in results}) == 1  # one story, told three times
    stored = desk.get(f"/api/articles/{results[0]['id']}").json()
    assert stored["text"] == harbor_articles()[0]["text"].strip()
    assert stored["story_id"] == results[0]["story_id"]

    fire = desk.post({"articles": WILDFIRE}).json()["articles"]
    assert len({r["story_id"] for r in fire}) == 1
    assert fire[0]["story_id"] != results[0]["story_id"]


def test_reposting_by_id_url_or_text_stores_nothing_twice(desk: DeskServer) -> None:
    first = {"id": "dup-1", "source": "dup", "url": "https://example.org/a/1",
             "text": "The ferry Marigold returned to service on Friday after repairs."}
    assert desk.post(first).status_code == 201
    before = desk.get("/api/health").json()["articles"]
    same_url = {**first, "id": "dup-2", "text": "Other words entirely, same address."}
    same_text = {"text": "The  ferry Marigold returned to service on Friday after repairs. "}
    for again in (first, same_url, same_text):
        answer = desk.post(again)
        assert answer.status_code == 200
        assert answer.json()["articles"][0] == {**answer.json()["articles"][0],
                                                "id": "dup-1", "status": "duplicate"}
    assert desk.get("/api/health").json()["articles"] == before


def test_same_id_with_another_text_is_a_conflict_and_stores_nothing(desk: DeskServer) -> None:
    desk.post({"id": "clash", "text": "The first text of the clash article."})
    before = desk.get("/api/health").json()["articles"]
    batch = [{"id": "clash-new", "text": "A new article that must not be half-stored."},
             {"id": "clash", "text": "A second, different text under the same id."}]
    answer = desk.post(batch)
    assert answer.status_code == 409
    assert "clash" in answer.json()["detail"]
    assert desk.get("/api/health").json()["articles"] == before
    assert desk.get("/api/articles/clash-new").status_code == 404


def test_the_story_updates_in_the_background_and_says_what_is_new(desk: DeskServer) -> None:
    harbor = harbor_articles()
    story_id = desk.post(harbor[:2]).json()["articles"][0]["story_id"]
    first = desk.wait_until_current(story_id)
    assert first["summary"]["sentences"]
    assert first["headline"] and first["lede"]
    assert first["analysis"]["schema"] == "newsweave.analysis"
    seen = first["version"]
    extra = {"id": "harbor-extra", "source": "late-outlet",
             "text": "Divers found the ferry's anchor chain wrapped around the fallen span of "
                     "the Tollan Bridge in Port Ellis on Thursday, the harbour master said, "
                     "and the salvage barge Orca will lift the bus on Friday at dawn."}
    assert desk.post(extra).json()["articles"][0]["story_id"] == story_id
    later = desk.wait_until_current(story_id)
    assert later["version"] > seen
    news = desk.get(f"/api/stories/{story_id}", params={"since": seen}).json()["new"]
    assert news["articles"] == ["harbor-extra"]
    for sentence in news["sentences"]:
        assert sentence["supporting_articles"] == ["harbor-extra"]
    assert desk.get(f"/api/stories/{story_id}", params={"since": 999}).status_code == 400


def test_listing_is_paginated_newest_update_first(desk: DeskServer) -> None:
    # A story of its own first: the module's other tests may run on another xdist worker.
    desk.post({"id": "list-older", "source": "older",
               "text": "The Marrow river ferry resumed its winter timetable on Saturday."})
    desk.post({"id": "list-probe", "source": "probe",
               "text": "Astronomers at the Kell observatory named a new comet after a pupil."})
    page = desk.get("/api/stories", params={"per_page": 1}).json()
    assert page["per_page"] == 1 and page["total"] >= 2 and len(page["stories"]) == 1
    newest = page["stories"][0]
    assert set(newest) >= {"id", "headline", "lede", "outlets", "article_count", "updated",
                           "version"}
    assert newest["outlets"] == ["probe"]
    second = desk.get("/api/stories", params={"per_page": 1, "page": 2}).json()["stories"]
    assert second[0]["updated"] <= newest["updated"]


def test_an_html_page_with_its_url(desk: DeskServer) -> None:
    html = ("<html><head><title>Council approves budget</title></head><body><article>"
            "<h1>Council approves budget</h1><p>The Kestrel Point council approved a budget "
            "of 14 million for the new ferry terminal on Monday evening, after a debate that "
            "lasted more than five hours.</p><p>Work on the terminal starts in March.</p>"
            "</article></body></html>")
    answer = httpx.post(desk.url + "/api/articles", content=html.encode(),
                        params={"url": "https://kestrel.example/news/budget"},
                        headers={"authorization": f"Bearer {TOKEN}",
                                 "content-type": "text/html; charset=utf-8"})
    assert answer.status_code == 201, answer.text
    stored = desk.get(f"/api/articles/{answer.json()['articles'][0]['id']}").json()
    assert "14 million" in stored["text"]
    assert stored["url"] == "https://kestrel.example/news/budget"
    assert stored["source"] == "kestrel.example"


def test_health_openapi_and_docs(desk: DeskServer) -> None:
    assert desk.get("/api/health").json()["status"] == "ok"
    schema = desk.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles",
            "/api/articles/{article_id}", "/api/health", "/api/feeds"} <= set(schema["paths"])
    assert "ArticleIn" in schema["components"]["schemas"]
    assert "swagger" in desk.get("/docs").text.lower()


def test_clauses_cut_short_and_sentences_cut_off_are_marked_on_the_page(desk: DeskServer) -> None:
    text = ("Nine people died when the northern span of the Tollan Bridge fell into the "
            "harbour on Tuesday. The mayor closed the bridge to all traffic on Tuesday "
            "evening and ordered")
    story_id = desk.post({"id": "cut", "source": "herald", "text": text}).json()[
        "articles"][0]["story_id"]
    desk.wait_until_current(story_id)
    shown = desk.get(f"/api/stories/{story_id}").json()["summary"]["sentences"]
    assert [s["text"] for s in shown if s["cut_short"]] == [
        "The mayor closed the bridge to all traffic on Tuesday evening"]
    page = desk.get(f"/stories/{story_id}").text
    assert "on Tuesday evening …" in page
    assert "on Tuesday evening and ordered …" in page  # the timeline's sentence, cut off


def _timeline_of(desk: DeskServer, article_id: str, text: str) -> str:
    """The timeline section of the story page of one article posted alone."""
    story_id = desk.post({"id": article_id, "source": "harrow-post", "text": text}).json()[
        "articles"][0]["story_id"]
    desk.wait_until_current(story_id)
    page = desk.get(f"/stories/{story_id}").text
    timeline = page[page.index('<section id="timeline">'):]
    return timeline[:timeline.index("</section>")]


def test_a_sentence_with_two_dates_is_one_line_of_the_story_page_s_timeline(
        desk: DeskServer) -> None:
    timeline = _timeline_of(desk, "pier", (
        "The council met on Monday and agreed to reopen the ferry pier on Friday. "
        "Harbour crews cleared the last of the wreck from the channel overnight."))
    assert "<time>(undated) on Monday</time>; <time>(undated) on Friday</time>" in timeline
    assert timeline.count("The council met on Monday") == 1


def test_the_story_page_s_timeline_shows_whom_a_dated_sentence_leans_on(
        desk: DeskServer) -> None:
    timeline = _timeline_of(desk, "crew", (
        "Lena Ortiz, the harbour master, read the names of the crew aloud. She said on "
        "Monday that the list was not complete."))
    assert ('<span class="context">Lena Ortiz, the harbour master, read the names of the crew '
            'aloud.</span> She said on Monday') in timeline
