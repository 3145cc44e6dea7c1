"""Worker pools for batch summarization, evaluation and training.

Workers start from a fork server, not by forking the caller: LightGBM's OpenMP runtime is
not fork-safe, and a process that has already scored with the learned model would hang
its forked children. A fork server is a clean process, and still starts workers quickly.
"""

from __future__ import annotations

import os
from multiprocessing import get_context
from multiprocessing.pool import Pool


def usable_cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def process_pool(jobs: int) -> Pool:
    return get_context("forkserver").Pool(jobs)
