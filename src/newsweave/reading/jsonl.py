"""JSONL in: a file of stories (one a line, with "documents") or of articles (one a line,
with "text"), streamed, each line over the limit skipped unread, each bad line named.

The forms are those of docs/json.md; a story's documents are read by ``read.py``'s
``story_from_documents``, as every other input is.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.model import Article, Story
from newsweave.reading.read import (
    article_from_value,
    optional_str,
    split_multinews,
    story_from_documents,
)

MAX_STORY_CHARS = 20_000_000  # one JSONL line: a story of many articles, never a corpus


@dataclass
class JsonlLine:
    """One line of a JSONL file: a story, or the reason it could not be read."""

    number: int
    story: Story | None
    references: list[str]
    error: str | None = None
    # The data set's own topic query (DUC's meta.query_title and query_narrative): kept
    # apart from the story's focus, so that an evaluation chooses whether to use it.
    query: str | None = None
    # Every document carries "not_news" (newsweave group and the desk write it): whether
    # each page is a news report was judged when it was grouped, and need not be again.
    judged: bool = False


def open_text(path: Path, max_line_chars: int | None = None) -> Iterator[str | None]:
    """Lines of a possibly gzipped UTF-8 file, read lazily.

    A line longer than ``max_line_chars`` is never held in memory: it is read past in
    chunks and yielded as ``None``.
    """
    try:
        if path.suffix.lower() == ".gz":
            stream = gzip.open(path, "rt", encoding="utf-8", errors="replace")  # noqa: SIM115
        else:
            stream = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    limit = max_line_chars if max_line_chars is not None else -1
    # Past an overlong line a regular file goes on at the next line; a stream (a FIFO,
    # /dev/zero) may never end that line, so reading it stops there.
    regular = path.is_file()
    with stream:
        try:
            while line := stream.readline(limit):
                if limit < 0 or len(line) < limit or line.endswith("\n"):
                    yield line
                    continue
                while regular and (rest := stream.readline(limit)) and not rest.endswith("\n"):
                    pass
                yield None
                if not regular:
                    raise InputError(
                        f"{path}: a line over {limit:,} characters in a stream that is not a "
                        "regular file; stopped reading there"
                    )
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: cannot read ({exc})") from None


def parse_jsonl_line(line: str, number: int) -> JsonlLine:
    """One JSONL line to a story; a bad line becomes an error naming its number, never raises."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if exc.lineno == 1 else f"position {exc.pos}"
        return JsonlLine(number, None, [], f"line {number}: not valid JSON ({exc.msg} {where})")
    if not isinstance(record, Mapping):
        return JsonlLine(number, None, [], f"line {number}: expected a JSON object")
    documents = record.get("documents")
    if documents is None:
        return JsonlLine(number, None, [], f"line {number}: no 'documents' field")
    story_id = optional_str(record.get("id")) or f"line-{number}"
    try:
        if isinstance(documents, str):
            documents = split_multinews(documents)
        story = story_from_documents(documents, story_id)
    except InputError as exc:
        return JsonlLine(number, None, [], f"line {number}: {exc}")
    if not story.articles:
        return JsonlLine(number, None, [], f"line {number}: 'documents' is empty")
    focus = record.get("focus")
    if focus is not None and not isinstance(focus, str):
        return JsonlLine(number, None, [], f"line {number}: 'focus' must be a string")
    story.focus = focus or None
    previous = record.get("previous")
    if previous is not None and not isinstance(previous, list):
        return JsonlLine(number, None, [], f"line {number}: 'previous' must be a list of documents")
    if previous:  # an update: what the story's documents add to these, already read
        try:
            story.previous = story_from_documents(previous).articles
        except InputError as exc:
            return JsonlLine(number, None, [], f"line {number}: 'previous': {exc}")
    summaries = record.get("summaries") or record.get("summary") or []
    references = [summaries] if isinstance(summaries, str) else [str(s) for s in summaries]
    judged = isinstance(documents, list) and all(
        isinstance(d, Mapping) and isinstance(d.get("not_news"), bool) for d in documents)
    return JsonlLine(number, story, references, query=_query(record.get("meta")),
                     judged=judged)


def _query(meta: Any) -> str | None:
    if not isinstance(meta, Mapping):
        return None
    parts = [meta.get("query_title"), meta.get("query_narrative")]
    text = ". ".join(p.strip().rstrip(".") for p in parts if isinstance(p, str) and p.strip())
    return f"{text}." if text else None


