"""``newsweave group --dask``: millions of articles grouped on a Dask cluster.

1. *Scatter* (one task per input part, article_parts.py): a worker reads its part from
   the input path and writes its articles to a spill file, sorted into time blocks.
2. *Group* (one task per time block, group_blocks.py): a worker groups the block's
   articles, with the overlap from the block before, using the in-process ``Grouper``
   (``newsweave.group``'s public API), and writes the block's articles by local story.
3. *Stitch* (here): an article of an overlap has a story in its own block and one in the
   next block's grouping; a union-find over (block, local story) joins the two, so a story
   that crosses a block boundary comes out as one. The stories are then written block by
   block: a story is written once its last block has been read, so memory holds about
   one block's articles, not the pile's.

The cost is linear in the articles: each is read twice, grouped once (twice in an
overlap), and compared only with stories of its own block, found through the Grouper's
inverted index of strongest terms and its MinHash LSH of reprints (see docs/scale.md).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from newsweave.batch.article_parts import ArticlePart, article_parts
from newsweave.batch.executors import connect, disconnect
from newsweave.batch.group_blocks import (
    UNDATED,
    BlockPlan,
    BlockResult,
    ScatterResult,
    group_block,
    scatter,
)
from newsweave.batch.output import refuse_input_as_output
from newsweave.batch.records import leading_string
from newsweave.batch.run import interruptible
from newsweave.errors import NewsweaveError
from newsweave.links import Links

# Days of one time block. Long blocks make the overlap (window_days of the block before,
# grouped twice) a small share; short ones make more, smaller tasks. A block must fit one
# worker's memory: about 4 kB an article (docs/scale.md).
DEFAULT_BLOCK_DAYS = 14.0


@dataclass
class GroupRun:
    articles: int = 0
    stories: int = 0
    blocks: int = 0
    reused: int = 0  # tasks an earlier run with the same --spill had finished
    problems: list[str] = field(default_factory=list)


def group_on_dask(
    paths: list[str],
    out: Path | None,
    stdout: TextIO,
    address: str,
    jobs: int,
    plan: BlockPlan,
    spill: Path | None = None,
    progress: bool = False,
) -> GroupRun:
    """Group the articles of ``paths`` (JSONL(.gz) or Parquet) on the cluster at
    ``address`` (or ``local``) and write the stories as ``newsweave group`` does."""
    if plan.block_days < plan.window_days:
        raise NewsweaveError(f"--block-days {plan.block_days:g} is shorter than --window-days "
                             f"{plan.window_days:g}: a block's overlap must lie in one block")
    parts = article_parts(paths)
    if out is not None:
        refuse_input_as_output(out, [Path(p) for p in paths])
    folder = _spill_folder(spill, out, parts, plan)
    client = cluster = None
    finished = False
    try:
        with interruptible():
            client, cluster = connect(address, jobs)
            run = _run(client, parts, plan, str(folder), out, stdout, progress)
        finished = True
        return run
    finally:
        disconnect(client, cluster)
        if finished or spill is None:  # else kept: a rerun with the same --spill continues
            shutil.rmtree(folder, ignore_errors=True)


def _run(client: Any, parts: list[ArticlePart], plan: BlockPlan, folder: str,
         out: Path | None, stdout: TextIO, progress: bool) -> GroupRun:
    run = GroupRun()
    scattered = _each(run, client, [(scatter, part, plan, folder) for part in parts],
                      [ScatterResult.record(folder, part.index) for part in parts],
                      ScatterResult.load, "reading", progress)
    for piece in scattered:
        run.articles += piece.articles
        run.problems += piece.problems
    spans: dict[int, list[tuple[str, int, int]]] = {}
    for piece in sorted(scattered, key=lambda item: item.part):
        for block, (start, end) in piece.spans.items():
            spans.setdefault(block, []).append((piece.path, start, end))
    if not run.articles:
        raise NewsweaveError("no articles in the input")
    calls = [(group_block, block, own, spans.get(block - 1, []) if block != UNDATED else [],
              plan, folder) for block, own in spans.items()]
    blocks = _each(run, client, calls, [BlockResult.record(folder, block) for block in spans],
                   BlockResult.load, "grouping", progress)
    run.blocks = len(blocks)
    for result in blocks:
        run.problems += result.problems
    run.stories = _write(blocks, out, stdout, run.problems.append)
    return run


def _spill_folder(spill: Path | None, out: Path | None, parts: list[ArticlePart],
                  plan: BlockPlan) -> Path:
    """A fresh temporary folder (beside ``out``), or ``spill``'s, kept across runs: its
    finished tasks are not run again, if it holds this same run's files."""
    if spill is None:
        return Path(tempfile.mkdtemp(prefix=".newsweave-group-", dir=out.parent if out else None))
    folder = spill / "newsweave-group"
    inputs = sorted({part.path for part in parts})
    manifest = json.dumps({"parts": [asdict(part) for part in parts], "plan": asdict(plan),
                           "inputs": [[p, os.stat(p).st_size, os.stat(p).st_mtime_ns]
                                      for p in inputs]}, indent=1)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / "manifest.json"
        if kept.exists() and kept.read_text(encoding="utf-8") != manifest:
            raise NewsweaveError(f"{folder}: holds another run's files (other input or "
                                 "options); remove it or give another --spill")
        kept.write_text(manifest, encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"--spill {spill}: cannot write ({exc.strerror or exc})") from None
    return folder


