"""Tiny invented training corpora in Multi-News form, for the trainers' tests."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.reading.read import read_story

# The reference summary of the invented derailment (tests/fixtures/story).
REFERENCE = (
    "Fourteen wagons of a freight train derailed near Orrin Cross on Wednesday. "
    "No one was injured. Diesel leaked into Orrin Brook."
)


def write_training_corpus(story_dir: Path, path: Path, copies: int) -> None:
    """``copies`` stories of the invented derailment, each with its own reference."""
    story = read_story([str(story_dir)], [])
    documents = [{"text": a.text, "source": a.source} for a in story.articles]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(copies):
            summary = f"Report number {i}: {REFERENCE}"
            record = {"id": f"s{i}", "documents": documents, "summaries": [summary]}
            out.write(json.dumps(record) + "\n")
