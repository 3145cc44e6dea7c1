"""What the batch commands share: --resume, --overwrite, --dask, --jobs capped, and the
one-line report of an interrupted run."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from newsweave.batch.executors import DaskExecutor, Executor, LocalExecutor
from newsweave.batch.output import Mode, open_sink, refuse_input_as_output
from newsweave.batch.pool import capped_jobs, usable_cpus
from newsweave.batch.records import open_source
from newsweave.batch.run import BatchResult, run_batch
from newsweave.batch.tasks import StoryTask
from newsweave.cli.errors import EXIT_INPUT, EXIT_PARTIAL
from newsweave.errors import NewsweaveError
from newsweave.reading.read import is_jsonl
from newsweave.text import counted

F = TypeVar("F", bound=Callable[..., Any])


def batch_options(command: F) -> F:
    """--resume, --overwrite and --dask, for a command that runs over many stories."""
    options = [
        click.option("--resume", is_flag=True,
                     help="Continue an interrupted run: stories already in --out are skipped."),
        click.option("--overwrite", is_flag=True,
                     help="Replace an existing --out (only once the new one is complete)."),
        click.option("--dask", metavar="SCHEDULER", default=None,
                     help="Run on a Dask cluster: a scheduler address (tcp://host:8786), "
                          "or 'local' for a LocalCluster of --jobs workers."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def is_batch_input(path: Path) -> bool:
    """A file of many stories: JSONL(.gz), a Parquet file, or a directory of Parquet files."""
    if is_jsonl(path) or path.suffix.lower() == ".parquet":
        return True
    return path.is_dir() and next(path.rglob("*.parquet"), None) is not None


def run_command(
    path: Path,
    task: StoryTask,
    out: Path | None,
    jobs: int | None = None,
    dask: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    quiet: bool = False,
    limit: int | None = None,
    warn: Callable[[str], None] | None = None,
    stream: TextIO | None = None,
) -> BatchResult:
    """A batch command from start to end: checks, run, and the exit on an interruption."""
    warn = warn or (lambda message: click.echo(message, err=True))
    quiet_warn = (lambda message: None) if quiet else warn
    if resume and overwrite:
        raise NewsweaveError("--resume and --overwrite contradict each other: give one")
    source = open_source(path, limit)  # an unreadable input fails here, before any output
    if out is not None:
        refuse_input_as_output(out, [path, *source.inputs])
    total = source.count()
    if not total:
        raise NewsweaveError(f"{path}: no stories in this file")
    mode: Mode = "resume" if resume else "overwrite" if overwrite else "new"
    sink = open_sink(out, mode, json_lines=task.output_format == "json", stream=stream)
    executor: Executor
    if dask:
        executor = DaskExecutor(dask, jobs or 2)
    else:
        count, note = capped_jobs(jobs, total)
        if note:
            quiet_warn(note)
        executor = LocalExecutor(count)
        if total == 1 and usable_cpus() > 1:  # one story, run here: a CPU to spare
            task = task.alone()
    # A progress bar only where someone watches it: not into a log file or a pipe.
    progress = not quiet and sys.stderr.isatty()
    result = run_batch(source, task, sink, executor, progress, quiet_warn)
    if result.interrupted is not None:
        hint = "; rerun with --resume" if out is not None else ""
        warn(f"interrupted after {result.finished} of {result.total} stories{hint}")
        sys.exit(128 + result.interrupted)
    return result


def report(result: BatchResult, done_verb: str, quiet: bool = False) -> None:
    """The closing line ("summarized 4 stories, 4 failed"; stories and pages set aside as
    no news report counted, not failed) and the exit status: 1 when some stories failed,
    2 when all did."""
    if not quiet:
        aside = [f"{count} {what}" for count, what in (
            (result.set_aside, "set aside (notice, sign-in or error pages only: no news "
                               "report)"),
            (result.notes, "without the notice pages named above")) if count]
        click.echo(f"{done_verb} {counted(result.done, 'story', 'stories')}, {result.failed} failed"
                   + (f"; {'; '.join(aside)}" if aside else ""), err=True)
    if result.failed:
        sys.exit(EXIT_PARTIAL if result.done or result.resumed or result.set_aside
                 else EXIT_INPUT)
