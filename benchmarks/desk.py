"""The live desk under load: `newsweave serve` on 127.0.0.1 over a SQLite store of 10,000
articles (Multi-News val documents), then 20 clients posting 5,000 more articles one at a
time while 20 others read the front page and story pages.

    python benchmarks/desk.py                           # the issue's sizes
    python benchmarks/desk.py --store 1000 --post 500   # a quick look

Measured, beside the targets of issue 24 (2 cores):
- ingest: articles acknowledged per second by the 20 posting clients (target >= 50);
- POST to updated summary: from a client sending an article to the first version of its
  story whose summary has read it, p50/p95 (target p95 < 5 s);
- front page and story page latency under that load, p50/p95 (target front p95 < 200 ms);
- nothing lost or duplicated: every acknowledged article is stored, the store holds
  exactly the distinct articles sent, and sending them again stores nothing.
The server, its worker and these clients share the machine's cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import httpx
import psutil

from newsweave.desk.loadgen import percentile, run_load
from newsweave.desk.process import ServeProcess
from newsweave.desk.store import content_hash

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
DATA = [SHARED / "data" / "multinews" / "val.jsonl.gz",
        SHARED / "data" / "multinews" / "train.jsonl.gz"]
TOKEN = "benchmark-token"
TARGETS = {"ingest": 50.0, "summary_p95": 5.0, "front_p95": 0.200}


def articles() -> Iterator[dict[str, Any]]:
    """Multi-News documents as articles: one outlet per document position of a story."""
    for path in DATA:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                story = json.loads(line)
                for index, text in enumerate(story["documents"]):
                    if len(text.split()) >= 40:
                        yield {"id": f"mn-{story['id']}-{index}", "text": text,
                               "source": f"outlet-{index + 1}"}


def preload(server: ServeProcess, items: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    with httpx.Client(timeout=300, headers={"authorization": f"Bearer {TOKEN}"}) as client:
        for start in range(0, len(items), 200):
            answer = client.post(server.url + "/api/articles", json=items[start:start + 200])
            answer.raise_for_status()
            print(f"\rpreloaded {start + 200:>6} / {len(items)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return len(items) / (time.perf_counter() - started)


def wait_for_worker(server: ServeProcess, timeout_s: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        pending = httpx.get(server.url + "/api/health", timeout=30).json()["pending_stories"]
        print(f"\rworker: {pending:>6} stories pending", end="", file=sys.stderr)
        if not pending:
            break
        time.sleep(1)
    print(file=sys.stderr)
    return time.perf_counter() - started


def summary_latencies(db: Path, sent: dict[str, float],
                      acked: dict[str, str]) -> tuple[list[float], int]:
    """Seconds from each sent article to its story's first version that read it."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    latencies, unread = [], 0
    for sent_id, at in sent.items():
        article_id = acked.get(sent_id)
        if article_id != sent_id:  # unanswered, or a repeat of an article stored before
            continue
        row = conn.execute(
            "SELECT MIN(v.created_at) FROM articles a JOIN story_versions v ON "
            "v.story_id = a.story_id AND v.summarized_seq >= a.seq WHERE a.id = ?",
            (article_id,)).fetchone()
        if row is None or row[0] is None:
            unread += 1
        else:
            latencies.append(row[0] - at)
    conn.close()
    return latencies, unread


def check_nothing_lost(server: ServeProcess, db: Path, acked: dict[str, str],
                       posted: list[dict[str, Any]], expected_total: int) -> list[str]:
    problems = []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    lost = [i for i in acked.values() if i not in stored]
    if lost:
        problems.append(f"{len(lost)} acknowledged articles missing")
    if total != expected_total:
        problems.append(f"{total} articles stored, {expected_total} distinct texts sent")
    with httpx.Client(timeout=300, headers={"authorization": f"Bearer {TOKEN}"}) as client:
        for start in range(0, len(posted), 500):
            answer = client.post(server.url + "/api/articles", json=posted[start:start + 500])
            again = [r for r in answer.json()["articles"] if r["status"] != "duplicate"]
            if again:
                problems.append(f"{len(again)} articles stored twice on a second send")
    return problems


