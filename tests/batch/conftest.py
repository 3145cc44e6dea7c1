"""Batch fixtures: invented stories written to a file, and a real Dask cluster."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import DaskCluster, WriteStories, dask_command, free_port, story_lines


@pytest.fixture
def write_stories(tmp_path: Path) -> WriteStories:
    def write(count: int, bad_every: int = 0, name: str = "stories.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("\n".join(story_lines(count, bad_every)) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[DaskCluster]:
    """A real ``dask scheduler`` and two ``dask worker`` processes (one thread each, no
    nanny, so a killed worker stays dead) on 127.0.0.1, stopped afterwards."""
    pytest.importorskip("distributed")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = (tmp_path / "dask.log").open("wb")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        scheduler = subprocess.Popen(
            [*dask_command(), "scheduler", "--host", "127.0.0.1", "--port", str(port),
             "--no-dashboard"], stdout=logs, stderr=logs)
        processes.append(scheduler)
        workers = [
            subprocess.Popen(
                [*dask_command(), "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                 "--no-nanny", "--no-dashboard", "--name", f"worker-{n}"],
                stdout=logs, stderr=logs)
            for n in range(2)
        ]
        processes += workers
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield DaskCluster(address, scheduler, workers)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()
