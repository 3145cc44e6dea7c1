"""Read stories from what users have: text, Markdown, HTML, directories, JSONL, stdin.

Everything here turns bytes into :class:`~newsweave.model.Article` objects with their raw
text; cleaning and segmentation happen later. Problems that leave something to work with
become warnings (appended to the caller's list); problems that leave nothing raise
:class:`~newsweave.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.errors import InputError
from newsweave.model import Article, Story
from newsweave.reading.decode import decode, looks_binary, read_bounded, read_stream_bounded
from newsweave.reading.html_text import html_article

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MULTINEWS_SEPARATOR = "|||||"
DEFAULT_MAX_ARTICLE_BYTES = 5_000_000  # a news article is tens of kB; 5 MB is already a book
MAX_STORY_CHARS = 20_000_000  # one JSONL line: a story of many articles, never a corpus
__all__ = ["decode", "looks_binary"]  # re-exported: the byte-level reading lives in decode.py


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


def source_name(path: Path) -> str:
    """The outlet name a file stands for: its name without extensions."""
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name or path.name


def split_multinews(text: str) -> list[str]:
    """Multi-News raw form: articles separated by ``|||||``; empty parts are padding."""
    return [part.strip() for part in text.split(MULTINEWS_SEPARATOR) if part.strip()]


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", re.MULTILINE)
_MD_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_MD_STAR = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")
_MD_UNDERSCORE = re.compile(r"(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def strip_markdown(text: str) -> str:
    """Markdown to the plain text a reader sees: no #, >, bullets, ** or _, no link targets."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_LINE_MARK.sub("", text)
    text = _MD_CLOSING_HASHES.sub("", text)
    text = _MD_STAR.sub(r"\2", text)
    return _MD_UNDERSCORE.sub(r"\2", text)


def article_from_value(value: Any, index: int, default_source: str) -> Article:
    """A document as JSON gives it (a string or a mapping) to an Article."""
    if isinstance(value, str):
        return Article(id=f"{default_source}", source=default_source, text=value)
    if isinstance(value, Mapping):
        text = value.get("text")
        if not isinstance(text, str):
            raise InputError(f"document {index + 1} has no string field 'text'")
        source = str(value.get("source") or default_source)
        return Article(
            id=str(value.get("id") or source),
            source=source,
            text=text,
            title=_optional_str(value.get("title")),
            url=_optional_str(value.get("url")),
            published=_optional_str(value.get("published")),
            language=_optional_str(value.get("language")),
            copy_of=_optional_str(value.get("copy_of")),
        )
    raise InputError(f"document {index + 1} is a {type(value).__name__}, not a string or object")


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def story_from_documents(documents: Sequence[Any], story_id: str | None = None) -> Story:
    """A story from the Python/JSON form: a list of strings or dicts."""
    if isinstance(documents, str | bytes) or not isinstance(documents, Sequence):
        raise InputError("'documents' must be a list of strings or objects")
    articles = [
        article_from_value(doc, i, f"article-{i + 1}") for i, doc in enumerate(documents)
    ]
    return Story(articles=unique_ids(articles), id=story_id)


def unique_ids(articles: list[Article]) -> list[Article]:
    """Give every article an id of its own; several files of one outlet get -2, -3, ..."""
    seen: dict[str, int] = {}
    for article in articles:
        base = re.sub(r"\s+", "-", article.id.strip()) or "article"
        count = seen.get(base, 0) + 1
        seen[base] = count
        article.id = base if count == 1 else f"{base}-{count}"
    return articles


