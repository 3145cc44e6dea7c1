"""The two tasks a worker runs for ``newsweave group --dask``: sort a part of the input
into time blocks, and group one time block.

Time is cut into blocks of ``block_days`` (counted from the Unix epoch). Articles of
different blocks are never compared, except across a block's start: block b is grouped
together with the *overlap*, the articles of block b-1 published within ``window_days``
of b's start, since the grouper lets those join a story of b. Every article is *owned*
by the block it was published in; the overlap's articles are grouped twice, once by
their own block and once as b's overlap, and that is what stitches stories across the
boundary (group_dask.py). Articles without a date form a block of their own.

Each task writes its file beside its final name and renames it into place, so a task
rerun after a worker died rewrites the same file, and a partial file is never read.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.batch.article_parts import ArticlePart, read_part
from newsweave.batch.pool import limit_native_threads
from newsweave.group import Grouper
from newsweave.group.grouper import SECONDS_PER_DAY
from newsweave.group.spool import document
from newsweave.model import Article, published_seconds

UNDATED = -(2**62)  # the block of articles without a readable date
Span = tuple[str, int, int]  # a file and a byte range in it


@dataclass(frozen=True)
class BlockPlan:
    block_days: float
    window_days: float
    threshold: float

    def block_of(self, timestamp: float | None) -> int:
        if timestamp is None:
            return UNDATED
        return int(timestamp // (self.block_days * SECONDS_PER_DAY))

    def in_overlap(self, timestamp: float | None, block: int) -> bool:
        """Whether an article of ``block`` is also grouped with ``block + 1``."""
        if timestamp is None or block == UNDATED:
            return False
        start = (block + 1) * self.block_days * SECONDS_PER_DAY
        return timestamp >= start - self.window_days * SECONDS_PER_DAY


@dataclass
class ScatterResult:
    part: int
    path: str
    spans: dict[int, tuple[int, int]]  # block -> byte range of its lines in ``path``
    articles: int
    problems: list[str]

    @staticmethod
    def record(folder: str, part: int) -> Path:
        """Where a finished task leaves its result (a rerun with --spill reads it)."""
        return Path(folder) / f"part-{part:06d}.json"

    @classmethod
    def load(cls, path: Path) -> ScatterResult:
        value = _record(path, "spans")
        value["spans"] = {k: tuple(v) for k, v in value["spans"].items()}
        return cls(**value)


def scatter(part: ArticlePart, plan: BlockPlan, folder: str) -> ScatterResult:
    """Read a part and write its articles to one file, block by block, in input order:
    a line is "timestamp TAB order TAB document JSON"."""
    limit_native_threads()
    problems: list[str] = []
    lines: defaultdict[int, list[str]] = defaultdict(list)
    count = 0
    for order, article in read_part(part, problems.append):
        timestamp = published_seconds(article.published)
        stamp = "" if timestamp is None else repr(timestamp)
        doc = json.dumps(document(article), ensure_ascii=False)
        lines[plan.block_of(timestamp)].append(f"{stamp}\t{order}\t{doc}\n")
        count += 1
    target = Path(folder) / f"part-{part.index:06d}.tsv"
    spans: dict[int, tuple[int, int]] = {}
    with _atomic(target) as stream:
        for block in sorted(lines):
            start = stream.tell()
            stream.write("".join(lines[block]).encode("utf-8"))
            spans[block] = (start, stream.tell())
    result = ScatterResult(part.index, str(target), spans, count, problems)
    _save(result, ScatterResult.record(folder, part.index))
    return result


@dataclass
class BlockResult:
    block: int
    path: str  # the block's own articles: "story TAB document JSON", story by story
    stories: list[str]  # local story ids with an article of the block, in that order
    articles: int
    tail: dict[int, str] = field(default_factory=dict)  # order -> story: next block's overlap
    borrowed: dict[int, str] = field(default_factory=dict)  # order -> story: this overlap
    problems: list[str] = field(default_factory=list)

    @staticmethod
    def record(folder: str, block: int) -> Path:
        return Path(folder) / f"block-{block}.json"

    @classmethod
    def load(cls, path: Path) -> BlockResult:
        return cls(**_record(path, "tail", "borrowed"))


def group_block(
    block: int, own: list[Span], overlap: list[Span], plan: BlockPlan, folder: str
) -> BlockResult:
    """Group the block's articles together with its overlap, in input order, with the
    in-process Grouper; write the block's own articles by story."""
    limit_native_threads()
    start = block * plan.block_days * SECONDS_PER_DAY
    borrowed = [item for item in _read(overlap)
                if item[0] is not None and item[0] >= start - plan.window_days * SECONDS_PER_DAY]
    owned = list(_read(own))
    mine = {order for _, order, _ in owned}
    grouper = Grouper(window_days=plan.window_days, threshold=plan.threshold)
    result = BlockResult(block, str(Path(folder) / f"block-{block}.tsv"), [], 0)
    by_story: dict[str, list[str]] = {}
    seen: set[str] = set()
    for timestamp, order, article in sorted(borrowed + owned, key=lambda item: item[1]):
        if article.id in seen:
            if order in mine:
                result.problems.append(f"article {article.id!r} is already grouped, skipped")
            continue
        seen.add(article.id)
        story = grouper.add(article).story_id
        if order not in mine:
            result.borrowed[order] = story
            continue
        if plan.in_overlap(timestamp, block):
            result.tail[order] = story
        by_story.setdefault(story, []).append(json.dumps(document(article), ensure_ascii=False))
        result.articles += 1
    with _atomic(Path(result.path)) as stream:
        for story, documents in by_story.items():
            stream.write("".join(f"{story}\t{doc}\n" for doc in documents).encode("utf-8"))
    result.stories = list(by_story)
    _save(result, BlockResult.record(folder, block))
    return result


def _record(path: Path, *int_keyed: str) -> dict[str, Any]:
    """A task's result as saved (JSON object keys are text: ``int_keyed`` get int keys)."""
    value = json.loads(path.read_text(encoding="utf-8"))
    for name in int_keyed:
        value[name] = {int(k): v for k, v in value[name].items()}
    return dict(value)


def _save(result: ScatterResult | BlockResult, path: Path) -> None:
    with _atomic(path) as stream:
        stream.write(json.dumps(asdict(result)).encode("utf-8"))


def _read(spans: list[Span]) -> Iterator[tuple[float | None, int, Article]]:
    for path, start, end in spans:
        with open(path, "rb") as stream:
            stream.seek(start)
            text = stream.read(end - start).decode("utf-8")
        for line in text.splitlines():
            stamp, order, doc = line.split("\t", 2)
            yield (float(stamp) if stamp else None), int(order), Article(**json.loads(doc))


class _atomic:
    """A binary file written beside ``path`` and renamed over it once complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.{os.getpid()}.partial")

    def __enter__(self) -> BinaryIO:
        self.stream = open(self.partial, "wb")  # noqa: SIM115
        return self.stream

    def __exit__(self, kind: object, *rest: object) -> None:
        self.stream.close()
        if kind is None:
            os.replace(self.partial, self.path)
        else:
            self.partial.unlink(missing_ok=True)
