"""The HTML and Markdown reports, read as text: self-contained, escaped, faithful offsets.

tests/analysis/test_browser.py checks the same page in a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from newsweave.analysis.analyze import Analysis, analyze, analyze_story
from newsweave.analysis.report_html import render_html
from newsweave.analysis.report_markdown import render_markdown
from newsweave.model import Article
from newsweave.reading.read import read_story

HOSTILE_TEXT = (
    "The Tollan Bridge collapse was filmed by a reader. <script>window.nwPwned = 1</script> "
    'Another reader sent <img src=x onerror="window.nwPwned = 2"> a photograph. '
    "A third wrote </script><script>window.nwPwned = 3</script> and <!--<script> too. "
    "Emoji 🌉 before the end: the bridge had carried traffic since 1968 and was busy."
)


def hostile_article() -> Article:
    return Article(
        id="hostile",
        source='Evil "Outlet" <b>',
        title='<img src=x onerror="window.nwPwned = 4">Hostile',
        text=HOSTILE_TEXT,
    )


def harbor_with_hostile(harbor_dir: Path) -> Analysis:
    story = read_story([str(harbor_dir)], [])
    story.articles.append(hostile_article())
    return analyze_story(story)


class _Collect(HTMLParser):
    """Every start tag with its attributes, and each <script>'s and <style>'s content."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.blocks:
            self._open = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.blocks[self._open][-1] += data


@pytest.fixture(scope="module")
def page(harbor_dir: Path) -> tuple[Analysis, str, _Collect]:
    analysis = harbor_with_hostile(harbor_dir)
    html = render_html(analysis)
    parsed = _Collect()
    parsed.feed(html)
    return analysis, html, parsed


def test_self_contained(page: tuple[Analysis, str, _Collect]) -> None:
    _, html, parsed = page
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            assert attrs.get("href") == "data:,", attrs  # only the empty favicon
        if tag == "a":
            assert (attrs.get("href") or "#").startswith("#"), attrs
    assert "@import" not in html and "url(" not in html
    assert "@font-face" not in html


def test_csp_allows_only_the_pages_own_script_and_style(
    page: tuple[Analysis, str, _Collect],
) -> None:
    _, _, parsed = page
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp and "default-src 'none'" in csp
    code = [s for s, (_, attrs) in zip(parsed.blocks["script"],
                                       [t for t in parsed.tags if t[0] == "script"], strict=True)
            if attrs.get("type") != "application/json"]
    assert len(code) == 1 and len(parsed.blocks["style"]) == 1
    for block in code + parsed.blocks["style"]:
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_article_is_only_text(page: tuple[Analysis, str, _Collect]) -> None:
    analysis, html, parsed = page
    assert [t for t, _ in parsed.tags].count("script") == 2  # the data and the page's code
    assert html.count("</script>") == 2
    assert not [t for t, _ in parsed.tags if t in ("img", "b")]
    assert "&lt;img src=x onerror=" in html  # the title, shown as text under Sources
    data = json.loads(parsed.blocks["script"][0])
    texts = [a["text"] for a in data["articles"]]
    assert texts == [a.text for a in analysis.articles]
    assert HOSTILE_TEXT in texts, "the script data holds the text exactly as written"


def _links(parsed: _Collect) -> list[tuple[int, int, int]]:
    return [(int(a["data-article"] or 0), int(a["data-start"] or 0), int(a["data-end"] or 0))
            for t, a in parsed.tags if t == "a" and "data-start" in a]


def _cited_text(data: dict[str, Any], link: tuple[int, int, int]) -> str:
    """What the page's script highlights: a slice of the text in UTF-16 units."""
    index, start, end = link
    units = data["articles"][index]["text"].encode("utf-16-le")
    return str(units[2 * start : 2 * end].decode("utf-16-le"))


def test_citations_point_at_the_cited_text(page: tuple[Analysis, str, _Collect]) -> None:
    analysis, _, parsed = page
    data = json.loads(parsed.blocks["script"][0])
    links = _links(parsed)
    expected = [c.text for cites in analysis.summary_citations for c in cites]
    assert expected and [_cited_text(data, k) for k in links[: len(expected)]] == expected


def test_utf16_offsets_past_an_emoji() -> None:
    text = ("A reader photo 🌉 shows the scene. The bridge fell into the harbour on Tuesday "
            "evening and nine people died, police said today.")
    analysis = analyze([text, text.replace(" 🌉", "")])
    html = render_html(analysis)
    parsed = _Collect()
    parsed.feed(html)
    data = json.loads(parsed.blocks["script"][0])
    cited = [(c.article_index, c.text) for cites in analysis.summary_citations for c in cites]
    assert (0, text[text.index("The bridge"):]) in cited
    links = _links(parsed)[: len(cited)]
    assert [_cited_text(data, k) for k in links] == [t for _, t in cited]


def test_all_sections_present(page: tuple[Analysis, str, _Collect]) -> None:
    _, html, _ = page
    for anchor in ("summary", "consensus", "exclusives", "conflicts", "quotes", "timeline",
                   "entities", "sources"):
        assert f'<section id="{anchor}"' in html
    assert re.search(r"<h1>[^<]+</h1>", html)
    assert 'name="viewport"' in html


def test_markdown_escapes_markup(harbor_dir: Path) -> None:
    markdown = render_markdown(harbor_with_hostile(harbor_dir))
    assert not re.search(r"(?<!\\)<(?:script|img|b>)", markdown)
    assert r"\<img src=x onerror=" in markdown
    assert "Regional Infrastructure Safety Board" in markdown


def test_every_markdown_section_says_what_it_found_or_that_it_found_nothing() -> None:
    from newsweave.analysis.report_markdown import NONE_FOUND

    story_text = ("The Port Ellis ferry ran aground on a sandbank on Monday morning in thick fog. "
                  "All 40 passengers were taken ashore by lifeboat within the hour.")
    analysis = analyze([Article(id="a", source="Herald", text=story_text)])
    markdown = render_markdown(analysis)
    sections = re.split(r"^## ", markdown, flags=re.MULTILINE)[1:]
    assert [s.split("\n", 1)[0] for s in sections][:7] == [
        "Summary", "Consensus", "Exclusives", "Conflicts", "Quotes", "Timeline", "Entities"]
    for section in sections:
        assert section.split("\n", 1)[1].strip(), f"empty section: {section!r}"
    # one outlet: nothing two outlets share, nothing they contradict, no quotation
    for name in ("consensus", "conflicts", "quotes"):
        assert NONE_FOUND[name] in markdown
    assert NONE_FOUND["conflicts"] in render_html(analysis)