def cpu_seconds(server: ServeProcess) -> dict[str, float]:
    """CPU seconds used so far by the web process, its worker and this client process:
    where the two cores went."""
    assert server.process is not None
    web = psutil.Process(server.process.pid)
    used = {"web": sum(web.cpu_times()[:2]), "worker": 0.0,
            "clients": sum(psutil.Process().cpu_times()[:2])}
    for child in web.children(recursive=True):
        with suppress(psutil.NoSuchProcess):
            used["worker"] += sum(child.cpu_times()[:2])
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=int, default=10_000, help="articles preloaded")
    parser.add_argument("--post", type=int, default=5_000, help="articles posted under load")
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="serve --workers (default: one per core)")
    parser.add_argument("--catch-up-timeout", type=float, default=600.0)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    if not DATA[0].is_file():
        print(f"error: {DATA[0]} not found (set NEWSWEAVE_SHARED)", file=sys.stderr)
        return 2
    source = articles()
    preloaded = [next(source) for _ in range(args.store)]
    posted = [next(source) for _ in range(args.post)]
    workdir = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    db = args.db or workdir / "desk.db"
    server = ServeProcess(str(db), TOKEN, ["--workers", str(args.workers)]).start()
    try:
        bulk_rate = preload(server, preloaded)
        backlog_s = wait_for_worker(server, args.catch_up_timeout)
        with httpx.Client(timeout=60) as client:
            stories = client.get(server.url + "/api/stories", params={"per_page": 100}).json()
        story_ids = [s["id"] for s in stories["stories"]]
        before = cpu_seconds(server)
        load = run_load(server.url, TOKEN, posted, story_ids, args.writers, args.readers)
        after = cpu_seconds(server)
        settle_s = wait_for_worker(server, args.catch_up_timeout)
        latencies, unread = summary_latencies(Path(db), load.sent, load.acked)
        distinct = len({content_hash(a["text"]) for a in preloaded + posted})
        problems = check_nothing_lost(server, Path(db), load.acked, posted, distinct)
    finally:
        server.stop()
    rate, front, story, errors = load.rate, load.front, load.story, load.errors
    rows = [
        ("preload (one client, batches of 200)", f"{bulk_rate:.0f} articles/s", ""),
        ("worker catching up on the preload", f"{backlog_s:.0f} s", ""),
        (f"ingest under load ({args.writers} clients, one article a POST)",
         f"{rate:.1f} articles/s", f">= {TARGETS['ingest']:.0f}"),
        ("POST to updated summary p50", f"{percentile(latencies, .5):.2f} s", ""),
        ("POST to updated summary p95", f"{percentile(latencies, .95):.2f} s",
         f"< {TARGETS['summary_p95']:.0f} s"),
        (f"front page p50 / p95 ({len(front)} loads)",
         f"{percentile(front, .5) * 1000:.0f} / {percentile(front, .95) * 1000:.0f} ms",
         f"p95 < {TARGETS['front_p95'] * 1000:.0f} ms"),
        (f"story page p50 / p95 ({len(story)} loads)",
         f"{percentile(story, .5) * 1000:.0f} / {percentile(story, .95) * 1000:.0f} ms", ""),
        ("worker settling after the load", f"{settle_s:.0f} s", ""),
        ("CPU seconds during the load: web / worker / clients",
         " / ".join(f"{after[k] - before[k]:.0f}" for k in ("web", "worker", "clients")),
         f"of {2 * load.seconds:.0f}"),
        ("lost / duplicated / errors",
         f"{'; '.join(problems) or 'none'} / {len(errors)} errors, {unread} unread", "none"),
    ]
    print(f"\nnewsweave desk (serve --workers {args.workers}), {args.store} articles preloaded, "
          f"{len(load.acked)} posted under load ({os.cpu_count()} CPUs)\n")
    print("| measure | newsweave desk | target |\n|---|---:|---:|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    verdicts = [rate >= TARGETS["ingest"],
                percentile(latencies, .95) < TARGETS["summary_p95"],
                percentile(front, .95) < TARGETS["front_p95"], not problems and not errors]
    print("\ntargets met:", sum(verdicts), "of", len(verdicts),
          "(ingest, summary p95, front p95, nothing lost)")
    if errors:
        print("first errors:", errors[:3], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