def articles_from_file(path: Path, warnings: list[str], max_bytes: int) -> list[Article]:
    """The articles one text or HTML file holds (several in the Multi-News raw form)."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type '{suffix or path.name}' "
            "(expected .txt, .md, .html, .htm, .jsonl or .jsonl.gz)"
        )
    text = decode(read_bounded(path, max_bytes), str(path), warnings)
    source = source_name(path)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    if suffix in HTML_SUFFIXES:
        article = html_article(text, source)
        if article is None:
            raise InputError(f"{path}: no article text found in the HTML")
        return [article]
    if suffix in MARKDOWN_SUFFIXES:
        text = strip_markdown(text)
    if MULTINEWS_SEPARATOR in text:
        parts = split_multinews(text)
        return [Article(id=f"{source}-{i + 1}", source=f"{source}-{i + 1}", text=p)
                for i, p in enumerate(parts)]
    return [Article(id=source, source=source, text=text)]


def is_jsonl(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in JSONL_SUFFIXES


NOT_ARTICLES = re.compile(r"^(?:README|LICEN[CS]E|CHANGELOG)(?:\.|$)", re.IGNORECASE)


def expand_paths(paths: Sequence[str], warnings: list[str]) -> list[Path]:
    """Files named directly, and the supported files inside named directories (sorted).

    A missing path, or a directory with nothing to read, is skipped with a warning; a
    directory's README or LICENSE is not an article and is skipped silently.
    """
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            warnings.append(f"{name}: no such file or directory, skipped")
        elif path.is_dir():
            entries = [p for p in path.rglob("*") if not p.is_dir()
                       and not p.name.startswith(".") and not NOT_ARTICLES.match(p.name)]
            # A FIFO or a link to a device inside a folder is not an article: named, not read.
            for odd in sorted(p for p in entries if not p.is_file()):
                warnings.append(f"{odd}: not a regular file, skipped")
            found = sorted(p for p in entries if p.is_file())
            supported = [p for p in found if p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES]
            for skipped in sorted(set(found) - set(supported)):
                warnings.append(f"{skipped}: unsupported file type, skipped")
            if not supported:
                warnings.append(f"{name}: no .txt, .md or .html files in this directory, skipped")
            files.extend(supported)
        else:
            files.append(path)
    return files


def _stdin_articles(
    stream: BinaryIO, warnings: list[str], max_bytes: int
) -> list[Article]:
    data = read_stream_bounded(stream, max_bytes, "stdin")
    text = decode(data, "stdin", warnings)
    if text.lstrip().startswith("{"):
        raise InputError("stdin: looks like JSON; save it as a .jsonl file and pass the path")
    return [
        Article(id=f"stdin-{i + 1}", source=f"stdin-{i + 1}", text=t)
        for i, t in enumerate(split_multinews(text))
    ]


def read_story(
    paths: Sequence[str],
    warnings: list[str],
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> Story:
    """One story told by the articles in ``paths`` (``-`` reads standard input).

    An input that cannot be read (missing, empty, binary, unsupported, too large) is
    skipped with a warning while others can be read; when none can, the error says why.
    """
    for name in paths:
        if name != "-" and is_jsonl(Path(name)) and len(paths) > 1:
            raise InputError(f"{name}: a JSONL file holds whole stories; give it on its own")
    first_warning = len(warnings)
    articles: list[Article] = []
    for path in expand_paths([p for p in paths if p != "-"], warnings):
        try:
            if is_jsonl(path):
                raise InputError(f"{path}: a JSONL file holds whole stories; give it on its own")
            articles.extend(articles_from_file(path, warnings, max_bytes))
        except InputError as exc:
            warnings.append(f"{exc}, skipped")
    if "-" in paths:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            found = _stdin_articles(stream, warnings, max_bytes)
        except InputError as exc:
            warnings.append(f"{exc}, skipped")
        else:
            if not found:
                warnings.append("stdin: empty, skipped")
            articles.extend(found)
    if not articles:
        raise InputError(_nothing_read(warnings[first_warning:]))
    return Story(articles=unique_ids(articles))


def _nothing_read(reasons: list[str]) -> str:
    """The one-line error when no input gave an article: the reason, or all of them."""
    reasons = [r.removesuffix(", skipped") for r in reasons if r.endswith(", skipped")]
    if len(reasons) == 1:
        return reasons[0]
    if not reasons:
        return "no article text found in the input"
    shown = "; ".join(reasons[:3]) + (f"; and {len(reasons) - 3} more" if len(reasons) > 3 else "")
    return f"no article text found in the input ({shown})"


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
    story_id = _optional_str(record.get("id")) or f"line-{number}"
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
    return JsonlLine(number, story, references, query=_query(record.get("meta")))


def _query(meta: Any) -> str | None:
    if not isinstance(meta, Mapping):
        return None
    parts = [meta.get("query_title"), meta.get("query_narrative")]
    text = ". ".join(p.strip().rstrip(".") for p in parts if isinstance(p, str) and p.strip())
    return f"{text}." if text else None


def iter_jsonl(path: Path, max_line_chars: int = MAX_STORY_CHARS) -> Iterator[JsonlLine]:
    """Stream the stories of a JSONL file, one at a time; blank lines are skipped.

    A missing file is reported at once (not when the first line is wanted); a line over
    ``max_line_chars`` becomes an error for that line and is never held in memory.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSONL file")
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


def iter_article_lines(path: Path) -> Iterator[tuple[int, list[Article], str | None]]:
    """Stream a JSONL(.gz) file of articles (a line with "text") or stories (a line with
    "documents"), mixed or not: (line number, its articles, why none could be read)."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSONL file")
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
        return (parsed.story.articles, None) if parsed.story else ([], parsed.error)
    try:
        return [article_from_record(record)], None
    except InputError as exc:
        return [], f"line {number}: {exc}"
