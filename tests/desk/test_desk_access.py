"""Writes need the token; reads are open; pages carry a strict CSP and escape all text."""

from __future__ import annotations

import httpx
from desk_server import TOKEN, DeskServer

HOSTILE_TITLE = '<img src=x onerror="alert(1)">Bridge'
HOSTILE_TEXT = "The bridge fell. <script>alert('pwned')</script> Nine died in Port Ellis."


def test_writes_need_the_token(desk: DeskServer) -> None:
    article = {"text": "A write without the right token must not be stored anywhere."}
    assert desk.post(article, token=None).status_code == 401
    assert desk.post(article, token=TOKEN + "x").status_code == 401
    assert desk.post(article, token=TOKEN[:-1]).status_code == 401
    feed = httpx.post(desk.url + "/api/feeds", json={"url": "http://127.0.0.1:9/feed"})
    assert feed.status_code == 401
    assert desk.get("/api/health").json()["articles"] == 0


def test_reads_are_open_and_pages_send_a_strict_csp(desk: DeskServer) -> None:
    for path in ("/", "/api/stories", "/outlets"):
        answer = desk.get(path)
        assert answer.status_code == 200
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_article_text_is_escaped_on_every_page(desk: DeskServer) -> None:
    answer = desk.post({"id": "hostile", "source": "<b>outlet</b>", "title": HOSTILE_TITLE,
                        "text": HOSTILE_TEXT})
    story_id = answer.json()["articles"][0]["story_id"]
    desk.wait_until_current(story_id)
    for path in ("/", f"/stories/{story_id}", f"/stories/{story_id}/articles/hostile",
                 "/outlets", "/?q=bridge"):
        page = desk.get(path).text
        assert "<script>alert" not in page and '<img src=x' not in page
        assert "<b>outlet</b>" not in page
    assert "&lt;script&gt;" in desk.get(f"/stories/{story_id}").text
