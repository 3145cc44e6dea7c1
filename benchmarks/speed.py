"""Throughput and peak memory of newsweave and its peers on the first 1,000 Multi-News val stories.

    python benchmarks/speed.py                  # every system, 1 and 2 processes
    python benchmarks/speed.py --systems newsweave,lexrank --jobs 2 --markdown
    python benchmarks/speed.py --data multinews-raw/dev.jsonl.gz   # full articles instead
    python benchmarks/speed.py --data multinews-raw/dev.jsonl.gz --systems newsweave  # scaling

It prints each system's 2-process / 1-process ratio; newsweave's on raw dev is checked
against its target (1.6x: each worker runs its native libraries on one thread).

Each (system, jobs) runs in a fresh Python process, so peak RSS is its own: the main
process (``getrusage``) and, sampled from /proc every 100 ms, the peak of the main process
and all its descendants together (workers start from a fork server, which ``getrusage``
does not see). Time covers reading the stories and
summarizing them (newsweave also renders its JSON output), not interpreter start and imports
(shown as "startup"). newsweave runs through ``newsweave.batch.summarize_jsonl`` when that
exists, else, like every peer, through a fork pool over the per-story function.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SYSTEMS = ("newsweave", "lead", "lexrank", "textrank")
MAX_WORDS = 250
TARGET_STORIES_PER_SECOND = 20.0  # newsweave with 2 processes
# 2 worker processes against 1 on full articles, where a worker's native libraries once
# spun threads on the other core (each worker is single-threaded in native code now).
TARGET_SCALING = 1.6
SCALING_DATA = "multinews-raw/dev.jsonl.gz"


def newsweave_sentences(story: Any, max_words: int, method: str | None) -> list[str]:
    from newsweave.summarizer.pipeline import summarize_story

    options = {} if method is None else {"method": method}
    return [s.text for s in summarize_story(story, max_words=max_words, **options).sentences]


class TreeRssSampler(threading.Thread):
    """Peak resident memory of this process and all its descendants, sampled."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_bytes = 0
        self.stopped = threading.Event()

    @staticmethod
    def tree_rss() -> int:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        page = os.sysconf("SC_PAGE_SIZE")
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                statm = Path(f"/proc/{entry}/statm").read_text().split()
            except OSError:
                continue
            parents[int(entry)] = int(stat[1])
            rss[int(entry)] = int(statm[1]) * page
        total, frontier = 0, [os.getpid()]
        while frontier:
            pid = frontier.pop()
            total += rss.get(pid, 0)
            frontier += [child for child, parent in parents.items() if parent == pid]
        return total

    def run(self) -> None:
        while not self.stopped.wait(0.1):
            self.peak_bytes = max(self.peak_bytes, self.tree_rss())


def child(system: str, path: Path, jobs: int, method: str | None) -> dict[str, Any]:
    sampler = TreeRssSampler()
    sampler.start()
    result = run_child(system, path, jobs, method)
    sampler.stopped.set()
    result["rss_total_mb"] = sampler.peak_bytes / 1e6
    return result


def run_child(system: str, path: Path, jobs: int, method: str | None) -> dict[str, Any]:
    """Summarize every story of ``path``; runs in its own process. Imports are not timed."""
    from newsweave.evaluate import summarize_file

    warnings: list[str] = []
    if system == "newsweave":
        import newsweave.summarizer.pipeline  # noqa: F401  (workers fork with it loaded)

        try:
            from newsweave.batch import summarize_jsonl
        except ImportError:
            summarizer = partial(newsweave_sentences, max_words=MAX_WORDS, method=method)
        else:
            options = {} if method is None else {"method": method}
            start = time.perf_counter()
            with open(os.devnull, "w", encoding="utf-8") as out:
                result = summarize_jsonl(
                    path,
                    out,
                    max_words=MAX_WORDS,
                    jobs=jobs,
                    progress=False,
                    warn=warnings.append,
                    **options,
                )
            return finish("batch", result.done, start, warnings)
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        from peers import PEERS

        summarizer = partial(PEERS[system], max_words=MAX_WORDS)
    start = time.perf_counter()
    done = sum(1 for _ in summarize_file(path, summarizer, jobs=jobs, warnings=warnings))
    return finish("pool" if jobs > 1 else "serial", done, start, warnings)


def finish(how: str, done: int, start: float, warnings: list[str]) -> dict[str, Any]:
    seconds = time.perf_counter() - start
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        "how": how,
        "stories": done,
        "seconds": seconds,
        "stories_per_second": done / seconds,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 1e6,
        "warnings": warnings[:5],
    }


def write_slice(source: Path, target: Path, limit: int) -> int:
    """The first ``limit`` non-blank lines of a JSONL(.gz) file copied to ``target``; how
    many. Unreadable files raise OSError or UnicodeDecodeError; a line that is not a JSON
    story (an object with "documents") raises ValueError: every system must see them all."""
    opener = gzip.open if source.suffix == ".gz" else open
    written = 0
    with opener(source, "rt", encoding="utf-8") as lines, target.open("w") as out:
        for number, line in enumerate(lines, 1):
            if written >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                record = None
            if not (isinstance(record, dict) and "documents" in record):
                raise ValueError(f"line {number} is not a JSON story with \"documents\"")
            out.write(line)
            written += 1
    return written


