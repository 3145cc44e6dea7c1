"""Does a summary lead with the news? The lede score of newsweave and its peers, side by side.

    python benchmarks/lede.py                       # Multi-News val (first 1,000), raw dev
    python benchmarks/lede.py --sets multinews-raw --limit 50

The lede score of a summary is the ROUGE-2 recall (stemmed, the project's convention;
``newsweave.summarizer.oracle.sentence_scores``) of the reference's first sentence (nupunkt, as
``rougeLsum`` splits references) by the summary's first sentence; "first two" scores the
same reference sentence by the summary's first two sentences. Columns, in 0-100:
- newsweave: its summary's first sentence (first two);
- lead: the first sentence of the first article (first two: also the second article's);
- lexrank: LexRank's top-ranked sentence (first two: its top two), as benchmarks/peers.py;
- newsweave best placed: the best-scoring sentence anywhere in newsweave's summary, where
  the lede already is (not a system: it knows the reference);
- oracle: the single source sentence (newsweave's segmentation) with the highest score, the
  ceiling of any one-sentence lede.
Target (issue 22): newsweave's first sentence reaches 70% of the oracle on both sets and
beats lead and lexrank there. Exit status 1 when a target check fails.

Headlines (issue 22, item 3; no target figure): the length in words of newsweave's
headline (median, 90th percentile, share over 20 words: a sentence, not a headline) and
its ROUGE-1 precision against the reference's first sentence (how much of it is the news
the human summary opens on), beside the same figures for the whole first sentence, which
a story without titles would otherwise show.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from peers import lead, lexrank
from quality import DATA_SETS, present_sets

from newsweave.errors import InputError
from newsweave.evaluate import prepare_reference, summarize_file
from newsweave.model import Story
from newsweave.summarizer.oracle import sentence_scores
from newsweave.summarizer.pipeline import summarize_prepared
from newsweave.summarizer.prepare import prepare

SETS = ("multinews", "multinews-raw")
SHARE_OF_ORACLE = 0.70
COLUMNS = ("newsweave", "lead", "lexrank", "newsweave best placed", "oracle")


def _r2_recall(candidates: list[str], reference: str) -> list[float]:
    if not candidates:
        return [0.0]
    return [100.0 * float(v) for v in sentence_scores(candidates, reference)[:, 3]]


def lede_rows(story: Story, max_words: int) -> list[list[str]]:
    """Per system, the sentences that matter for the lede, in the system's order; the last
    row is every source sentence (the oracle's pool)."""
    try:
        prepared = prepare(story)
    except InputError:  # nothing usable: newsweave's summary is empty, as quality.py scores it
        summary, pool, headline = [], [], []
    else:
        result = summarize_prepared(prepared, max_words)
        summary = [s.text for s in result.sentences]
        pool = [s.text for s in prepared.sentences if not s.degraded]
        headline = [result.headline] if result.headline else []
    return [summary, lead(story, max_words)[:2], lexrank(story, max_words)[:2], pool, headline]


@dataclass
class StoryLede:
    first: dict[str, float]  # the column's one-sentence score
    two: dict[str, float]  # the column's two-sentence score (the oracle: its one sentence)
    # (words, ROUGE-1 precision vs the reference's first sentence) of the headline and of
    # the whole first sentence; None without them
    headline: tuple[int, float] | None
    first_sentence: tuple[int, float] | None


def score(rows: list[list[str]], reference: str) -> StoryLede:
    target = prepare_reference(reference).split("\n", 1)[0]  # as newsweave.lede.train
    summary, lead_two, lexrank_two, pool, headline = rows

    def first_two(sentences: list[str]) -> tuple[float, float]:
        return (_r2_recall(sentences[:1], target)[0],
                _r2_recall([" ".join(sentences[:2])], target)[0])

    ours, lead_s, lex = first_two(summary), first_two(lead_two), first_two(lexrank_two)
    best_placed = max(_r2_recall(summary, target))
    oracle = max(_r2_recall(pool, target))
    firsts = (ours[0], lead_s[0], lex[0], best_placed, oracle)
    twos = (ours[1], lead_s[1], lex[1], best_placed, oracle)


    def words_precision(texts: list[str]) -> tuple[int, float] | None:
        if not texts:
            return None
        return len(texts[0].split()), 100.0 * float(sentence_scores(texts[:1], target)[0, 0])

    return StoryLede(dict(zip(COLUMNS, firsts, strict=True)),
                     dict(zip(COLUMNS, twos, strict=True)),
                     words_precision(headline), words_precision(summary[:1]))


def measure(path: Path, limit: int | None, max_words: int, jobs: int, progress: bool
            ) -> list[StoryLede]:
    results = []
    for line, flat in summarize_file(path, partial(_packed, max_words=max_words), limit, jobs,
                                     progress=progress):
        if line.references:
            results.append(score(_unpacked(flat), line.references[0]))
    return results


_SEPARATOR = "\x1e"  # summarize_file carries a list of strings; rows travel packed in it


def _packed(story: Story, max_words: int) -> list[str]:
    return [_SEPARATOR.join(row) for row in lede_rows(story, max_words)]


def _unpacked(flat: list[str]) -> list[list[str]]:
    return [row.split(_SEPARATOR) if row else [] for row in flat]


def report(name: str, results: list[StoryLede]) -> list[str]:
    first = {c: float(np.mean([r.first[c] for r in results])) for c in COLUMNS}
    two = {c: float(np.mean([r.two[c] for r in results])) for c in COLUMNS}
    oracle = first["oracle"] or 1.0
    print(f"{name}: {DATA_SETS[name].about}, {len(results)} stories "
          "(ROUGE-2 recall of the reference's first sentence, 0-100)")
    width = max(len(c) for c in COLUMNS)
    print(f"{'system':<{width}}  {'first':>6}  {'% oracle':>8}  {'first two':>9}")
    for column in COLUMNS:
        print(f"{column:<{width}}  {first[column]:6.2f}  {100 * first[column] / oracle:7.1f}%"
              f"  {two[column]:9.2f}")
    print()
    print(f"{'headline':<24}  {'words median':>12}  {'p90':>4}  {'> 20 words':>10}  "
          f"{'R1 precision':>12}")
    for label, values in (("newsweave headline", [r.headline for r in results]),
                          ("whole first sentence", [r.first_sentence for r in results])):
        found = [v for v in values if v is not None]
        if found:
            words = np.array([w for w, _ in found])
            print(f"{label:<24}  {np.median(words):12.0f}  {np.percentile(words, 90):4.0f}  "
                  f"{100 * float(np.mean(words > 20)):9.1f}%  "
                  f"{float(np.mean([p for _, p in found])):12.2f}")
    print()
    ours = first["newsweave"]
    checks = [
        f"target {name} newsweave first sentence: {ours:.2f} = "
        f"{100 * ours / oracle:.1f}% of oracle {oracle:.2f}, needs >= "
        f"{100 * SHARE_OF_ORACLE:.0f}% " + ("PASS" if ours >= SHARE_OF_ORACLE * oracle else "FAIL")
    ]
    for peer in ("lead", "lexrank"):
        verdict = "PASS" if ours > first[peer] else "FAIL"
        checks.append(f"target {name} newsweave first sentence vs {peer}: {ours:.2f} vs "
                      f"{first[peer]:.2f} ({ours - first[peer]:+.2f}) {verdict}")
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated")
    parser.add_argument("--limit", type=int, help="at most this many stories a set")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args()
    names = args.sets.split(",")
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set: {', '.join(unknown)} (choose from {', '.join(SETS)})")
    checks: list[str] = []
    for name, data, path, limit in present_sets(names, args.limit):
        results = measure(path, limit, data.max_words, args.jobs, not args.quiet)
        if not results:
            print(f"skip {name}: no story with a reference\n")
            continue
        checks += report(name, results)
    print("\n".join(checks) if checks else "target checks: no set measured")
    return 1 if any(line.endswith("FAIL") for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
