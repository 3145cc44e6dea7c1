"""A desk worker runs native code on one thread: `serve` starts one worker per core beside
the web process, and workers multiplying on every core each slowed a backlog fourfold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The worker's entry point, in a fresh interpreter as `serve` spawns it, with its stop
# already asked for: it sets itself up, opens the store, and returns at once.
_RUN_A_WORKER = """
import multiprocessing, os, sys
from newsweave.desk import worker
stop = multiprocessing.get_context("spawn").Event()
stop.set()
worker.run(sys.argv[1], stop, os.getppid())
from threadpoolctl import threadpool_info
print(max(pool["num_threads"] for pool in threadpool_info()))
"""


def test_a_desk_worker_runs_native_code_on_one_thread(tmp_path: Path) -> None:
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run([sys.executable, "-c", _RUN_A_WORKER, str(tmp_path / "desk.db")],
                          capture_output=True, text=True, timeout=120, env=environment)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "1", done.stdout
