"""The same batch on a real Dask cluster (a ``dask scheduler`` and two ``dask worker``
processes) gives the local pool's output exactly, even when a worker is killed mid-run;
Parquet datasets in and out, one file per partition, resumable per partition."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from assertions import CliRun
from batch_helpers import DaskCluster, WriteStories, free_port, write_parquet

ARGS = ("--max-words", "30")


def test_killed_worker_output_complete_and_identical(
    dask_cluster: DaskCluster, cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    stories = write_stories(320, bad_every=101)
    local = tmp_path / "local.jsonl"
    assert cli("summarize", str(stories), "--out", str(local), *ARGS, "--jobs", "2").exit_code == 1
    out = tmp_path / "dask.jsonl"
    run = subprocess.Popen(
        [sys.executable, "-m", "newsweave", "summarize", str(stories), "--out", str(out),
         *ARGS, "--dask", dask_cluster.address],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.01)
    at_kill = len(out.read_bytes().splitlines())
    victim = dask_cluster.workers[0]
    victim.send_signal(signal.SIGKILL)  # mid-run: its tasks in flight are lost
    victim.wait(timeout=10)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 1, stderr
    assert at_kill < 320, "the worker must be killed mid-run for this test to mean anything"
    assert out.read_bytes() == local.read_bytes()  # complete, in order, no duplicates


def test_parquet_dataset_on_dask_matches_the_local_pool(
    dask_cluster: DaskCluster, cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    dataset = write_parquet(write_stories(90), tmp_path / "stories")
    local = tmp_path / "local.parquet"
    distributed = tmp_path / "dask.parquet"
    assert cli("summarize", str(dataset), "--out", str(local), *ARGS,
               "--jobs", "2").exit_code == 0
    result = cli("summarize", str(dataset), "--out", str(distributed), *ARGS,
                 "--dask", dask_cluster.address)
    assert result.exit_code == 0, result.stderr
    parts = sorted(p.name for p in local.iterdir())
    assert parts == [f"part-{n:05d}.parquet" for n in range(4)]  # 2 files x 2 row groups
    assert sorted(p.name for p in distributed.iterdir()) == parts
    for name in parts:
        assert pq.read_table(local / name).equals(pq.read_table(distributed / name))
    table = pq.read_table(local / parts[0]).to_pydict()
    assert table["line"] == list(range(1, 26)) and table["story_id"][0] == "story-0001"
    # and the same stories as JSONL give the same records
    jsonl = tmp_path / "from-parquet.jsonl"
    assert cli("summarize", str(dataset), "--out", str(jsonl), *ARGS, "--jobs", "1").exit_code == 0
    records = [r for name in parts for r in pq.read_table(local / name)["record"].to_pylist()]
    assert jsonl.read_text(encoding="utf-8").splitlines() == records


def test_directory_output_resumes_the_missing_partitions(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    dataset = write_parquet(write_stories(60, bad_every=7), tmp_path / "stories", row_group=10)
    out = tmp_path / "summaries.parquet"
    assert cli("summarize", str(dataset), "--out", str(out), *ARGS, "--jobs", "2").exit_code == 1
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 6
    (out / "part-00002.parquet").unlink()  # a partition a killed run never finished
    (out / "part-00004.parquet").unlink()
    kept = os.stat(out / "part-00000.parquet").st_mtime_ns
    again = cli("summarize", str(dataset), "--out", str(out), *ARGS, "--jobs", "1")
    assert again.exit_code == 2 and "already exists" in again.stderr
    resumed = cli("summarize", str(dataset), "--out", str(out), *ARGS, "--jobs", "2", "--resume")
    assert resumed.exit_code == 1, resumed.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert os.stat(out / "part-00000.parquet").st_mtime_ns == kept  # not rerun


def test_dask_local_cluster(cli: CliRun, write_stories: WriteStories, tmp_path: Path) -> None:
    stories = write_stories(40)
    local, distributed = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert cli("summarize", str(stories), "--out", str(local), *ARGS, "--jobs", "1").exit_code == 0
    result = cli("summarize", str(stories), "--out", str(distributed), *ARGS,
                 "--dask", "local", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert distributed.read_bytes() == local.read_bytes()


def test_unreachable_scheduler_is_one_line(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:

    result = cli("summarize", str(write_stories(3)), "--out", str(tmp_path / "o.jsonl"),
                 "--dask", f"tcp://127.0.0.1:{free_port()}")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("error: --dask tcp://127.0.0.1:")
    assert "cannot reach the scheduler" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()
