"""Article input cut into parts that workers read themselves: ``newsweave group --dask``.

A part is a byte range of a plain JSONL file (cut at line ends by the reader), a whole
JSONL.gz file (gzip cannot be entered in the middle), or one row group of a Parquet file.
Only the part's address travels to a worker; the worker reads the text from the path, so
a cluster's workers must see the input at the same path (a shared file system).

Each article read carries its *order*: the part's index times 2**40 plus its byte offset
or row, so sorting by it gives the order of the input, as ``newsweave group`` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.errors import InputError, NewsweaveError
from newsweave.model import Article
from newsweave.reading.jsonl import (
    MAX_STORY_CHARS,
    article_from_record,
    open_text,
    parse_jsonl_line,
    pile_articles,
)
from newsweave.reading.read import is_jsonl

# Bytes of plain JSONL a part holds: a few seconds of reading, and a worker's memory.
PART_BYTES = 32 * 1024 * 1024
ORDER_SPAN = 2**40  # orders of one part: more bytes or rows than any one file holds


@dataclass(frozen=True)
class ArticlePart:
    index: int
    path: str
    kind: str  # "jsonl" (a byte range), "gzip" (the whole file) or "parquet" (a row group)
    start: int = 0  # first byte (jsonl) or the row group (parquet)
    end: int = 0  # the byte after the last (jsonl)


def is_parquet(path: Path) -> bool:
    if path.suffix.lower() == ".parquet":
        return True
    return path.is_dir() and next(path.rglob("*.parquet"), None) is not None


def article_parts(paths: list[str], part_bytes: int = PART_BYTES) -> list[ArticlePart]:
    """The parts of every input: JSONL(.gz) files and Parquet files or datasets."""
    parts: list[ArticlePart] = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or directory")
        if is_parquet(path):
            parts += _parquet_parts(path, len(parts))
        elif is_jsonl(path) and path.suffix.lower() == ".gz":
            parts.append(ArticlePart(len(parts), str(path), "gzip"))
        elif is_jsonl(path):
            size = path.stat().st_size
            for start in range(0, max(size, 1), part_bytes):
                parts.append(ArticlePart(len(parts), str(path), "jsonl", start,
                                         min(start + part_bytes, size)))
        else:
            raise NewsweaveError(f"{name}: --dask reads JSONL(.gz) files and Parquet "
                                 "datasets of articles; group other files without --dask")
    return parts


def _parquet_parts(path: Path, first: int) -> list[ArticlePart]:
    import pyarrow.parquet as pq

    parts: list[ArticlePart] = []
    for file in sorted(path.rglob("*.parquet")) if path.is_dir() else [path]:
        try:
            groups = pq.ParquetFile(file).metadata.num_row_groups
        except Exception as exc:  # pyarrow raises its own error types for bad files
            raise InputError(f"{file}: cannot read as Parquet ({exc})") from None
        parts += [ArticlePart(first + len(parts) + g, str(file), "parquet", g)
                  for g in range(groups)]
    return parts


Report = Callable[[str], None]


def read_part(part: ArticlePart, report: Report) -> Iterator[tuple[int, Article]]:
    """(order, article) for each article of the part; unreadable lines or rows are
    reported (as ``newsweave group`` reports them) and skipped."""
    base = part.index * ORDER_SPAN
    if part.kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.ParquetFile(part.path).read_row_group(part.start)
        for row, record in enumerate(table.to_pylist()):
            where = f"{part.path}: row group {part.start} row {row + 1}"
            for article in _articles(record, where, report):
                yield base + row, article
        return
    for offset, where, line in _lines(part):
        if line is None:
            report(f"{part.path}: {where}: longer than {MAX_STORY_CHARS:,} characters, skipped")
        elif line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report(f"{part.path}: {where}: not valid JSON ({exc.msg}), skipped")
                continue
            for article in _articles(record, f"{part.path}: {where}", report, line):
                yield base + offset, article


def _lines(part: ArticlePart) -> Iterator[tuple[int, str, str | None]]:
    """(offset, "line N" or "byte N", text) of the part's lines."""
    if part.kind == "gzip":
        for number, line in enumerate(open_text(Path(part.path), MAX_STORY_CHARS), start=1):
            yield number, f"line {number}", line
        return
    with open(part.path, "rb") as stream:
        stream.seek(part.start)
        if part.start:
            stream.seek(part.start - 1)
            stream.readline()  # the line under way at the cut belongs to the part before
        while (offset := stream.tell()) < part.end:
            raw = stream.readline(MAX_STORY_CHARS + 1)
            if not raw:
                return
            if len(raw) > MAX_STORY_CHARS and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # read past it, never held
                    raw = stream.readline(MAX_STORY_CHARS)
                yield offset, f"byte {offset}", None
                continue
            yield offset, f"byte {offset}", raw.decode("utf-8", errors="replace")


def _articles(record: Any, where: str, report: Report, line: str | None = None) -> list[Article]:
    """An article line or row ({"id", "text", ...}) or a story's ({"documents": [...]})."""
    try:
        if isinstance(record, dict) and "documents" in record:
            parsed = parse_jsonl_line(line or json.dumps(record, default=str), 1)
            if parsed.story is None:
                raise InputError(str(parsed.error).removeprefix("line 1: "))
            return pile_articles(parsed.story, record["documents"])
        if isinstance(record, dict) and record.get("published") is not None:
            record = {**record, "published": str(record["published"])}  # a Parquet timestamp
        return [article_from_record(record)]
    except InputError as exc:
        report(f"{where}: {exc}, skipped")
        return []
