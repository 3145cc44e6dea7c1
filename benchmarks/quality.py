"""ROUGE of newsweave and its peers on the development sets, under the project's convention.

    python benchmarks/quality.py                      # every system on every set
    python benchmarks/quality.py --systems lead,lexrank --sets duc2006 --markdown
    python benchmarks/quality.py --limit 100 --out results.json
    python benchmarks/quality.py --sets duc2006,duc2006-query   # generic and query-focused

Data root: $NEWSWEAVE_SHARED, else the ``shared`` folder next to the repository.
A system is ``fn(story, max_words) -> list[str]``; add one to ``SYSTEMS`` to compare it.
Exit status 1 when a target check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from peers import PEERS

from newsweave.evaluate import EvaluationResult, Measure, evaluate_file
from newsweave.model import Story

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class DataSet:
    path: str  # relative to the shared data root
    measure: Measure
    max_words: int
    limit: int | None  # stories read by default
    margin: float  # how far newsweave must beat the best peer, in R1 and R2 points
    about: str
    use_query: bool = False  # each story's topic query as its focus (peers ignore it)


DATA_SETS = {
    "multinews": DataSet(
        "data/multinews/val.jsonl.gz", "f", 250, 1000, 0.0, "Multi-News val, first 1,000 stories"
    ),
    "multinews-raw": DataSet(
        "data/multinews-raw/dev.jsonl.gz", "f", 250, None, 0.5, "Multi-News raw articles, dev"
    ),
    "duc2006": DataSet("data/duc2006/dev.jsonl.gz", "recall", 250, None, 0.5, "DUC 2006, dev"),
    "duc2006-query": DataSet(
        "data/duc2006/dev.jsonl.gz", "recall", 250, None, 0.5,
        "DUC 2006, dev, newsweave focused on each topic's query (peers cannot be)", True,
    ),
    "multinews-all": DataSet(
        "data/multinews/val.jsonl.gz", "f", 250, None, 0.0, "Multi-News val, all 5,622 stories"
    ),
}
# The issue "Summary quality" sets absolute targets for the default summarizer: published
# Multi-News test figures (MatchSum 46.2/16.5, PEGASUS-large 47.5/18.7) and, on DUC 2006,
# +1.0 ROUGE-2 over the unsupervised scorer.
PUBLISHED_TARGETS = {
    "multinews-all": {"rouge1": 46.5, "rouge2": 17.0},
    "multinews-raw": {"rouge1": 47.5},
}
DUC_GAIN_OVER_UNSUPERVISED = 1.0


def newsweave_system(story: Story, max_words: int, method: str = "auto") -> list[str]:
    from newsweave.summarizer.pipeline import summary_sentences

    return summary_sentences(story, max_words=max_words, method=method)


SYSTEMS: dict[str, Callable[[Story, int], list[str]]] = {
    "newsweave": newsweave_system,  # the default: learned where in range, else unsupervised
    "newsweave-unsupervised": partial(newsweave_system, method="unsupervised"),
    "newsweave-learned": partial(newsweave_system, method="learned"),
    **PEERS,
}
DEFAULT_SYSTEMS = "newsweave,newsweave-unsupervised,lead,lexrank,textrank"


def is_ours(name: str) -> bool:
    return name.startswith("newsweave")


def shared_root() -> Path:
    return Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))


def chosen(parser: argparse.ArgumentParser, sets: str, systems: str
           ) -> tuple[list[str], list[str]]:
    """The comma-separated sets and systems asked for; an unknown one is a usage error."""
    set_names, system_names = sets.split(","), systems.split(",")
    unknown = [s for s in set_names if s not in DATA_SETS] + [
        s for s in system_names if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown set or system: {', '.join(unknown)}")
    return set_names, system_names


def set_path(name: str) -> Path | None:
    """The file of data set ``name``, or None, said on stdout, where it is absent."""
    path = shared_root() / DATA_SETS[name].path
    if not path.exists():
        print(f"skip {name}: {path} not found (set NEWSWEAVE_SHARED to the shared folder)\n")
        return None
    return path


def present_sets(names: list[str], limit: int | None
                 ) -> Iterator[tuple[str, DataSet, Path, int | None]]:
    """Each named set whose file is present (an absent one is said on stdout and skipped),
    with its file and how many stories to read: the set's default, at most ``limit``."""
    for name in names:
        data = DATA_SETS[name]
        path = set_path(name)
        if path is not None:
            yield name, data, path, data.limit if limit is None else min(limit,
                                                                         data.limit or limit)


