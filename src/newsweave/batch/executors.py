"""The two ways a batch's partitions run: a process pool on this machine, or a Dask
distributed cluster. Both take the same task and partitions and give back each
partition's outputs in input order; the runner (run.py) does not know which it has."""

from __future__ import annotations

import logging
import socket
import uuid
from collections import deque
from collections.abc import Iterator
from functools import partial
from itertools import chain
from multiprocessing.pool import Pool
from typing import Any

from newsweave.batch.pool import limit_native_threads, process_pool
from newsweave.batch.records import Partition
from newsweave.batch.tasks import StoryOutput, StoryTask, run_partition
from newsweave.errors import NewsweaveError

# Partitions in flight per worker: enough that no worker waits for the next while the
# output is written in order, few enough that memory stays flat on a long input.
IN_FLIGHT_PER_WORKER = 4
Result = tuple[int, list[StoryOutput]]  # a partition's index and its outputs


class LocalExecutor:
    """``jobs`` worker processes (or this process alone when ``jobs`` is 1)."""

    partition_size = 8  # stories per task: small, so the output streams and work balances

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self._pool: Pool | None = None

    def map(self, task: StoryTask, partitions: Iterator[Partition]) -> Iterator[Result]:
        first = next(partitions, None)
        if first is None:  # nothing left to do (a resumed, finished run): start no workers
            return iter(())
        partitions = chain([first], partitions)
        if self.workers == 1:
            return (run_partition(task, partition) for partition in partitions)
        self._pool = process_pool(self.workers)
        return self._pool.imap(partial(run_partition, task), partitions, chunksize=1)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()

    def abort(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # SIGTERM to each worker, then joined: no orphans


def _run_on_worker(task: StoryTask, partition: Partition) -> Result:
    limit_native_threads()  # once per worker process; models, likewise, load once
    return run_partition(task, partition)


def _reachable(address: str) -> None:
    """Fail at once on a scheduler that refuses connections (Dask would retry for the
    whole timeout)."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if host and port.isdigit():
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()


class DaskExecutor:
    """A Dask distributed cluster: ``local`` starts a LocalCluster of ``jobs`` one-thread
    worker processes on 127.0.0.1; anything else is a scheduler's address."""

    partition_size = 32  # a Dask task costs about a millisecond to schedule: fewer, larger

    def __init__(self, address: str, jobs: int) -> None:
        self._client, self._cluster = connect(address, jobs)
        self.workers = max(1, sum(self._client.nthreads().values()))
        self._futures: deque[Any] = deque()
        self._run = uuid.uuid4().hex[:12]

    def map(self, task: StoryTask, partitions: Iterator[Partition]) -> Iterator[Result]:
        window = IN_FLIGHT_PER_WORKER * self.workers
        for partition in partitions:
            # A killed worker's tasks are rerun elsewhere by the scheduler; each partition
            # is fetched once, in order, so a rerun never shows as a duplicate.
            self._futures.append(self._client.submit(
                _run_on_worker, task, partition, key=f"newsweave-{self._run}-{partition.index}",
            ))
            while len(self._futures) >= window:
                yield self._futures.popleft().result()
        while self._futures:
            yield self._futures.popleft().result()

    def close(self) -> None:
        self._shut()

    def abort(self) -> None:
        if self._futures:
            self._client.cancel(list(self._futures))
            self._futures.clear()
        self._shut()

    def _shut(self) -> None:
        disconnect(self._client, self._cluster)


def connect(address: str, jobs: int) -> tuple[Any, Any]:
    """A Dask client and the LocalCluster it started (None for a scheduler's address):
    ``local`` starts ``jobs`` one-thread worker processes on 127.0.0.1."""
    from distributed import Client, LocalCluster

    cluster: Any = None
    client: Any = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            _reachable(address)
            client = Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        disconnect(client, cluster)
        raise NewsweaveError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    return client, cluster


def disconnect(client: Any, cluster: Any) -> None:
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


Executor = LocalExecutor | DaskExecutor
