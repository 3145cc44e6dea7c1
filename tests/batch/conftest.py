"""Invented stories for batch tests, written as JSONL (or Parquet) of any length."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

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


@pytest.fixture
def write_stories(tmp_path: Path) -> WriteStories:
    def write(count: int, bad_every: int = 0, name: str = "stories.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("\n".join(story_lines(count, bad_every)) + "\n", encoding="utf-8")
        return path

    return write
