"""The one escaping rule of every Markdown writer (``render.py``, ``analysis/report_markdown.py``).

Article text, titles, source names and URLs are other people's text: shown through
Markdown they must read as written, never as markup. Every ASCII punctuation mark that
Markdown (CommonMark, GitHub's flavour) can read as markup is backslash-escaped, a
character reference included (``&lt;``), so ``<img src=x onerror=...>`` stays text in any
renderer; the text is put on one line, so that no line of it can start a heading, a list
or a block quote of its own. A URL is a link only when it is a plain http(s) URL;
anything else (``javascript:``, a URL with spaces or ``>``) is shown as escaped text.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"([\\`*_\[\]<>|#&~])")
# What starts a list item, a thematic break or a setext underline at the start of a line.
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
_URL = re.compile(r"https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def md(text: str) -> str:
    """Text that Markdown shows as written, on one line."""
    escaped = _MARKUP.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def md_url(url: str) -> str:
    """An autolink for a plain http(s) URL; any other value as escaped text."""
    url = url.strip()
    return f"<{url}>" if _URL.match(url) else md(url)
