"""Item 2: every Markdown writer escapes other people's text, in every field.

Hostile text (raw HTML, links to javascript:, images, emphasis, headings, list marks,
tables, entities) goes into the text, title, source and URL of every article; both
``summarize --format markdown`` and ``analyze --format markdown`` are rendered by a real
CommonMark renderer (HTML enabled, as most are), and the page may hold only the elements
newsweave writes itself, with links to http(s) only.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

import newsweave
from newsweave.analysis.report_markdown import render_markdown as analysis_markdown
from newsweave.render import render

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "![pixel](http://evil.example/x.png)",
    "<javascript:alert(1)>",
    "\\<img src=x onerror=alert(2)>",
    "&lt;img src=x onerror=alert(3)&gt;",
    "**bold** _em_ `code` ~~gone~~",
    "<!-- hidden -->",
    "| a | b |",
]
LINE_START_PAYLOADS = ["# Heading", "1. item", "- item", "> quote", "===", "+ item"]
# The elements newsweave's own Markdown makes: paragraphs, lists, headings, a table,
# a quoted warning, bold dates, autolinks.
ALLOWED = {"p", "ol", "li", "ul", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th",
           "td", "blockquote", "strong", "a"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _story(payload: str) -> list[dict[str, str]]:
    sentences = [
        "Nine people died when the harbour bridge collapsed on Tuesday evening {p} in the city.",
        "Divers searched the dark water {p} through the night for the missing passengers.",
        "The mayor {p} said the city would rebuild the bridge within two years.",
        "Inspectors had warned about cracks in two of the piers of the bridge last year.",
    ]
    return [
        # A paragraph a sentence: where cleaning drops one as page furniture (a link to
        # "javascript:"), the others still carry the payload into the summary.
        {"text": "\n\n".join(s.format(p=payload) for s in sentences[i:] + sentences[:i]),
         "title": f"Bridge {payload} falls", "source": f"outlet {payload} {i}",
         "url": f"javascript:alert({i})//{payload}" if i else f"https://x.example/{payload}"}
        for i in range(3)
    ]


def _assert_inert(markdown: str) -> None:
    parser = _Elements()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    assert parser.tags <= ALLOWED, parser.tags - ALLOWED
    assert all(h.lower().startswith(("http://", "https://")) for h in parser.hrefs), parser.hrefs
    assert not parser.comments


@pytest.mark.parametrize("payload", PAYLOADS + LINE_START_PAYLOADS)
def test_summarize_markdown_escapes_every_field(payload: str) -> None:
    summary = newsweave.summarize(_story(payload), max_words=200, method="unsupervised")
    assert summary.sentences
    _assert_inert(render(summary, "markdown"))


def test_analyze_markdown_escapes_every_field() -> None:
    story = _story(" ".join(PAYLOADS))
    for article, first in zip(story, LINE_START_PAYLOADS, strict=False):
        article["text"] = f"{first} {article['text']}"
        article["title"] = f"{first} {article['title']}"
    analysis = newsweave.analyze(story, max_words=200, method="unsupervised")
    _assert_inert(analysis_markdown(analysis))