def run(system: str, path: Path, jobs: int, method: str | None) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        system,
        "--input",
        str(path),
        "--jobs",
        str(jobs),
    ] + (["--method", method] if method else [])
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{system} (jobs={jobs}) failed:\n{done.stderr[-2000:]}")
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"system": system, "jobs": jobs, **row, "startup": wall - row["seconds"]}


def render(rows: list[dict[str, Any]], markdown: bool) -> str:
    header = [
        "system",
        "jobs",
        "how",
        "stories/s",
        "seconds",
        "RSS main MB",
        "peak RSS all processes MB",
        "startup s",
    ]
    cells = [
        [
            r["system"],
            str(r["jobs"]),
            r["how"],
            f"{r['stories_per_second']:.1f}",
            f"{r['seconds']:.1f}",
            f"{r['rss_main_mb']:.0f}",
            f"{r['rss_total_mb']:.0f}",
            f"{r['startup']:.1f}",
        ]
        for r in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|---|---|---|" + "---:|" * 5]
        return "\n".join(lines + ["| " + " | ".join(c) + " |" for c in cells])
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i < 3 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*c) for c in [header, *cells])


def scaling(rows: list[dict[str, Any]], data: str) -> list[str]:
    """Each system's 2-process throughput over its 1-process throughput, side by side;
    newsweave's is checked against its target on full articles."""
    speed = {(r["system"], r["jobs"]): r["stories_per_second"] for r in rows}
    lines = []
    for system in dict.fromkeys(r["system"] for r in rows):
        if (system, 1) in speed and (system, 2) in speed:
            ratio = speed[(system, 2)] / speed[(system, 1)]
            line = f"scaling {system}: 2 processes / 1 process = {ratio:.2f}x"
            if system == "newsweave" and data == SCALING_DATA:
                verdict = "PASS" if ratio >= TARGET_SCALING else "FAIL"
                line += f", needs >= {TARGET_SCALING} {verdict}"
            lines.append(line)
    return lines


def targets(rows: list[dict[str, Any]]) -> list[str]:
    speed = {(r["system"], r["jobs"]): r["stories_per_second"] for r in rows}
    lines = []
    if ("newsweave", 2) in speed:
        ours = speed[("newsweave", 2)]
        verdict = "PASS" if ours >= TARGET_STORIES_PER_SECOND else "FAIL"
        lines.append(
            f"target newsweave jobs=2: {ours:.1f} stories/s, needs >= "
            f"{TARGET_STORIES_PER_SECOND:.0f} {verdict}"
        )
    for jobs in sorted({j for _, j in speed}):
        if ("newsweave", jobs) in speed and ("lexrank", jobs) in speed:
            ours, theirs = speed[("newsweave", jobs)], speed[("lexrank", jobs)]
            verdict = "PASS" if ours > theirs else "FAIL"
            lines.append(
                f"target newsweave faster than sumy LexRank, jobs={jobs}: "
                f"{ours:.1f} vs {theirs:.1f} stories/s {verdict}"
            )
    return lines


DEFAULT_DATA = "multinews/val.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts")
    parser.add_argument("--limit", type=int, default=1000, help="stories read from the file")
    parser.add_argument("--data", default=DEFAULT_DATA,
                        help=f"stories, relative to the shared data folder ({DEFAULT_DATA})")
    parser.add_argument("--method", help="newsweave's method (its default if not given)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--out", type=Path, help="write the rows as JSON")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.input, int(args.jobs), args.method)))
        return 0

    shared = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
    source = shared / "data" / args.data
    if not source.exists():
        print(f"skip: {source} not found (set NEWSWEAVE_SHARED to the shared folder)")
        return 0
    systems = args.systems.split(",")
    if unknown := [s for s in systems if s not in SYSTEMS]:
        parser.error(f"unknown system: {', '.join(unknown)}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slice.jsonl"
        try:
            written = write_slice(source, path, args.limit)
        except (OSError, ValueError, EOFError) as error:
            print(f"error: {source}: cannot read it as JSONL ({error})", file=sys.stderr)
            return 2
        if not written:
            print(f"error: {source}: no stories in it", file=sys.stderr)
            return 2
        for system in systems:
            for jobs in (int(j) for j in args.jobs.split(",")):
                rows.append(run(system, path, jobs, args.method))
                print(f"done: {system} jobs={jobs}", file=sys.stderr)
    print(
        f"up to {args.limit} stories of {args.data}, {MAX_WORDS} words, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(render(rows, args.markdown))
    checks = (targets(rows) if args.data == DEFAULT_DATA
              else ["speed targets are set on the default data; not checked on other files"])
    checks += scaling(rows, args.data)
    print("\n".join(checks))
    if args.out:
        args.out.write_text(json.dumps({"rows": rows, "targets": checks}, indent=1))
    return 1 if any(line.endswith("FAIL") for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
