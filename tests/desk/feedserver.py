"""A real HTTP server on 127.0.0.1 serving invented feeds and article pages, and feeds that
fail every way a feed can: down, slow, a redirect loop, malformed, 10,000 entries."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from invented import WILDFIRE

ETAG = '"feed-v1"'


def page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}.</p>" for p in text.split(". ") if p)
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>{paragraphs}"
            "</article><footer>Copyright Valley Media</footer></body></html>").encode()


def rss(title: str, links: list[tuple[str, str]]) -> bytes:
    items = "".join(f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
                    "<pubDate>Sun, 02 Aug 2026 09:00:00 GMT</pubDate></item>" for t, u in links)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>d</description>{items}"
            "</channel></rss>").encode()


@dataclass
class FeedSite:
    origin: str = ""
    conditional_hits: int = 0
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.origin + path


def _handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def _send(self, status: int, body: bytes = b"", kind: str = "text/html",
                  headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                # The desk gave up waiting (the slow feed): the server thread must not
                # print a traceback into whichever test's captured stderr runs next.
                pass

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            path = self.path
            if path == "/feed.xml":
                if self.headers.get("if-none-match") == ETAG:
                    site.conditional_hits += 1
                    self._send(304)
                    return
                links = [(a["title"], site.url(f"/news/{a['id']}.html")) for a in WILDFIRE]
                links += [("Report (PDF)", site.url("/report.pdf")),
                          ("Photo", site.url("/photo.png"))]
                self._send(200, rss("Valley News", links), "application/rss+xml",
                           {"etag": ETAG})
            elif path.startswith("/news/"):
                found = next((a for a in WILDFIRE if path == f"/news/{a['id']}.html"), None)
                if found is None:
                    self._send(404)
                else:
                    self._send(200, page(found["title"], found["text"]))
            elif path == "/report.pdf":
                self._send(200, b"%PDF-1.7\n" + bytes(range(256)) * 8, "application/pdf")
            elif path == "/photo.png":
                self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(512), "image/png")
            elif path == "/broken.xml":
                self._send(200, b"<<<this is { not a feed at all", "application/rss+xml")
            elif path in ("/loop-a.xml", "/loop-b.xml"):
                other = "/loop-b.xml" if path == "/loop-a.xml" else "/loop-a.xml"
                self._send(302, headers={"location": site.url(other)})
            elif path == "/slow.xml":
                time.sleep(3)
                self._send(200, rss("Slow", []), "application/rss+xml")
            elif path == "/down.xml":
                self._send(503, b"down for maintenance")
            elif path == "/huge.xml":
                links = [(f"Item {i}", site.url(f"/gen/{i}.html")) for i in range(10_000)]
                self._send(200, rss("Huge", links), "application/rss+xml")
            elif path.startswith("/gen/"):
                number = path.removeprefix("/gen/").removesuffix(".html")
                self._send(200, page(f"Harbour notice {number}",
                                     f"The harbour office published notice {number} on "
                                     f"berth {number} for the vessel Number{number}. The "
                                     f"notice takes effect after {number} days"))
            else:
                self._send(404)

    return Handler


@contextmanager
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.origin = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