def _require_file(path: Path) -> None:
    """A missing file or a directory is reported at once, not when the first line is wanted."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSONL file")


def iter_jsonl(path: Path, max_line_chars: int = MAX_STORY_CHARS) -> Iterator[JsonlLine]:
    """Stream the stories of a JSONL file, one at a time; blank lines are skipped.

    A missing file is reported at once (not when the first line is wanted); a line over
    ``max_line_chars`` becomes an error for that line and is never held in memory.
    """
    _require_file(path)
    return _jsonl_lines(path, max_line_chars)


def _jsonl_lines(path: Path, max_line_chars: int) -> Iterator[JsonlLine]:
    for number, line in enumerate(open_text(path, max_line_chars), start=1):
        if line is None:
            error = f"line {number}: longer than {max_line_chars:,} characters, skipped unread"
            yield JsonlLine(number, None, [], error)
        elif line.strip():
            yield parse_jsonl_line(line, number)


def jsonl_story(path: Path, story_id: str | None, warnings: list[str]) -> Story:
    """One story of a JSONL file, for a command that reads one story (analyze, group): the
    one named, or the only one. Every malformed line is named in ``warnings``, as a run over
    every story names it."""
    first: Story | None = None
    ids: list[str] = []  # only ids are kept: the file may hold thousands of stories
    first_error: str | None = None
    for line in iter_jsonl(path):
        story = line.story
        if story is None:
            first_error = first_error or line.error
            warnings.append(f"{path}: {line.error}, skipped")
            continue
        if story_id is not None:
            if story.id == story_id:
                return story
            continue
        first = first or story
        ids.append(str(story.id))
    if story_id is not None:
        raise InputError(f"{path}: no story with id {story_id!r}")
    if first is None:
        why = f" ({first_error})" if first_error else ""
        raise InputError(f"{path}: no readable story in this file{why}")
    if len(ids) > 1:
        shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
        raise InputError(f"{path}: holds {len(ids)} stories; pick one with --story ({shown})")
    return first


def article_from_record(record: Any) -> Article:
    """One line of an article JSONL file: {"id", "text", "source"?, "title"?, "url"?,
    "published"?, "language"?, "copy_of"?}."""
    if not isinstance(record, Mapping):
        raise InputError("expected a JSON object")
    if not isinstance(record.get("text"), str):
        raise InputError("no string field 'text'")
    if record.get("id") in (None, ""):
        raise InputError("no field 'id'")
    return article_from_value(record, 0, str(record["id"]))


def pile_id(story_id: str, position: int) -> str:
    """The id, in a pile of many stories' articles, of a story's document that has none of
    its own: "multinews_val_3-1" (every story has an "article-1"; the desk names them so)."""
    return f"{story_id}-{position}"


def pile_articles(story: Story, documents: Any) -> list[Article]:
    """A story line's articles as a pile holds them: each document without an id of its own
    named by ``pile_id`` (``newsweave group`` took the second story's "article-1" for the
    first's, already grouped, and left it out)."""
    given = documents if isinstance(documents, list) else []
    for k, article in enumerate(story.articles):
        document = given[k] if k < len(given) else None
        if not (isinstance(document, Mapping) and document.get("id") not in (None, "")):
            article.id = pile_id(str(story.id), k + 1)
    return story.articles


def iter_article_lines(path: Path) -> Iterator[tuple[int, list[Article], str | None]]:
    """Stream a JSONL(.gz) file of articles (a line with "text") or stories (a line with
    "documents"), mixed or not: (line number, its articles, why none could be read)."""
    _require_file(path)
    for number, line in enumerate(open_text(path, MAX_STORY_CHARS), start=1):
        if line is None:
            yield number, [], f"line {number}: longer than {MAX_STORY_CHARS:,} characters"
        elif line.strip():
            yield number, *_line_articles(line, number)


def _line_articles(line: str, number: int) -> tuple[list[Article], str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return [], f"line {number}: not valid JSON ({exc.msg})"
    if isinstance(record, Mapping) and "documents" in record:
        parsed = parse_jsonl_line(line, number)
        if parsed.story is None:
            return [], parsed.error
        return pile_articles(parsed.story, record["documents"]), None
    try:
        return [article_from_record(record)], None
    except InputError as exc:
        return [], f"line {number}: {exc}"
