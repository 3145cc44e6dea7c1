"""The HTML report in a real headless Chromium, served over HTTP from 127.0.0.1.

Needs Debian's chromium (``make browser`` installs it) and the playwright package; it
never downloads a browser. Every request the page makes is recorded, and anything not
for the local server is aborted and fails the test.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newsweave.analysis.analyze import Analysis, analyze_story
from newsweave.analysis.report_html import render_html
from newsweave.model import Article
from newsweave.reading.read import read_story

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
CHROMIUM = os.environ.get("NEWSWEAVE_CHROMIUM") or shutil.which("chromium") or ""
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium not installed (make browser, or apt-get install chromium)"
)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = ("The Tollan Bridge collapse was filmed by a reader. <script>window.nwPwned = 1"
           '</script> Another sent <img src=x onerror="window.nwPwned = 2"> a photograph, '
           "and a third </script><script>window.nwPwned = 3</script> wrote <!--<script> too.")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass


@dataclass
class Served:
    url: str
    origin: str
    analysis: Analysis


@pytest.fixture(scope="module")
def served(harbor_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    story = read_story([str(harbor_dir)], [])
    story.articles.append(Article(
        "hostile", "hostile", HOSTILE, title='<img src=x onerror="window.nwPwned = 4">Title'))
    analysis = analyze_story(story)
    root = tmp_path_factory.mktemp("served")
    (root / "report.html").write_text(render_html(analysis), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_port}"
    try:
        yield Served(f"{origin}/report.html", origin, analysis)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),  # a fresh user-data-dir
            executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Session:
    page: Any
    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.foreign == [], f"requests off the local server: {self.foreign}"
        assert self.requests and all(u.startswith((self.origin, "data:")) for u in self.requests)


@pytest.fixture
def session(context: Any, served: Served) -> Iterator[Session]:
    page = context.new_page()
    state = Session(page, served.origin)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith((served.origin + "/", "data:")):
            route.continue_()
        else:
            state.foreign.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("request", lambda request: state.requests.append(request.url))
    page.on("console", lambda m: m.type == "error" and state.errors.append(m.text))
    page.on("pageerror", lambda exc: state.errors.append(str(exc)))
    page.goto(served.url)
    try:
        yield state
    finally:
        page.close()


def _highlight(page: Any) -> str:
    return str(page.locator("#highlight").text_content())


def test_page_renders(session: Session, served: Served) -> None:
    page = session.page
    assert page.title()
    headings = page.locator("main h2").all_text_contents()
    assert headings == ["Summary", "Consensus", "Exclusives", "Conflicts", "Quotes",
                        "Timeline", "Entities", "Sources"]
    paragraphs = page.locator("#summary .summary > p")
    assert paragraphs.count() == len(served.analysis.summary.sentences)
    assert page.locator("#entities td", has_text="Regional Infrastructure Safety Board").count()
    session.assert_clean()


def test_citation_highlights_the_cited_sentence(session: Session, served: Served) -> None:
    page = session.page
    analysis = served.analysis
    for number, citations in enumerate(analysis.summary_citations):
        links = page.locator("#summary .summary > p").nth(number).locator("a.cite")
        assert links.count() == len(citations)
        for position, citation in enumerate(citations):
            links.nth(position).click()
            assert _highlight(page) == citation.text
            assert page.locator("#viewer-title").text_content() == (
                analysis.articles[citation.article_index].title
                or analysis.articles[citation.article_index].source)
        assert citations[0].text == analysis.summary.sentences[number].text
    assert page.locator("#highlight").is_visible()
    session.assert_clean()


def test_consensus_citation(session: Session, served: Served) -> None:
    claim = served.analysis.consensus[0]
    links = session.page.locator("#consensus li").first.locator("a.cite")
    for position, citation in enumerate(claim.citations):
        links.nth(position).click()
        assert _highlight(session.page) == citation.text
    session.assert_clean()


def test_hostile_article_renders_as_text(session: Session, served: Served) -> None:
    page = session.page
    index = next(i for i, a in enumerate(served.analysis.articles) if a.id == "hostile")
    page.locator(f'#sources button[data-article="{index}"]').click()
    shown = str(page.locator("#viewer-text").text_content())
    assert "<script>window.nwPwned = 1</script>" in shown
    assert '<img src=x onerror="window.nwPwned = 2">' in shown
    assert page.locator("#viewer-title").text_content() == served.analysis.articles[index].title
    assert "<img src=x" in str(page.locator("#sources").text_content())
    assert page.locator("img").count() == 0
    page.wait_for_timeout(200)  # give any (wrongly) injected handler time to run
    assert page.evaluate("typeof window.nwPwned") == "undefined"
    session.assert_clean()


def test_phone_layout_opens_and_closes_the_source(session: Session, served: Served) -> None:
    page = session.page
    page.set_viewport_size({"width": 390, "height": 844})
    assert not page.locator("#viewer").is_visible()
    page.locator("#summary a.cite").first.click()
    assert page.locator("#viewer").is_visible()
    box = page.locator("#highlight").bounding_box()
    assert box and 0 <= box["y"] < 844, "the highlighted sentence is on screen"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "nothing overflows the phone's width"
    page.locator("#viewer-close").click()
    assert not page.locator("#viewer").is_visible()
    session.assert_clean()
