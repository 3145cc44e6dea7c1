"""What `newsweave ingest` reads: files, folders, article JSONL, and page URLs.

JSONL lines are either one article each (``{"id", "text", "source"?, ...}``, the grouping
issue's form) or a story each (``{"id", "documents": [...]}``, the summarizer's form, whose
documents become articles ``STORY-1``, ``STORY-2``, ...).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from newsweave.desk.fetch import Fetcher, FetchRefused
from newsweave.desk.ingest import ArticleIn, article_from_html, articles_from_json
from newsweave.errors import InputError
from newsweave.reading.jsonl import open_text, pile_id
from newsweave.reading.read import (
    DEFAULT_MAX_ARTICLE_BYTES,
    articles_from_file,
    expand_paths,
    is_jsonl,
    split_multinews,
)


def read_sources(targets: tuple[str, ...], warnings: list[str]) -> Iterator[ArticleIn]:
    """Every article the targets hold, in order; a bad one is a warning, not the end."""
    urls = [t for t in targets if t.startswith(("http://", "https://"))]
    paths = [t for t in targets if t not in urls]
    for path in expand_paths(paths, warnings) if paths else []:
        try:
            if is_jsonl(path):
                yield from _jsonl_articles(path, warnings)
            else:
                for article in articles_from_file(path, warnings, DEFAULT_MAX_ARTICLE_BYTES):
                    yield ArticleIn(text=article.text, source=article.source,
                                    title=article.title, url=article.url,
                                    published=article.published)
        except InputError as exc:
            warnings.append(str(exc))
    if urls:
        fetcher = Fetcher(allow_private=True, host_interval_s=0.0)  # the user's own request
        try:
            for url in urls:
                try:
                    page = fetcher.get(url)
                    yield article_from_html(page.body.decode("utf-8", "replace"), page.url)
                except (FetchRefused, InputError) as exc:
                    warnings.append(str(exc))
        finally:
            fetcher.close()


def _jsonl_articles(path: Path, warnings: list[str]) -> Iterator[ArticleIn]:
    for number, line in enumerate(open_text(path), start=1):
        if line is None or not line.strip():
            continue
        try:
            record: Any = json.loads(line)
            if isinstance(record, dict) and "documents" in record and "text" not in record:
                yield from _story_articles(record)
            else:
                yield from articles_from_json(record)
        except (ValueError, InputError) as exc:
            warnings.append(f"{path}: line {number}: {exc}")


def _story_articles(record: dict[str, Any]) -> list[ArticleIn]:
    story = str(record.get("id") or "story")
    documents = record["documents"]
    if isinstance(documents, str):  # Multi-News's own form, as summarize and group read it
        documents = split_multinews(documents)
    if not isinstance(documents, list):
        raise InputError("'documents' is neither a list nor Multi-News's '|||||' text")
    if not documents:
        raise InputError("'documents' is empty")
    items = []
    for index, document in enumerate(documents, start=1):
        if not isinstance(document, str | Mapping):
            raise InputError(f"document {index} is a {type(document).__name__}, not a string "
                             "or object")
        value = {"text": document} if isinstance(document, str) else dict(document)
        value.setdefault("id", pile_id(story, index))
        value.setdefault("source", f"{story}-{index}")
        items.extend(articles_from_json(value))
    return items
