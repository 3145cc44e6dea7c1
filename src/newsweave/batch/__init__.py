"""Many stories at once, safely: ``summarize``, ``analyze`` and ``evaluate`` over a JSONL
file or a Parquet dataset, on a local process pool or a Dask cluster.

One abstraction, two executors: a *source* cut into partitions (records.py), a *task*
run on each story (tasks.py), an *executor* that runs partitions and returns their
outputs in order (executors.py: local pool or Dask), and a *sink* that never loses work
(output.py: refuses to overwrite an input, never truncates, resumes). run.py ties them
together; command.py is what the command line adds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from newsweave.batch.executors import DaskExecutor, LocalExecutor
from newsweave.batch.output import StreamSink
from newsweave.batch.pool import capped_jobs, process_pool, usable_cpus
from newsweave.batch.records import JsonlSource, open_source
from newsweave.batch.run import BatchResult, run_batch
from newsweave.batch.tasks import SummarizeTask, nothing_shown

__all__ = [
    "BatchResult", "DaskExecutor", "LocalExecutor", "nothing_shown", "open_source",
    "process_pool", "run_batch", "summarize_jsonl", "usable_cpus",
]


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
    """Summarize each story of a JSONL file into ``out``, in order (failed stories as
    error records, and warnings)."""
    source = JsonlSource(path)
    jobs, _ = capped_jobs(jobs, None)
    task = SummarizeTask(output_format, max_words, method)
    return run_batch(source, task, StreamSink(out), LocalExecutor(jobs), progress, warn)
