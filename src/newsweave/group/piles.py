"""Mixed piles of Multi-News articles with their gold stories, to train and measure on.

Every document of every story, shuffled with a fixed seed; its gold label is its story,
except that documents outside ``meta.llm_relevant_doc_indices`` are gold singletons
(noise, ../shared/data/README.md); exact duplicate texts are dropped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.model import Article

SEED = 13


@dataclass
class Pile:
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold story
    # synthetic reprint id -> the article it copies (benchmarks' add_reprints fills it)
    reprint_of: dict[str, str] = field(default_factory=dict)


def records(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def multinews_file(value: str) -> Path:
    """An argparse ``type`` for a training script's Multi-News JSONL.gz: a missing file, one
    that is not gzip or whose first story is no JSON object with ``documents`` stops the
    script in one line before minutes of work (a fault further in still raises)."""
    path = Path(value)
    try:
        first = next(records(path), None)
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise argparse.ArgumentTypeError(
            f"cannot read {path} as Multi-News JSONL.gz: {exc}") from None
    if not isinstance(first, dict) or not isinstance(first.get("documents"), list):
        raise argparse.ArgumentTypeError(f"{path}: no story with documents on its first line")
    return path


def multinews_pile(path: Path, limit: int | None = None, seed: int = SEED,
                   skip: int = 0) -> Pile:
    """The pile of stories ``skip`` to ``skip + limit`` of a Multi-News file."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    seen_texts: set[str] = set()
    for number, record in enumerate(records(path)):
        if number < skip:
            continue
        if limit is not None and number >= skip + limit:
            break
        relevant = set((record.get("meta") or {}).get("llm_relevant_doc_indices") or [])
        for index, text in enumerate(record["documents"]):
            if not text.strip() or text in seen_texts:
                continue
            seen_texts.add(text)
            article_id = f"{record['id']}:{index}"
            articles.append(Article(id=article_id, source=f"outlet-{index}", text=text))
            gold[article_id] = record["id"] if index in relevant else article_id
    random.Random(seed).shuffle(articles)
    return Pile(articles, gold)
