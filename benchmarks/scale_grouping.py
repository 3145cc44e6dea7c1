"""Grouping at scale (run by ``benchmarks/scale.py --grouping``): ``newsweave group
--dask local`` against the single-process ``newsweave group`` on a synthetic pile.

The pile: the Multi-News val documents (gold: their story; documents outside
``llm_relevant_doc_indices`` are gold singletons, as in benchmarks/grouping.py) repeated
until it holds N articles. Repeat r of a story gets new ids (``ID~r``), is dated 10 days
after repeat r-1 (a story's first date is drawn over a year, each article up to 36 hours
after it) and each copy is lightly edited (a sentence dropped, two words swapped), so
the same words recur in different time windows and only the dates tell them apart. Gold
story of a copy: its story's repeat. The pile is written in date order (a crawl's order)
as JSONL (for the single process) and as a Parquet dataset (for Dask).

Wall time includes interpreter start (and the LocalCluster's start); peak memory is the
largest sum of resident sets of the command and all its processes, sampled every 0.2 s.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from grouping_metrics import score
from grouping_piles import multinews_pile

REPEAT_DAYS = 10
ROWS_PER_FILE, ROW_GROUP = 250_000, 50_000


def edited(text: str, rng: random.Random) -> str:
    sentences = text.split(". ")
    if len(sentences) > 3:
        del sentences[rng.randrange(len(sentences))]
    words = ". ".join(sentences).split(" ")
    if len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def write_pile(val: Path, size: int, folder: Path, seed: int = 13) -> tuple[Path, Path, dict]:
    """The pile as JSONL and Parquet, and its gold (article id -> story)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = multinews_pile(val)
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    first_day = {story: rng.random() * 365 for story in set(base.gold.values())}
    plan = []  # (seconds from start, base article, repeat): small, sorted by date
    for n in range(size):
        repeat, index = divmod(n, len(base.articles))
        story = base.gold[base.articles[index].id]
        days = first_day[story] + REPEAT_DAYS * repeat + rng.random() * 1.5
        plan.append((days * 86_400.0, index, repeat))
    plan.sort()
    gold: dict[str, str] = {}
    jsonl, dataset = folder / "pile.jsonl", folder / "pile.parquet"
    dataset.mkdir()
    rows: list[dict] = []
    with jsonl.open("w", encoding="utf-8") as out:
        for count, (seconds, index, repeat) in enumerate(plan, start=1):
            article = base.articles[index]
            row = {"id": f"{article.id}~{repeat}", "source": article.source,
                   "published": (start + timedelta(seconds=seconds)).isoformat(),
                   "text": edited(article.text, rng)}
            gold[row["id"]] = f"{base.gold[article.id]}~{repeat}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows.append(row)
            if len(rows) == ROWS_PER_FILE or count == len(plan):
                table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
                name = dataset / f"part-{(count - 1) // ROWS_PER_FILE:04d}.parquet"
                pq.write_table(table, name, row_group_size=ROW_GROUP)
                rows = []
    return jsonl, dataset, gold


class TreeRss(threading.Thread):
    """The largest total RSS of a process and its descendants, sampled."""

    def __init__(self, root: int, descendants) -> None:  # type: ignore[no-untyped-def]
        super().__init__(daemon=True)
        self.root, self.descendants = root, descendants
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        page = 4096
        while not self.stopped.wait(0.2):
            total = 0
            for pid in {self.root} | self.descendants(self.root):
                try:
                    total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                except (OSError, IndexError):
                    continue
            self.peak = max(self.peak, total)


@contextmanager
def team_lock(path: Path | None):  # type: ignore[no-untyped-def]
    if path is None:
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def timed_group(args: list[str], lock: Path | None, descendants,  # type: ignore[no-untyped-def]
                segment: float | None = None) -> tuple[float, int, int]:
    """Seconds, peak memory and runs of ``newsweave group ARGS``. With ``segment``, a run
    still going after that many seconds is stopped (SIGTERM keeps its --spill), the lock
    let go for a while, and the command rerun until it ends: seconds are the runs' sum."""
    seconds, peak, runs = 0.0, 0, 0
    while True:
        with team_lock(lock):
            start = time.perf_counter()
            # The script runs under nice; the timed command at normal priority (as root).
            process = subprocess.Popen(
                [sys.executable, "-m", "newsweave", "group", *args], stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True,
                preexec_fn=lambda: os.setpriority(os.PRIO_PROCESS, 0, 0))
            sampler = TreeRss(process.pid, descendants)
            sampler.start()
            stopped = False
            try:
                _, stderr = process.communicate(timeout=segment)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGTERM)
                _, stderr = process.communicate()
                stopped = True
            seconds += time.perf_counter() - start
            sampler.stopped.set()
        peak, runs = max(peak, sampler.peak), runs + 1
        if not stopped:
            break
        print(f"  (stopped after {seconds:.0f} s in all, load "
              f"{Path('/proc/loadavg').read_text().split()[0]}; resuming)", flush=True)
        time.sleep(30)  # others' timing runs may take the lock meanwhile
    if process.returncode not in (0, 1):
        raise SystemExit(f"newsweave group {' '.join(args)} failed:\n{stderr[-2000:]}")
    return seconds, peak, runs


def predicted(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            for doc in story["documents"]:
                labels[doc["id"]] = story["id"]
    return labels


def run(val: Path, sizes: list[int], single_up_to: int, jobs: int, block_days: float,  # type: ignore[no-untyped-def]
        folder: Path, lock: Path | None, descendants, segment: float | None = None) -> None:
    for size in sizes:
        tick = time.perf_counter()
        jsonl, dataset, gold = write_pile(val, size, folder)
        made = time.perf_counter() - tick
        print(f"\n## grouping {size:,} synthetic articles (val repeated every {REPEAT_DAYS} "
              f"days, edited copies; {len(set(gold.values())):,} gold stories; pile written "
              f"in {made:.0f} s: {jsonl.stat().st_size / 1e9:.2f} GB JSONL)", flush=True)
        runs = []
        if size <= single_up_to:
            runs.append(("single process (newsweave group)", [str(jsonl)]))
        runs.append((f"Dask local, {jobs} workers, Parquet, {block_days:g}-day blocks",
                     [str(dataset), "--dask", "local", "--jobs", str(jobs),
                      "--block-days", str(block_days), "--spill", str(folder / "spill")]))
        print(f"{'run':<48} {'seconds':>8} {'articles/s':>10} {'peak MB':>8} "
              f"{'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'stories':>8}  uptime", flush=True)
        for name, args in runs:
            out = folder / "stories.jsonl"
            seconds, peak, runs = timed_group([*args, "--out", str(out), "--quiet"], lock,
                                              descendants, segment)
            load = Path("/proc/loadavg").read_text().split()[0]
            labels = predicted(out)
            scores = score(labels, gold)
            print(f"{name:<48} {seconds:>8.0f} {size / seconds:>10.1f} {peak / 1e6:>8.0f} "
                  f"{scores.b3_precision:>6.3f} {scores.b3_recall:>6.3f} {scores.b3_f1:>6.3f} "
                  f"{len(set(labels.values())):>8,}  load {load}"
                  + (f" ({runs} runs, resumed)" if runs > 1 else ""), flush=True)
            out.unlink()
        jsonl.unlink()
        for part in dataset.iterdir():
            part.unlink()
        dataset.rmdir()
