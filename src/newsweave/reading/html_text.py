"""An HTML page to its article: trafilatura's main-content extraction, else the page's text.

trafilatura finds nothing in some real pages (a paragraph inside thousands of nested
``<div>``s, past what its tree parser accepts); the page's visible text, read by the
standard library's streaming parser (which has no depth limit), is then the article, so a
page with prose in it never gives "no article text found".
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from newsweave.model import Article

# Elements whose text a reader never sees as the page's prose.
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav"}
# A line of prose has at least this many words; a page of menu labels and buttons ("Home",
# "Sign in") has none, and is no article.
PROSE_MIN_WORDS = 6
# Elements that end a line of text: paragraphs stay paragraphs.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "tr", "table", "pre", "hr", "main", "nav",
    "aside", "figure", "figcaption", "dd", "dt", "dl",
}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0  # depth inside elements whose text is not shown
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def has_prose(text: str) -> bool:
    """Does any line of ``text`` run to ``PROSE_MIN_WORDS`` words?"""
    return any(len(line.split()) >= PROSE_MIN_WORDS for line in text.split("\n"))


def plain_text(html: str) -> tuple[str, str | None]:
    """The visible text of a page, a paragraph a line, and its <title>."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    title = " ".join("".join(parser.title).split()) or None
    return "\n\n".join(line for line in lines if line), title


def html_article(html: str, source: str) -> Article | None:
    """The article a page holds, or None when the page shows no prose at all (menu labels
    and buttons are none: trafilatura returns them where a page has nothing else)."""
    import trafilatura

    try:
        extracted: Any = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False
        )
    except RecursionError:  # a tree deeper than the parser's recursion allows
        extracted = None
    if extracted and extracted.text and has_prose(extracted.text):
        return Article(
            id=source,
            source=source,
            text=extracted.text,
            title=extracted.title,
            url=extracted.url,
            published=extracted.date,
        )
    text, title = plain_text(html)
    if not has_prose(text):
        return None
    return Article(id=source, source=source, text=text, title=title)
