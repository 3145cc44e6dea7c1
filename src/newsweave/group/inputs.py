"""The articles ``newsweave group`` reads: article JSONL, story JSONL, files, stdin.

JSONL files are streamed line by line (``read.iter_article_lines``: an article line has
"text", a story line has "documents"; both may be mixed); files, directories and ``-``
are read as ``summarize`` reads them. A line or file that cannot be read is reported and
skipped, never lost silently: the caller counts the reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsweave.model import Article
from newsweave.reading.jsonl import iter_article_lines
from newsweave.reading.read import is_jsonl, read_story


def iter_articles(
    paths: Sequence[str], report: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    """Every article of ``paths``, JSONL files streamed, in the order given."""
    others = [p for p in paths if p == "-" or not is_jsonl(Path(p))]
    for name in paths:
        if name != "-" and is_jsonl(Path(name)):
            for _, articles, error in iter_article_lines(Path(name)):
                if error:
                    report(f"{name}: {error}, skipped")
                yield from articles
    if others:
        warnings: list[str] = []
        story = read_story(others, warnings, max_bytes=max_bytes)
        for message in warnings:
            report(message)
        yield from story.articles
