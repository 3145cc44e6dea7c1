"""A table of names and numbers as a gzipped TSV: how learned weights ship in the package.

Sorted, fixed decimals and no time in the gzip header, so that a retrained table can be
byte-identical to the shipped one.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path


def save_float_table(
    path: Path, first: tuple[str, float], table: dict[str, float], decimals: int
) -> None:
    """``first`` (a reserved name and its value) on the first line, then ``table`` sorted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(
        raw, encoding="utf-8"
    ) as out:
        out.write(f"{first[0]}\t{first[1]:.{decimals}f}\n")
        for name, value in sorted(table.items()):
            out.write(f"{name}\t{value:.{decimals}f}\n")


def load_float_table(path: Path, reserved: str) -> tuple[dict[str, float], float]:
    """The table, and the value of the ``reserved`` name (0.0 if absent), taken out of it."""
    table: dict[str, float] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            name, value = line.rstrip("\n").split("\t")
            table[name] = float(value)
    return table, table.pop(reserved, 0.0)
