"""The articles ``newsweave group`` reads: article JSONL, story JSONL, files, stdin.

JSONL files are streamed line by line (an article line has "text", a story line has
"documents"; both may be mixed); files, directories and ``-`` are read as ``summarize``
reads them. A line or file that cannot be read is reported and skipped, never lost
silently: the caller counts the reasons.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsweave.errors import InputError
from newsweave.model import Article
from newsweave.read import (
    MAX_STORY_CHARS,
    article_from_record,
    is_jsonl,
    open_text,
    parse_jsonl_line,
    read_story,
)


def _jsonl_articles(path: Path, skipped: Callable[[str], None]) -> Iterator[Article]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSONL file")
    for number, line in enumerate(open_text(path, MAX_STORY_CHARS), start=1):
        if line is None:
            skipped(f"{path}: line {number}: longer than {MAX_STORY_CHARS:,} characters")
        elif line.strip():
            yield from _line_articles(path, number, line, skipped)


def _line_articles(
    path: Path, number: int, line: str, skipped: Callable[[str], None]
) -> Iterator[Article]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        skipped(f"{path}: line {number}: not valid JSON ({exc.msg})")
        return
    if isinstance(record, dict) and "documents" in record:
        parsed = parse_jsonl_line(line, number)
        if parsed.story is None:
            skipped(f"{path}: {parsed.error}")
            return
        yield from parsed.story.articles
        return
    try:
        yield article_from_record(record)
    except InputError as exc:
        skipped(f"{path}: line {number}: {exc}")


def iter_articles(
    paths: Sequence[str], skipped: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    """Every article of ``paths``, JSONL files streamed, in the order given."""
    others = [p for p in paths if p == "-" or not is_jsonl(Path(p))]
    for name in paths:
        if name != "-" and is_jsonl(Path(name)):
            yield from _jsonl_articles(Path(name), skipped)
    if others:
        warnings: list[str] = []
        story = read_story(others, warnings, max_bytes=max_bytes)
        for message in warnings:
            skipped(message)
        yield from story.articles
