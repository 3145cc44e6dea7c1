"""Read stories from what users have: text, Markdown, HTML, directories, stdin (JSONL
files are streamed by ``jsonl.py``).

Everything here turns bytes into :class:`~newsweave.model.Article` objects with their raw
text; cleaning and segmentation happen later. Problems that leave something to work with
become warnings (appended to the caller's list); problems that leave nothing raise
:class:`~newsweave.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.errors import InputError
from newsweave.model import Article, Story
from newsweave.reading.decode import decode, looks_binary, read_bounded, read_stream_bounded
from newsweave.reading.front_matter import split_front_matter
from newsweave.reading.html_text import html_article

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MULTINEWS_SEPARATOR = "|||||"
DEFAULT_MAX_ARTICLE_BYTES = 5_000_000  # a news article is tens of kB; 5 MB is already a book
__all__ = ["decode", "looks_binary"]  # re-exported: the byte-level reading lives in decode.py


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
            title=optional_str(value.get("title")),
            url=optional_str(value.get("url")),
            published=optional_str(value.get("published")),
            language=optional_str(value.get("language")),
            copy_of=optional_str(value.get("copy_of")),
            not_news=value.get("not_news") is True,
        )
    raise InputError(f"document {index + 1} is a {type(value).__name__}, not a string or object")


def optional_str(value: Any) -> str | None:
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
    fields, text = split_front_matter(text, str(path), warnings)
    if suffix in MARKDOWN_SUFFIXES:
        text = strip_markdown(text)
    if not text.strip():
        raise InputError(f"{path}: no article text after its front matter")
    if MULTINEWS_SEPARATOR in text:
        parts = split_multinews(text)
        return [Article(id=f"{source}-{i + 1}", source=f"{source}-{i + 1}", text=p)
                for i, p in enumerate(parts)]
    return [Article(id=source, source=fields.get("source", source), text=text,
                    title=fields.get("title"), url=fields.get("url"),
                    published=fields.get("published"))]


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
