"""What ``newsweave group --dask`` adds to the command line: warnings, the closing line,
the exit status (as ``newsweave group`` reports them)."""

from __future__ import annotations

import sys
from pathlib import Path

from newsweave.batch.group_blocks import BlockPlan
from newsweave.batch.group_dask import group_on_dask
from newsweave.batch.run import Interrupted
from newsweave.cli.errors import EXIT_PARTIAL
from newsweave.cli.errors import warn as _warn
from newsweave.text import counted


def group_with_dask(
    paths: tuple[str, ...],
    out: Path | None,
    address: str,
    jobs: int,
    window_days: float,
    threshold: float,
    block_days: float,
    spill: Path | None,
    quiet: bool,
) -> None:
    plan = BlockPlan(block_days, window_days, threshold)
    progress = not quiet and sys.stderr.isatty()
    try:
        run = group_on_dask(list(paths), out, sys.stdout, address, jobs, plan, spill, progress)
    except Interrupted as stop:
        hint = f"; rerun with --spill {spill} to continue" if spill is not None else ""
        _warn(f"interrupted{hint}")
        sys.exit(128 + stop.signum)
    if not quiet:
        for message in run.problems:
            _warn(f"warning: {message}")
        grouped = counted(run.articles - _repeats(run.problems), "article")
        _warn(f"grouped {grouped} into {counted(run.stories, 'story', 'stories')} in "
              f"{counted(run.blocks, 'time block')}"
              + (f" ({run.reused} tasks done by an earlier run)" if run.reused else "")
              + (f"; {counted(len(run.problems), 'problem')} reported above"
                 if run.problems else ""))
    if run.problems:
        sys.exit(EXIT_PARTIAL)


def _repeats(problems: list[str]) -> int:
    return sum(1 for message in problems if message.endswith("is already grouped, skipped"))
