"""One batch: a task over every story of a source, into a sink, on an executor.

The runner reads what the sink has done already (``--resume``), hands the remaining
partitions to the executor, writes each partition's outputs as they come back in order,
and stops within a second on SIGINT or SIGTERM, keeping every whole record written.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from tqdm import tqdm

from newsweave.batch.executors import Executor
from newsweave.batch.output import DirectorySink, Sink
from newsweave.batch.records import Source
from newsweave.batch.tasks import StoryTask

# Stories in one output file of a directory output, for JSONL input (Parquet input keeps
# its row groups). Fixed, so that a resumed run cuts the input into the same partitions.
DIRECTORY_PARTITION_SIZE = 1000


class Interrupted(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass
class BatchResult:
    total: int = 0  # stories in the input
    resumed: int = 0  # already in the output when the run started
    done: int = 0  # written by this run, successfully
    failed: int = 0  # written by this run as error records
    set_aside: int = 0  # of them, stories of no news report only (not counted as failed)
    notes: int = 0  # stories written with pages set aside as no news report
    seconds: float = 0.0
    interrupted: int | None = None  # the signal that stopped the run

    @property
    def finished(self) -> int:
        return self.resumed + self.done + self.failed + self.set_aside


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``Interrupted`` in the main thread while the batch runs."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, action in previous.items():
            signal.signal(signum, action)


def run_batch(
    source: Source,
    task: StoryTask,
    sink: Sink,
    executor: Executor,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
) -> BatchResult:
    """Run ``task`` over ``source`` into ``sink``; failed stories are error records (and
    warnings), an interruption ends the run early with ``result.interrupted`` set."""
    warn = warn or (lambda message: print(message, file=sys.stderr))
    result = BatchResult(total=source.count())
    size = (DIRECTORY_PARTITION_SIZE if isinstance(sink, DirectorySink)
            else executor.partition_size)
    start = time.perf_counter()
    bar = tqdm(total=result.total, desc=task.verb,
               unit="story", disable=not progress, dynamic_ncols=True, file=sys.stderr)
    with bar, interruptible():
        try:
            result.resumed, partitions = sink.plan(source, size)
            if result.resumed >= result.total:  # finished already: read the input no further
                partitions = iter(())
            bar.update(result.resumed)
            for index, outputs in executor.map(task, partitions):
                sink.write(index, outputs)
                for output in outputs:
                    if output.error is None:
                        result.done += 1
                    elif output.set_aside:
                        result.set_aside += 1
                    else:
                        result.failed += 1
                    result.notes += output.note is not None
                    for message in (output.error, output.note):
                        if message is not None:
                            with tqdm.external_write_mode(file=sys.stderr):
                                warn(f"warning: {message}")
                bar.update(len(outputs))
        except Interrupted as stop:
            result.interrupted = stop.signum
            executor.abort()
            sink.abandon()
        except BaseException:
            executor.abort()
            sink.abandon()
            raise
        else:
            executor.close()
            sink.finish()
    result.seconds = time.perf_counter() - start
    return result
