"""Update summaries on DUC 2007's update task: what a set of articles adds to earlier sets.

    python benchmarks/update.py                 # every topic, every set, method auto
    python benchmarks/update.py --methods auto,unsupervised --out scores.json

../shared/data/duc2007-update: 5 topics × sets A, B, C; set A is a query-focused summary,
B and C tell only what they add to the sets before (their "previous"). Scored as the data
README says: the first 100 words, ROUGE-2 recall with Porter stemming, mean over the 4
references. Side by side, in the same run: Lead (first sentences of the set's articles,
round-robin), newsweave ignoring "previous" (the same summarizer, so the gain from knowing
what was read shows), newsweave given "previous", and the best 2007 participant's published
ROUGE-2 on sets B+C of these topics (9.67, a constant from the data README, not run here).
Every newsweave run is focused on the topic's query. This is the development set: the
update parameters (update/summary.py) were tuned on it; there is no held-out figure.
Exit status 1 when newsweave with "previous" is not above both 9.67 and itself without it
on B+C, under any method asked for.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from peers import lead

from newsweave.evaluate import score_stories
from newsweave.model import Story
from newsweave.reading.jsonl import JsonlLine, iter_jsonl
from newsweave.summarizer.pipeline import summary_sentences

REPO = Path(__file__).resolve().parents[1]
MAX_WORDS = 100
BEST_2007_B_PLUS_C = 9.67  # published, the data README: best of 22 systems, sets B+C
SYSTEMS = ("Lead", "newsweave, previous ignored", "newsweave, given previous")
GROUPS = ("A", "B", "C", "B+C")


def summaries(line: JsonlLine, method: str) -> dict[str, list[str]]:
    assert line.story is not None
    story = replace(line.story, focus=line.query)
    alone = replace(story, previous=[])
    return {
        "Lead": lead(Story(articles=story.articles, id=story.id), MAX_WORDS),
        "newsweave, previous ignored": summary_sentences(alone, MAX_WORDS, method),
        "newsweave, given previous": summary_sentences(story, MAX_WORDS, method),
    }


def group_of(story_id: str) -> str:
    return story_id.rsplit("-", 1)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--methods", default="auto",
                        help="comma-separated: auto, learned, unsupervised")
    parser.add_argument("--out", type=Path, help="write every story's scores here (JSON)")
    args = parser.parse_args()
    methods = args.methods.split(",")
    unknown = [m for m in methods if m not in ("auto", "learned", "unsupervised")]
    if unknown:
        parser.error(f"unknown method: {', '.join(unknown)}")
    root = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
    path = root / "data/duc2007-update/dev.jsonl.gz"
    if not path.exists():
        print(f"skip: {path} not found (set NEWSWEAVE_SHARED to the shared folder)")
        return 0
    lines = []
    for line in iter_jsonl(path):
        if line.story is None:
            print(f"warning: {line.error}", file=sys.stderr)
        else:
            lines.append(line)
    passed, everything = True, {}
    for method in methods:
        scores = run(lines, method)
        passed &= report(scores, method)
        everything[method] = scores
    if args.out:
        args.out.write_text(json.dumps(everything, indent=2) + "\n", encoding="utf-8")
    return 0 if passed else 1


def run(lines: list[JsonlLine], method: str) -> dict[str, dict[str, float]]:
    """Per system, each set's ROUGE-2 recall (Lead is run again: it is cheap)."""
    rows: list[tuple[str, list[str], dict[str, list[str]]]] = []
    start = time.perf_counter()
    for line in lines:
        assert line.story is not None
        rows.append((line.story.id or "", line.references, summaries(line, method)))
    print(f"DUC 2007 update, {len(rows)} sets, ROUGE-2 recall, {MAX_WORDS} words, "
          f"method {method}, newsweave focused on each topic's query "
          f"({time.perf_counter() - start:.0f} s)")
    scores: dict[str, dict[str, float]] = {}
    for system in SYSTEMS:
        per_story, _ = score_stories([(made[system], refs) for _, refs, made in rows],
                                     MAX_WORDS, "recall")
        scores[system] = {story_id: s["rouge2"] for (story_id, _, _), s in
                          zip(rows, per_story, strict=True)}
    return scores


def report(scores: dict[str, dict[str, float]], method: str) -> bool:
    def mean(system: str, group: str) -> float:
        wanted = set(group.split("+"))
        values = [v for k, v in scores[system].items() if group_of(k) in wanted]
        return sum(values) / len(values) if values else math.nan

    print(f"{'system':<30}" + "".join(f"{g:>8}" for g in GROUPS))
    for system in SYSTEMS:
        print(f"{system:<30}" + "".join(f"{mean(system, g):>8.2f}" for g in GROUPS))
    print(f"{'best 2007 system (published)':<30}" + f"{'':>8}{'':>8}{'':>8}"
          f"{BEST_2007_B_PLUS_C:>8.2f}")
    given, ignored = mean(SYSTEMS[2], "B+C"), mean(SYSTEMS[1], "B+C")
    checks = [("above the best 2007 system on B+C", given > BEST_2007_B_PLUS_C,
               given - BEST_2007_B_PLUS_C),
              ("above newsweave ignoring previous on B+C", given > ignored, given - ignored)]
    for name, ok, margin in checks:
        print(f"{'PASS' if ok else 'FAIL'} {name}, method {method} ({margin:+.2f})")
    print()
    return all(ok for _, ok, _ in checks)


if __name__ == "__main__":
    sys.exit(main())
