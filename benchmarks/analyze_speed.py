"""How long ``newsweave analyze`` takes on 25-article DUC 2006 stories, per component.

    python benchmarks/analyze_speed.py                 # the first 5 dev stories
    python benchmarks/analyze_speed.py --stories 10 --markdown

Each story is analyzed as the command does it (prepare once, then summary, claims,
conflicts, quotes, timeline, entities) and rendered to HTML. The first story also pays for
one-off loading (spaCy and its model, the learned salience model): that is shown as
"warm-up", and the story is then timed again warm. Then the largest story is timed as a
user runs it: ``newsweave analyze story.jsonl --out report.html`` in a fresh process (cold:
imports, model loading, the entity tagger in a worker process beside the rest), next to the
same run with that worker switched off (the process pinned to one CPU with
``taskset``: the command then tags inline). Target: a story in under 10 s
on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsweave.analysis.analyze import analyze_story
from newsweave.analysis.report_html import render_html
from newsweave.reading.read import story_from_documents

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "duc2006" / "dev.jsonl.gz"
COMPONENTS = ("prepare", "summary", "claims", "conflicts", "quotes", "timeline", "entities",
              "render")
TARGET_SECONDS = 10.0


def timed_story(record: dict[str, object]) -> dict[str, float]:
    documents = record["documents"]
    assert isinstance(documents, list)
    story = story_from_documents(documents, str(record["id"]))
    start = time.perf_counter()
    analysis = analyze_story(story)
    rendered = time.perf_counter()
    render_html(analysis)
    timings = dict(analysis.timings)
    timings["render"] = time.perf_counter() - rendered
    timings["total"] = time.perf_counter() - start
    return timings


def cold_cli(record: dict[str, object], one_cpu: bool) -> float:
    """Seconds for the whole command in a fresh process, on one story written to JSONL."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "story.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "newsweave", "analyze", str(path), "--quiet",
                   "--out", str(Path(tmp) / "report.html")]
        if one_cpu:  # the command asks the OS which CPUs it may use: taskset gives it one
            command = ["taskset", "-c", "0", *command]
        start = time.perf_counter()
        subprocess.run(command, check=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    if not DATA.is_file():
        raise SystemExit(f"{DATA} not found (set NEWSWEAVE_SHARED)")
    with gzip.open(DATA, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for _, line in zip(range(args.stories), stream, strict=False)]

    warm_up = time.perf_counter()
    timed_story(records[0])
    warm_up = time.perf_counter() - warm_up
    rows = []
    for record in records:
        words = sum(len(str(d).split()) for d in record["documents"])  # type: ignore[union-attr]
        rows.append((str(record["id"]), len(record["documents"]), words,  # type: ignore[arg-type]
                     timed_story(record)))

    columns = ["story", "docs", "words", *COMPONENTS, "total"]
    lines = [[story, str(docs), f"{words:,}", *(f"{t[c]:.2f}" for c in (*COMPONENTS, "total"))]
             for story, docs, words, t in rows]
    widths = [max(len(c), *(len(line[i]) for line in lines)) for i, c in enumerate(columns)]
    if args.markdown:
        print("| " + " | ".join(columns) + " |")
        print("|" + "|".join("---" for _ in columns) + "|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
        for line in lines:
            print("  ".join(v.rjust(w) for v, w in zip(line, widths, strict=True)))
    worst = max(t["total"] for *_, t in rows)
    print(f"\nseconds per component, warm; warm-up (first story, cold): {warm_up:.2f} s; "
          f"slowest story {worst:.2f} s (target < {TARGET_SECONDS:.0f} s): "
          f"{'ok' if worst < TARGET_SECONDS else 'TOO SLOW'}")
    largest = max(records, key=lambda r: sum(len(str(d)) for d in r["documents"]))  # type: ignore[attr-defined]
    two = cold_cli(largest, one_cpu=False)
    one = cold_cli(largest, one_cpu=True)
    print(f"`newsweave analyze` cold, fresh process, {largest['id']}: {two:.2f} s on 2 CPUs "
          f"(tagger in a worker beside the rest), {one:.2f} s on 1 CPU (all inline; the "
          f"worker is only used with 2+ CPUs) (target < {TARGET_SECONDS:.0f} s): "
          f"{'ok' if two < TARGET_SECONDS else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
