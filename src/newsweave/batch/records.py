"""Batch input: a JSONL(.gz) file of stories or a Parquet dataset, cut into partitions.

A partition is the unit of work a worker receives and, for a directory output, the unit
written to one file. A JSONL file's lines travel inside their partition (the file is read
once, by the process that runs the batch); a Parquet partition is one row group, read by
whichever worker runs it, so a cluster's workers read the dataset in parallel.
Either way a story reaches its task as one JSON object in text, numbered from 1 in the
order of the input (a line number for JSONL, a row number across the dataset's files).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.reading.jsonl import MAX_STORY_CHARS, iter_jsonl, open_text


@dataclass(frozen=True)
class Record:
    number: int  # 1-based line (JSONL) or row (Parquet) of the input
    text: str | None  # the story as a JSON object; None: a line too long to read


@dataclass(frozen=True)
class Partition:
    index: int
    records: tuple[Record, ...] = ()
    parquet_path: str | None = None  # a row group of this file, read where it runs
    row_group: int = 0
    first_number: int = 1
    size: int = 0
    after: int = 0  # records numbered up to this are already done (a resumed run)

    def load(self) -> list[Record]:
        if self.parquet_path is None:
            return [r for r in self.records if r.number > self.after]
        import pyarrow.parquet as pq

        table = pq.ParquetFile(self.parquet_path).read_row_group(self.row_group)
        rows = table.slice(0, self.size).to_pylist()
        numbered = (Record(self.first_number + i, _row_json(row)) for i, row in enumerate(rows))
        return [r for r in numbered if r.number > self.after]


def _row_json(row: dict[str, Any]) -> str:
    # Timestamps and other non-JSON values become text, as "published" is in JSONL.
    return json.dumps(row, ensure_ascii=False, default=str)


def leading_string(text: str, field: str) -> str | None:
    """The string value of ``field`` when it comes first in a JSON object's text (as "id"
    does in Multi-News lines, "story_id" after "schema" in ours), read without parsing the
    rest, which --resume would otherwise do for every line of input and output twice."""
    match = re.match(r'\{\s*(?:"schema"\s*:\s*"[^"\\]*"\s*,\s*"schema_version"\s*:\s*'
                     r'"[^"\\]*"\s*,\s*)?"' + field + r'"\s*:\s*("(?:[^"\\]|\\.)*")', text)
    return str(json.loads(match.group(1))) if match else None


def story_key(record: Record) -> str:
    """The id the story's output record carries: its "id", else "line-N" (as read.py names
    a story without one). Read cheaply, without building the story."""
    fallback = f"line-{record.number}"
    if record.text is None:
        return fallback
    quick = leading_string(record.text, "id")
    if quick:
        return quick
    try:
        value = json.loads(record.text)
    except json.JSONDecodeError:
        return fallback
    story_id = value.get("id") if isinstance(value, dict) else None
    return fallback if story_id is None or story_id == "" else str(story_id)


class JsonlSource:
    """The non-blank lines of a JSONL(.gz) file, in order."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        iter_jsonl(path)  # a missing file or a directory is an error now, before any output
        self.path = path
        self.limit = limit
        self.inputs = [path]
        self.row_groups = False

    def records(self) -> Iterator[Record]:
        lines = open_text(self.path, MAX_STORY_CHARS)
        numbered = (
            Record(number, line)
            for number, line in enumerate(lines, start=1)
            if line is None or line.strip()
        )
        return islice(numbered, self.limit)

    def count(self) -> int:
        return sum(1 for _ in self.records())

    def partitions(self, size: int, skip: int = 0) -> Iterator[Partition]:
        """Partitions of ``size`` records, numbered from 0, leaving out the first ``skip``
        records (a partition then starts after them, so its index counts from there)."""
        records = islice(self.records(), skip, None)
        index = 0
        while chunk := tuple(islice(records, size)):
            yield Partition(index, chunk, first_number=chunk[0].number, size=len(chunk))
            index += 1


class ParquetSource:
    """A Parquet dataset: a directory of .parquet files (or one file), one story a row with
    the JSONL fields as columns ("id", "documents", and "summary", "focus"... if any)."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        import pyarrow.parquet as pq

        files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if not files:
            raise InputError(f"{path}: no .parquet files in this directory")
        self.path = path
        self.inputs = files
        self.row_groups = True
        self.limit = limit
        self._groups: list[tuple[str, int, int]] = []  # file, row group, rows
        for file in files:
            try:
                metadata = pq.ParquetFile(file).metadata
            except Exception as exc:  # pyarrow raises its own error types for bad files
                raise InputError(f"{file}: cannot read as Parquet ({exc})") from None
            for group in range(metadata.num_row_groups):
                self._groups.append((str(file), group, metadata.row_group(group).num_rows))

    def records(self) -> Iterator[Record]:
        for partition in self.partitions():
            yield from partition.load()

    def count(self) -> int:
        total = sum(rows for _, _, rows in self._groups)
        return total if self.limit is None else min(total, self.limit)

    def partitions(self, size: int = 0, skip: int = 0) -> Iterator[Partition]:
        """One partition a row group (``size`` is the row groups' own), leaving out the
        first ``skip`` rows."""
        first = 1
        for index, (file, group, rows) in enumerate(self._groups):
            if self.limit is not None:
                if first > self.limit:
                    return
                rows = min(rows, self.limit - first + 1)
            if first + rows - 1 > skip:
                yield Partition(index, (), file, group, first, rows, after=skip)
            first += rows


Source = JsonlSource | ParquetSource


def open_source(path: Path, limit: int | None = None) -> Source:
    """The stories at ``path``: a Parquet file or dataset directory, else a JSONL file."""
    if path.is_dir() or path.suffix.lower() == ".parquet":
        return ParquetSource(path, limit)
    return JsonlSource(path, limit)
