"""Invented stories for batch tests (JSONL or Parquet, any length); a Dask cluster's handle."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTICLES = [
    [
        "Fire broke out at the covered market in Saltmarsh on Sunday night. Firefighters "
        "brought it under control within two hours. Twelve stalls were destroyed.",
        "A fire destroyed twelve stalls at the covered market in Saltmarsh on Sunday night. "
        "Nobody was hurt, the fire service said. The market will reopen on Friday.",
    ],
    [
        "Part of the roof of Fenwick Primary School blew off during high winds on Thursday. "
        "Pupils were moved to the hall and nobody was hurt.",
        "High winds tore part of the roof from Fenwick Primary School on Thursday. "
        "Children and staff were moved to the school hall unharmed.",
    ],
    [
        "The river burst its banks at Wendover Quay on Friday, flooding twenty homes. "
        "Residents were taken to the community centre overnight.",
        "Twenty homes in Wendover Quay were flooded on Friday when the river burst its "
        "banks. Families spent the night at the community centre.",
    ],
]
BAD_LINE = '{"id": "broken", "documents": ["unterminated'

WriteStories = Callable[..., Path]


def story_lines(count: int, bad_every: int = 0) -> list[str]:
    """``count`` JSONL lines; every ``bad_every``-th one malformed (0: none)."""
    lines = []
    for number in range(1, count + 1):
        if bad_every and number % bad_every == 0:
            lines.append(BAD_LINE)
            continue
        documents = [text.replace("twenty", f"{number + 20}").replace("Twelve", f"{number + 3}")
                     for text in ARTICLES[number % len(ARTICLES)]]
        lines.append(json.dumps({"id": f"story-{number:04d}", "documents": documents}))
    return lines


def write_parquet(stories: Path, target: Path, files: int = 2, row_group: int = 25) -> Path:
    """The stories of a JSONL file as a Parquet dataset: ``files`` files, row groups of
    ``row_group`` rows, "documents" a list of strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_row(line) for line in stories.read_text(encoding="utf-8").splitlines()]
    target.mkdir()
    share = -(-len(rows) // files)
    for index in range(files):
        chunk = rows[index * share : (index + 1) * share]
        table = pa.table({"id": [r["id"] for r in chunk],
                          "documents": [r["documents"] for r in chunk]})
        pq.write_table(table, target / f"part-{index}.parquet", row_group_size=row_group)
    return target


def _row(line: str) -> dict[str, Any]:
    """A JSONL line as a row; a malformed one becomes a story with no documents."""
    try:
        return dict(json.loads(line))
    except json.JSONDecodeError:
        return {"id": "broken", "documents": []}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class DaskCluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]


def dask_command() -> list[str]:
    script = Path(sys.executable).with_name("dask")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dask"]
