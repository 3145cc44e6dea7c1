"""Summarize every story of a JSONL file: streaming, on all cores, bad lines reported.

Lines are read lazily and summaries written as they complete (in input order), so
memory stays flat however long the file is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from newsweave.errors import NewsweaveError
from newsweave.model import Summary
from newsweave.parallel import process_pool, usable_cpus
from newsweave.read import JsonlLine, iter_jsonl
from newsweave.render import render


@dataclass
class BatchResult:
    done: int = 0
    failed: int = 0


@dataclass
class LineResult:
    """What a worker sends back: the rendered summary, or why the line failed."""

    number: int
    output: str | None
    error: str | None = None


def _summarize_line(line: JsonlLine, max_words: int, method: str, output_format: str) -> LineResult:
    from newsweave.pipeline import summarize_story

    if line.story is None:
        return LineResult(line.number, None, line.error)
    try:
        summary = summarize_story(line.story, max_words, method)
        if not summary.sentences:
            raise NewsweaveError(nothing_shown(summary))
        rendered = render(summary, output_format)
    except NewsweaveError as exc:
        return LineResult(line.number, None, f"line {line.number}: {exc}")
    except Exception as exc:  # one story's crash must not end the batch
        detail = " ".join(str(exc).split())[:200]
        return LineResult(
            line.number, None, f"line {line.number}: failed ({type(exc).__name__}: {detail})"
        )
    if output_format != "json":
        rendered = f"# {summary.story_id}\n\n{rendered}\n"
    return LineResult(line.number, rendered)


def nothing_shown(summary: Summary) -> str:
    """Why a summary came out empty, as the pipeline said: nothing fits the budget, or no
    sentence can be shown at all (questions, fragments, cut off, degraded)."""
    return summary.empty_reason or (
        f"no sentence of these articles can be shown within {summary.max_words} words")


def summarize_jsonl(
    path: Path,
    out: TextIO,
    max_words: int = 250,
    method: str = "auto",
    output_format: str = "json",
    jobs: int | None = None,
    progress: bool = True,
    warn: Callable[[str], None] | None = None,
) -> BatchResult:
    """Summarize each story of ``path`` into ``out`` (one rendered summary per story)."""
    jobs = jobs or usable_cpus()
    warn = warn or _to_stderr
    worker = partial(
        _summarize_line, max_words=max_words, method=method, output_format=output_format
    )
    result = BatchResult()
    lines: Iterator[JsonlLine] = iter_jsonl(path)
    bar = tqdm(desc="summarizing", unit="story", disable=not progress, dynamic_ncols=True)
    with bar:
        if jobs == 1:
            _drain(map(worker, lines), out, result, warn, bar)
        else:
            with process_pool(jobs) as pool:
                _drain(pool.imap(worker, lines, chunksize=8), out, result, warn, bar)
    return result


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _drain(
    outputs: Iterator[LineResult],
    out: TextIO,
    result: BatchResult,
    warn: Callable[[str], None],
    bar: tqdm,
) -> None:
    for line in outputs:
        if line.output is None:
            result.failed += 1
            # Clear the bar first, or the warning lands on the bar's line.
            with tqdm.external_write_mode(file=sys.stderr):
                warn(f"warning: {line.error}")
        else:
            out.write(line.output)
            result.done += 1
        bar.update(1)