def table(name: str, data: DataSet, results: dict[str, EvaluationResult], markdown: bool) -> str:
    measure = "F-measure" if data.measure == "f" else "recall"
    count = max(len(r.stories) for r in results.values())
    title = f"{name}: {data.about}, {count} stories ({measure}, {data.max_words} words)"
    header = ["system", "R1", "R2", "RLsum", "words/summary", "stories/s"]
    rows = [
        [
            system,
            *(f"{r.mean[k]:.2f}" for k in ("rouge1", "rouge2", "rougeLsum")),
            f"{r.words_per_summary:.0f}",
            f"{r.stories_per_second:.1f}",
        ]
        for system, r in results.items()
    ]
    if markdown:
        lines = [
            f"**{title}**",
            "",
            "| " + " | ".join(header) + " |",
            "|" + "---|" + "---:|" * (len(header) - 1),
        ]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join([title, fmt.format(*header), *(fmt.format(*row) for row in rows)]) + "\n"


def published_checks(name: str, results: dict[str, EvaluationResult]) -> list[str]:
    """The absolute targets of the issue "Summary quality", for the default summarizer."""
    if "newsweave" not in results:
        return []
    ours = results["newsweave"].mean
    lines = [
        f"target {name} newsweave {key}: {ours[key]:.2f}, needs >= {bound:.1f} "
        + ("PASS" if ours[key] >= bound else "FAIL")
        for key, bound in PUBLISHED_TARGETS.get(name, {}).items()
    ]
    if name.startswith("duc2006") and "newsweave-unsupervised" in results:
        baseline = results["newsweave-unsupervised"].mean["rouge2"]
        gain = ours["rouge2"] - baseline
        verdict = "PASS" if gain >= DUC_GAIN_OVER_UNSUPERVISED else "FAIL"
        lines.append(
            f"target {name} newsweave R2 over newsweave-unsupervised: {ours['rouge2']:.2f} vs "
            f"{baseline:.2f} ({gain:+.2f}, needs >= +{DUC_GAIN_OVER_UNSUPERVISED:.1f}) {verdict}"
        )
    return lines


def target_checks(name: str, data: DataSet, results: dict[str, EvaluationResult]) -> list[str]:
    """The issue "newsweave core": the default is at least as good as the best peer."""
    peers = {s: r for s, r in results.items() if not is_ours(s)}
    lines = []
    for system in (s for s in results if s == "newsweave"):
        if not peers:
            lines.append(f"target {name} {system}: no peers run, nothing to compare")
        for key, label in (("rouge1", "R1"), ("rouge2", "R2")):
            best = max(peers, key=lambda p: peers[p].mean[key], default=None)
            if best is None:
                continue
            ours, theirs = results[system].mean[key], peers[best].mean[key]
            verdict = "PASS" if ours >= theirs + data.margin else "FAIL"
            lines.append(
                f"target {name} {system} {label}: {ours:.2f} vs best peer {best} {theirs:.2f} "
                f"({ours - theirs:+.2f}, needs >= {data.margin:+.1f}) {verdict}"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="multinews,multinews-raw,duc2006", help="comma-separated")
    parser.add_argument("--systems", default=DEFAULT_SYSTEMS, help="comma-separated")
    parser.add_argument("--limit", type=int, help="at most this many stories a set")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--markdown", action="store_true", help="tables as Markdown")
    parser.add_argument("--out", type=Path, help="write every score (per story too) as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args()

    sets, systems = chosen(parser, args.sets, args.systems)
    if any(is_ours(s) for s in systems):
        try:
            from newsweave.summarizer.pipeline import summarize_story  # noqa: F401
        except ImportError as exc:
            print(f"skip newsweave systems: the summarizer cannot be imported ({exc})")
            systems = [s for s in systems if not is_ours(s)]

    report: dict[str, dict[str, object]] = {}
    checks: list[str] = []
    for name, data, path, limit in present_sets(sets, args.limit):
        results: dict[str, EvaluationResult] = {}
        for system in systems:
            summarizer = partial(SYSTEMS[system], max_words=data.max_words)
            result = evaluate_file(
                path,
                summarizer,
                data.max_words,
                limit,
                data.measure,
                args.jobs,
                progress=not args.quiet,
                use_query=data.use_query,
            )
            for warning in result.warnings:
                print(f"warning: {name} {system}: {warning}", file=sys.stderr)
            results[system] = result
        if results:
            print(table(name, data, results, args.markdown))
            checks += target_checks(name, data, results) + published_checks(name, results)
        report[name] = {
            "about": data.about,
            "jobs": args.jobs,
            "systems": {s: r.to_dict() for s, r in results.items()},
        }
    print("\n".join(checks) if checks else "target checks: no newsweave system run")
    if args.out:
        payload = {"sets": report, "targets": checks}
        args.out.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 1 if any(line.endswith("FAIL") for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
