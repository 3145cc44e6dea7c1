"""Bad requests get a JSON error with the right 4xx status, and nothing is half-stored."""

from __future__ import annotations

import os
import socket
import time

import httpx
import pytest
from desk_server import TOKEN, DeskServer

AUTH = {"authorization": f"Bearer {TOKEN}"}


def _count(desk: DeskServer) -> int:
    return int(desk.get("/api/health").json()["articles"])


def _raw(desk: DeskServer, body: bytes, content_type: str = "application/json") -> httpx.Response:
    return httpx.post(desk.url + "/api/articles", content=body, timeout=60,
                      headers={**AUTH, "content-type": content_type})


@pytest.mark.parametrize(("body", "status", "says"), [
    (b'{"text": "unterminated', 400, "malformed JSON"),
    (b"", 400, "empty"),
    (b'{"text": 42}', 422, "text"),
    (b'{"text": "fine", "id": ["not", "a", "string"]}', 422, "id"),
    (b'{"source": "no text at all"}', 422, "text"),
    (b'{"text": "   "}', 422, "text"),
    (b'[]', 422, "empty"),
    (b'"just a string"', 422, ""),
    (b'{"articles": [{"text": "good one"}, {"text": ""}]}', 422, "articles.1.text"),
    (b'[{"text": "a fine article, first of two"}, {"title": "no text"}]', 422, "article.1"),
    (b'{"text": "a NUL \\u0000\\u0001\\u0002\\u0003\\u0004\\u0005 binary-looking text"}', 422,
     "binary"),
    (os.urandom(4096), 400, "UTF-8"),
])
def test_bad_bodies(desk: DeskServer, body: bytes, status: int, says: str) -> None:
    before = _count(desk)
    answer = _raw(desk, body)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert says in answer.json()["detail"]
    assert _count(desk) == before


def test_wrong_content_type(desk: DeskServer) -> None:
    answer = _raw(desk, b"\x89PNG\r\n\x1a\n" + os.urandom(64), "image/png")
    assert answer.status_code == 415
    assert "image/png" in answer.json()["detail"]


def test_a_50_mb_body_is_refused_before_it_is_read(desk: DeskServer) -> None:
    before = _count(desk)
    body = b'{"text": "' + b"a" * (50 * 1024 * 1024) + b'"}'
    started = time.monotonic()
    answer = _raw(desk, body)
    assert answer.status_code == 413
    assert "limit" in answer.json()["detail"]
    assert time.monotonic() - started < 20
    assert _count(desk) == before


def test_a_chunked_body_over_the_limit_is_refused(desk: DeskServer) -> None:
    def chunks():  # no Content-Length: the limit is counted while streaming
        yield b'{"text": "'
        for _ in range(12):
            yield b"b" * (1024 * 1024)
        yield b'"}'

    answer = httpx.post(desk.url + "/api/articles", content=chunks(), timeout=60,
                        headers={**AUTH, "content-type": "application/json"})
    assert answer.status_code == 413


def test_an_html_page_needs_its_url_and_an_article(desk: DeskServer) -> None:
    assert _raw(desk, b"<html><body><p>hi</p></body></html>", "text/html").status_code == 422
    no_article = httpx.post(desk.url + "/api/articles", params={"url": "https://x.example/"},
                            content=b"<html><body></body></html>", timeout=30,
                            headers={**AUTH, "content-type": "text/html"})
    assert no_article.status_code == 422
    assert "no article text" in no_article.json()["detail"]


def test_a_batch_over_the_limit_is_refused_whole(desk: DeskServer) -> None:
    before = _count(desk)
    batch = [{"text": f"Article number {i} of an oversized batch."} for i in range(1001)]
    answer = desk.post(batch)
    assert answer.status_code == 422
    assert _count(desk) == before


def test_a_client_that_disconnects_mid_upload_leaves_nothing(desk: DeskServer) -> None:
    before = _count(desk)
    body = b'[{"id": "half-1", "text": "The first article of a batch never finished."}, '
    with socket.create_connection(("127.0.0.1", desk.port)) as sock:
        sock.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\n"
                     + f"Authorization: Bearer {TOKEN}\r\n".encode()
                     + f"Content-Length: {len(body) * 100}\r\n\r\n".encode() + body)
        time.sleep(0.3)
    time.sleep(0.5)
    assert _count(desk) == before
    assert desk.get("/api/articles/half-1").status_code == 404
    assert desk.post({"id": "after-disconnect", "text": "The desk still takes articles."}
                     ).status_code == 201


def test_unknown_ids_are_404_in_json_and_in_pages(desk: DeskServer) -> None:
    for path in ("/api/stories/nope", "/api/articles/nope"):
        answer = desk.get(path)
        assert answer.status_code == 404 and "nope" in answer.json()["detail"]
    page = desk.get("/stories/nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert desk.get("/api/stories", params={"per_page": 0}).status_code == 422
