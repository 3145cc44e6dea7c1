"""The desk's pages in Debian's Chromium (Playwright, never a downloaded browser), served by
a real `newsweave serve` on 127.0.0.1: what a reader does, start to finish.

Set NEWSWEAVE_SCREENSHOTS=DIR to keep the front page and a story page as PNGs there
(docs/desk-front.png and docs/desk-story.png were made so).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from desk_server import DeskServer
from invented import COOKIE_CHOICES, WILDFIRE, harbor_articles

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
CHROMIUM = os.environ.get("NEWSWEAVE_CHROMIUM") or shutil.which("chromium") or ""
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium not installed (make browser, or apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = os.environ.get("NEWSWEAVE_SCREENSHOTS")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    server = DeskServer(str(tmp_path_factory.mktemp("browser") / "desk.db")).start()
    try:
        stories = set()
        for batch in (harbor_articles(), WILDFIRE):
            answer = server.post(batch).json()["articles"]
            stories |= {a["story_id"] for a in answer}
        for story_id in stories:
            server.wait_until_current(story_id)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, headless=True,
            args=FLAGS, viewport={"width": 1100, "height": 900})
        try:
            yield context
        finally:
            context.close()


class Reader:
    """A page that records console errors (a CSP violation is one) and foreign requests."""

    def __init__(self, page: Any, origin: str) -> None:
        self.page, self.origin = page, origin
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def assert_clean(self) -> None:
        assert self.errors == [] and self.foreign == []


@pytest.fixture
def reader(browser: Any, loaded: DeskServer) -> Iterator[Reader]:
    page = browser.new_page()
    try:
        yield Reader(page, loaded.url)
    finally:
        page.close()


def test_front_page_then_a_story_then_a_citation(reader: Reader, loaded: DeskServer) -> None:
    page = reader.page
    page.goto(loaded.url + "/")
    headlines = page.locator(".story h2 a").all_text_contents()
    assert len(headlines) == 2
    assert page.locator(".story .outlets", has_text="3 outlets").count() == 2
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "desk-front.png"), full_page=True)
    page.locator(".story h2 a", has_text="Arden Hills").first.click()
    page.wait_for_selector("#summary")
    assert page.locator("main h2").all_text_contents()[:3] == ["Summary", "Coverage",
                                                               "Consensus"]
    sentences = page.locator("#summary .summary > p")
    assert sentences.count() >= 1
    assert page.locator("svg.chart circle").count() == 3
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "desk-story.png"), full_page=True)
    first_sentence = sentences.first.inner_text()
    page.locator("#summary .cite").first.click()
    cited = page.locator("mark#cited").inner_text()
    assert cited and cited in first_sentence
    reader.assert_clean()


def test_search_and_outlet_filter(reader: Reader, loaded: DeskServer) -> None:
    page = reader.page
    page.goto(loaded.url + "/")
    page.fill("input[name=q]", "evacuation centre")
    page.click(".search button")
    page.wait_for_url("**/?q=*")
    found = page.locator(".story h2 a").all_text_contents()
    assert len(found) == 1 and "Arden Hills" in found[0]
    page.goto(loaded.url + "/")
    page.select_option("select[name=outlet]", "wire-press")
    page.click(".filter button")
    page.wait_for_url("**/?outlet=*")  # read the filtered page, not the one before it
    headlines = page.locator(".story h2 a").all_text_contents()
    assert len(headlines) == 1 and "Arden" not in headlines[0]
    reader.assert_clean()


def test_a_story_shows_what_is_new_since_the_last_visit(reader: Reader,
                                                        loaded: DeskServer) -> None:
    page = reader.page
    story_id = loaded.post(WILDFIRE[0]).json()["articles"][0]["story_id"]
    page.goto(f"{loaded.url}/stories/{story_id}")
    assert page.locator("#new").count() == 0
    version = int(page.locator(".story-page").get_attribute("data-version"))
    late = {"id": "fire-late", "source": "hill-gazette", "title": "Rain reaches Arden Hills",
            "text": "Heavy rain fell on the Arden Hills wildfire on Monday night and the fire "
                    "chief Dana Okafor said the 3,000 evacuated residents could return home "
                    "on Tuesday. Crews will stay to watch 4,200 hectares of burned forest."}
    assert loaded.post(late).json()["articles"][0]["story_id"] == story_id
    loaded.wait_until_current(story_id)
    page.reload()
    assert int(page.locator(".story-page").get_attribute("data-version")) > version
    news = page.locator("#new")
    assert news.count() == 1 and "1 new article" in news.inner_text()
    page.reload()  # seen now
    assert page.locator("#new").count() == 0
    reader.assert_clean()


def test_the_api_docs_work_offline(reader: Reader, loaded: DeskServer) -> None:
    """/docs is Swagger UI with every file served by the desk: nothing from a CDN."""
    page = reader.page
    page.goto(loaded.url + "/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_text_contents()
    assert any("/api/articles" in path for path in paths)
    reader.assert_clean()


def test_a_story_with_nothing_to_show_says_what_it_is(reader: Reader,
                                                      loaded: DeskServer) -> None:
    """Last in this module: it adds a story the front page test does not count."""
    page = reader.page
    story_id = loaded.post(COOKIE_CHOICES).json()["articles"][0]["story_id"]
    loaded.wait_until_current(story_id)
    page.goto(loaded.url + "/")
    listed = page.locator(f'.story h2 a[href="/stories/{story_id}"]')
    headline = listed.inner_text()  # its opening words, not "Untitled story"
    assert headline.startswith("“Fancy letting us remember you next time?")
    listed.click()
    page.wait_for_selector("#nothing-shown")
    assert page.locator("h1").inner_text() == headline
    assert "No sentence can be shown: each is a question" in page.locator(
        "#nothing-shown").inner_text()
    assert page.locator("main h2").all_text_contents() == ["Nothing to show", "Articles"]
    reader.assert_clean()