def _each(run: GroupRun, client: Any, calls: list[tuple[Any, ...]], records: list[Path],
          load: Callable[[Path], Any], verb: str, progress: bool) -> list[Any]:
    """Run each call on the cluster, unless its record says an earlier run finished it;
    their results, in the order of ``calls``. A worker that dies takes its tasks with it
    and the scheduler runs them again elsewhere."""
    from distributed import as_completed

    results: list[Any] = [load(record) if record.exists() else None for record in records]
    run.reused += sum(1 for done in results if done is not None)
    futures = [client.submit(*call) for call, done in zip(calls, results, strict=True)
               if done is None]
    position = {future.key: n for n, future in zip(
        [n for n, done in enumerate(results) if done is None], futures, strict=True)}
    with tqdm(total=len(calls), initial=len(calls) - len(futures), desc=verb, unit="task",
              disable=not progress) as bar:
        for future in as_completed(futures):
            results[position[future.key]] = future.result()
            bar.update(1)
    return results


def _write(blocks: list[BlockResult], out: Path | None, stdout: TextIO,
           report: Callable[[str], None]) -> int:
    """Stitch the blocks' stories and write them, atomically when ``out`` is a file."""
    if out is None:
        return _write_to(blocks, stdout, report)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8") as stream:
            count = _write_to(blocks, stream, report)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise NewsweaveError(f"{out}: cannot write ({exc.strerror or exc})") from None
    return count


def _write_to(blocks: list[BlockResult], stream: TextIO, report: Callable[[str], None]) -> int:
    ordered = sorted(blocks, key=lambda result: (result.block == UNDATED, result.block))
    links, node = _stitch(ordered)
    last_block = {links.root(node[(r.block, s)]): r.block for r in ordered for s in r.stories}
    pending: dict[int, list[str]] = {}  # stories read so far, by root, in order of start
    seen: set[str] = set()
    count = 0
    for result in ordered:
        for story, doc in _block_lines(result.path):
            pending.setdefault(links.root(node[(result.block, story)]), []).append(doc)
        for root in [root for root in pending if last_block[root] == result.block]:
            count += _emit(pending.pop(root), f"story-{count + 1}", stream, seen, report)
    return count


def _block_lines(path: str) -> Iterable[tuple[str, str]]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            story, doc = line.rstrip("\n").split("\t", 1)
            yield story, doc


def _emit(documents: list[str], story_id: str, stream: TextIO, seen: set[str],
          report: Callable[[str], None]) -> int:
    """Write one story line (as ``newsweave group`` does); an article id seen in an
    earlier block is reported and left out. 1 if written, 0 if nothing was left."""
    kept = []
    for doc in documents:
        article_id = leading_string(doc, "id")
        if article_id in seen:
            report(f"article {article_id!r} is already grouped, skipped")
            continue
        seen.add(str(article_id))
        kept.append(doc)
    if not kept:
        return 0
    stream.write(f'{{"id": {json.dumps(story_id)}, "documents": [{", ".join(kept)}]}}\n')
    return 1


def _stitch(blocks: list[BlockResult]) -> tuple[Links, dict[tuple[int, str], int]]:
    """A union-find over (block, local story): an overlap article's two stories are one."""
    node: dict[tuple[int, str], int] = {}
    for result in blocks:
        for story in (*result.stories, *result.tail.values(), *result.borrowed.values()):
            node.setdefault((result.block, story), len(node))
    links = Links(len(node))
    tails = {result.block: result.tail for result in blocks}
    for result in blocks:
        before = tails.get(result.block - 1, {})
        for order, story in result.borrowed.items():
            if order in before:  # else: a repeated id, left out of its own block
                links.link(node[(result.block - 1, before[order])], node[(result.block, story)])
    return links, node
