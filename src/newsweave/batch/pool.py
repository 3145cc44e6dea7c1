"""Worker processes on this machine: how many, how they start, how they run native code.

Workers start from a fork server, not by forking the caller: LightGBM's OpenMP runtime is
not fork-safe, and a process that has already scored with the learned model would hang
its forked children. A fork server is a clean process, and still starts workers quickly.

Each worker runs its native libraries (OpenMP, BLAS) on one thread: with N workers on N
cores, a library's idle threads spinning on the other cores crowd out the other workers
(2 processes were slower than 1 on full articles before this).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from multiprocessing import get_context
from multiprocessing.pool import Pool
from multiprocessing.process import BaseProcess

# Read by OpenMP and the BLAS libraries when they load: set before a worker imports them.
SINGLE_THREAD_ENV = {
    name: "1"
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                 "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
}


def usable_cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def capped_jobs(asked: int | None, stories: int | None) -> tuple[int, str | None]:
    """Worker processes to start: what was asked (all cores by default), at most one per
    usable core and one per story; with a note when the ask was cut down."""
    cores = usable_cpus()
    jobs = asked or cores
    limit = min(cores, stories) if stories is not None else cores
    limit = max(1, limit)
    if jobs <= limit:
        return jobs, None
    if asked is None:  # the default, all cores, needs no note
        return limit, None
    why = f"{cores} usable cores" if limit == cores else f"{limit} stories"
    return limit, f"note: --jobs {jobs} capped to {limit} ({why})"


@lru_cache(maxsize=1)
def limit_native_threads() -> None:
    """Run OpenMP and BLAS on one thread in this process (once; later calls do nothing)."""
    os.environ.update(SINGLE_THREAD_ENV)  # for libraries not loaded yet
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # for those already loaded


def _start_worker(parent: int, native_single_thread: bool = True) -> None:
    # A terminal's Ctrl-C reaches every process of the group: the parent decides what an
    # interruption means and ends the workers itself, so they print nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if native_single_thread:
        limit_native_threads()
    # Workers are the fork server's children: if the parent is killed outright (SIGKILL),
    # nobody ends them, and they would wait for work forever.
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # a process of another user took the number: ours is gone
            os._exit(1)


def process_pool(jobs: int) -> Pool:
    """``jobs`` worker processes from a fork server, each single-threaded in native code."""
    context = get_context("forkserver")
    # The fork server (started with the first pool) and its children inherit the
    # environment it starts with; this process keeps its own (training uses every core).
    saved = {name: os.environ.get(name) for name in SINGLE_THREAD_ENV}
    os.environ.update(SINGLE_THREAD_ENV)
    try:
        return context.Pool(jobs, initializer=_start_worker, initargs=(os.getpid(),))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def forked_pool(jobs: int) -> Pool:
    """``jobs`` workers forked from this process: they start at once and need no main-
    module guard in a caller's script, but inherit its native libraries' state, so they
    must run no OpenMP code (LightGBM; numpy is fine) and are not told how many
    threads native code may use (that too calls into OpenMP): pure-Python work such as reading
    articles' pages for grouping (group/pages.py)."""
    return get_context("fork").Pool(jobs, initializer=_start_worker,
                                    initargs=(os.getpid(), False))


def forked_process(target: Callable[..., None], args: tuple[object, ...]) -> BaseProcess:
    """One worker forked from this process, running ``target(*args)``: ``args`` are
    inherited, not pickled (a whole grouper, group/replica.py). Cared for as
    :func:`forked_pool`'s workers are, under the same rule: no OpenMP code in it."""
    process = get_context("fork").Process(target=_run_forked, args=(os.getpid(), target, args),
                                          daemon=True)
    process.start()
    return process


def _run_forked(parent: int, target: Callable[..., None], args: tuple[object, ...]) -> None:
    _start_worker(parent, False)
    target(*args)
