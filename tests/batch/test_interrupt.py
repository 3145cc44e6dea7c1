"""A real run of ``newsweave summarize`` stopped by SIGINT, SIGTERM or SIGKILL at a random
point: a prompt one-line exit, no worker left behind, and --resume ends byte for byte as an
uninterrupted run."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from assertions import CliRun
from batch_helpers import WriteStories

# The process-tree walk benchmarks/scale.py measures workers with.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from scale import descendants  # noqa: E402

STORIES = 400
ARGS = ("--max-words", "30")


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start(stories: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsweave", "summarize", str(stories), "--out", str(out),
         *ARGS, "--jobs", "2", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_run_resumes_to_identical_output(
    signum: int, cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    stories = write_stories(STORIES, bad_every=97)
    reference = tmp_path / "reference.jsonl"
    assert cli("summarize", str(stories), "--out", str(reference), *ARGS,
               "--jobs", "1").exit_code == 1
    out = tmp_path / "summaries.jsonl"
    process = start(stories, out)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(random.uniform(0.0, 0.4))
    workers = descendants(process.pid)
    sent = time.monotonic()
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    took = time.monotonic() - sent
    done = len(out.read_bytes().splitlines())
    assert 0 < done < STORIES, "the run must be stopped part-way for this test to mean anything"
    if signum != signal.SIGKILL:
        # 0.2 s on a quiet 2-core machine; the bound leaves room for a machine loaded 10x
        # over (a run that does not stop on the signal takes the rest of the batch).
        assert took < 3.0, f"took {took:.2f} s to stop"
        assert process.returncode == 128 + signum
        # A malformed line read before the signal is named first, as in any run.
        *warnings, last = stderr.splitlines()
        assert last == f"interrupted after {done} of {STORIES} stories; rerun with --resume"
        assert all(w.startswith("warning: line ") for w in warnings), warnings
    leftover = time.monotonic() + 5  # after SIGKILL, workers notice within a second or two
    while any(running(pid) for pid in workers) and time.monotonic() < leftover:
        time.sleep(0.05)
    assert not [pid for pid in workers if running(pid)], "worker processes left behind"
    resumed = start(stories, out, "--resume")
    _, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 1, stderr  # the malformed lines failed, as before
    assert out.read_bytes() == reference.read_bytes()
