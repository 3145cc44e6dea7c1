"""Batch throughput on the local pool and on Dask, peak memory per worker, and the cost
of --resume on a finished output, on all 5,622 Multi-News val stories.

    python benchmarks/scale.py                 # all of val: about 5 runs of the full set
    python benchmarks/scale.py --limit 500     # a quick look

Every run is the real command (``python -m newsweave summarize ... --out``) in its own
process, on the same cores, one after another:

- local: ``--jobs 2``, the fork-server pool;
- dask-local: ``--dask local --jobs 2``, a LocalCluster of 2 one-thread workers, started
  and stopped inside the timed command;
- dask-cluster: ``--dask tcp://127.0.0.1:PORT``, a ``dask scheduler`` and 2 separate
  ``dask worker`` processes started beforehand (not timed; their first task imports
  newsweave, which is);
- resume: ``--resume`` on the local run's finished output.

``--grouping`` runs only grouping at scale instead: ``newsweave group --dask local``
against the single-process ``newsweave group`` on synthetic piles of 100,000 and
1,000,000 articles (benchmarks/scale_grouping.py says how they are built and measured).

Time is the command's wall time, interpreter start included. Peak memory is the largest
resident set of any one process of the run other than the command's own (a worker),
sampled from /proc every 50 ms.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = "multinews/val.jsonl.gz"
TARGET_DASK_RATIO = 0.85  # Dask's stories/s over the local pool's, same 2 cores
TARGET_RESUME_SHARE = 0.05  # --resume on a finished output, over a full run


class PeakRss(threading.Thread):
    """The largest RSS any one process among ``pids()`` reached, sampled."""

    def __init__(self, pids: object) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.stopped.wait(0.05):
            for pid in self.pids():  # type: ignore[operator]
                try:
                    rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                except (OSError, IndexError):
                    continue
                self.peak = max(self.peak, rss)


def descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(stat[1])
    found, frontier = set(), [root]
    while frontier:
        pid = frontier.pop()
        children = {c for c, p in parents.items() if p == pid} - found
        found |= children
        frontier += list(children)
    return found


def timed(args: list[str], worker_pids: object = None) -> tuple[float, int]:
    """Wall seconds of ``newsweave ARGS`` and the peak RSS of its largest worker."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "newsweave", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakRss(worker_pids or (lambda: descendants(process.pid)))
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.stopped.set()
    if process.returncode not in (0, 1):
        raise SystemExit(f"newsweave {' '.join(args)} failed:\n{stderr[-2000:]}")
    return seconds, sampler.peak


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dask_cluster(logs: Path) -> tuple[str, list[subprocess.Popen[bytes]]]:
    dask = [str(Path(sys.executable).with_name("dask"))]
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = logs.open("wb")
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port",
                                   str(port), "--no-dashboard"], stdout=log, stderr=log)]
    processes += [subprocess.Popen([*dask, "worker", address, "--host", "127.0.0.1",
                                    "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                                   stdout=log, stderr=log) for _ in range(2)]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
    return address, processes


def write_slice(source: Path, target: Path, limit: int | None) -> int:
    count = 0
    with gzip.open(source, "rt", encoding="utf-8") as lines, target.open("w") as out:
        for line in lines:
            if limit is not None and count >= limit:
                break
            if line.strip():
                out.write(line)
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N stories only")
    parser.add_argument("--grouping", action="store_true",
                        help="only grouping at scale (benchmarks/scale_grouping.py)")
    parser.add_argument("--sizes", default="100000,1000000",
                        help="--grouping: synthetic pile sizes, comma-separated")
    parser.add_argument("--single-up-to", type=int, default=100_000,
                        help="--grouping: run the single process on piles up to this size")
    parser.add_argument("--block-days", type=float, default=14.0)
    parser.add_argument("--lock", type=Path, default=None,
                        help="--grouping: hold this flock only while each run is timed")
    parser.add_argument("--segment", type=float, default=None,
                        help="--grouping: stop a run after this many seconds, let the lock "
                             "go, resume it (--spill); its seconds are the runs' sum")
    args = parser.parse_args()
    shared = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
    source = shared / "data" / DATA
    if not source.exists():
        print(f"skip: {source} not found (set NEWSWEAVE_SHARED to the shared folder)")
        return 0
    if args.grouping:
        from scale_grouping import run

        with tempfile.TemporaryDirectory() as tmp:
            run(source, [int(n) for n in args.sizes.split(",")], args.single_up_to, 2,
                args.block_days, Path(tmp), args.lock, descendants, args.segment)
        return 0
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stories = folder / "stories.jsonl"
        count = write_slice(source, stories, args.limit)
        common = [str(stories), "--quiet", "--jobs", "2"]
        local_out = folder / "local.jsonl"
        seconds, peak = timed(["summarize", *common, "--out", str(local_out)])
        rows.append(("local pool, 2 processes", seconds, peak))
        seconds, peak = timed(["summarize", *common, "--out", str(folder / "dl.jsonl"),
                               "--dask", "local"])
        rows.append(("Dask LocalCluster, 2 workers", seconds, peak))
        address, cluster = dask_cluster(folder / "dask.log")
        try:
            pids = [p.pid for p in cluster[1:]]
            seconds, peak = timed(["summarize", *common, "--out", str(folder / "dc.jsonl"),
                                   "--dask", address], lambda: pids)
        finally:
            for process in cluster:
                process.terminate()
                process.wait()
        rows.append(("dask scheduler + 2 dask workers", seconds, peak))
        identical = all((folder / name).read_bytes() == local_out.read_bytes()
                        for name in ("dl.jsonl", "dc.jsonl"))
        resume, _ = timed(["summarize", *common, "--out", str(local_out), "--resume"])
        output_mb = local_out.stat().st_size / 1e6
    print(f"{count} stories of {DATA}, 250 words, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'run':<34} {'seconds':>8} {'stories/s':>10} {'peak RSS / worker MB':>21}")
    for name, seconds, peak in rows:
        print(f"{name:<34} {seconds:>8.1f} {count / seconds:>10.1f} {peak / 1e6:>21.0f}")
    local = count / rows[0][1]
    print(f"output: {output_mb:.1f} MB ({output_mb * 1e6 / count / 1e3:.1f} kB a story); "
          f"Dask outputs identical to the local pool's: {identical}")
    verdicts = []
    for name, seconds, _ in rows[1:]:
        ratio = count / seconds / local
        verdict = "PASS" if ratio >= TARGET_DASK_RATIO else "FAIL"
        verdicts.append(f"target {name} / local pool: {ratio:.2f}, needs >= "
                        f"{TARGET_DASK_RATIO} {verdict}")
    share = resume / rows[0][1]
    verdict = "PASS" if share < TARGET_RESUME_SHARE else "FAIL"
    verdicts.append(f"target --resume on the finished output: {resume:.2f} s, "
                    f"{100 * share:.1f}% of the full local run, needs < "
                    f"{100 * TARGET_RESUME_SHARE:.0f}% {verdict}")
    print("\n".join(verdicts))
    return 1 if not identical or any(v.endswith("FAIL") for v in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
