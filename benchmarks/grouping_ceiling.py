"""Where grouping loses B³ on the Multi-News val pile: the candidates or the judge, and
what merging stories afterwards could win at most.

    python benchmarks/grouping_ceiling.py                  # the val pile, default threshold
    python benchmarks/grouping_ceiling.py --limit 2000 --threshold 0.5

The pile is replayed through the grouper's public steps (``prepare``, ``candidates``,
``index``; reprint detection left out, so the judge decides every article), three ways:

- **judge**: the shipped judge and threshold decide, as ``Grouper.add`` does;
- **perfect judge**: each article joins the offered story most of whose articles share
  its gold story, else starts one: what the inverted index's candidates allow, so the
  gap to *judge* is the judge's;
- **story merges**: in the *judge* run, every other candidate an article found at least
  ``P`` likely names a pair of stories (the one it joined, that one). Merging every such
  pair is the simplest second chance for stories; merging only the pairs whose stories'
  majority gold stories agree bounds what any story-pair judge over these pairs could win.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grouping_metrics import score  # noqa: E402
from grouping_piles import Pile, multinews_pile  # noqa: E402

from newsweave.group import Grouper  # noqa: E402
from newsweave.group.grouper import JOIN_THRESHOLD  # noqa: E402
from newsweave.group.judge import load_judge  # noqa: E402

VAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "val.jsonl.gz"
MERGE_CHANCES = (0.1, 0.2, 0.3, 0.4)
Pair = tuple[str, str]
Chances = list[tuple[Pair, float]]


def replay(pile: Pile, threshold: float, perfect: bool) -> tuple[dict[str, str], Chances]:
    """Each article's story, and (for the judge) every (joined, other) candidate pair with
    the other's probability."""
    judge = load_judge()
    grouper = Grouper(threshold=threshold, judge=judge)
    golds: dict[str, Counter[str]] = {}
    labels: dict[str, str] = {}
    pairs: Chances = []
    for article in tqdm(pile.articles, desc="perfect judge" if perfect else "judge",
                        unit="article", disable=not sys.stderr.isatty()):
        prepared = grouper.prepare(article)
        offered, rows = grouper.candidates(prepared)
        gold = pile.gold[article.id]
        chances = judge.probabilities(rows)
        if perfect:
            chosen = next((s for s in offered if golds[s].most_common(1)[0][0] == gold), None)
        else:
            best = int(np.argmax(chances)) if offered else -1
            chosen = offered[best] if offered and chances[best] >= threshold else None
        story = chosen or f"s{len(golds) + 1}"
        pairs += [((story, other), float(p)) for other, p in zip(offered, chances, strict=True)
                  if other != story and p >= min(MERGE_CHANCES)]
        golds.setdefault(story, Counter())[gold] += 1
        grouper.index(article.id, story, None, prepared)
        labels[article.id] = story
    return labels, pairs


def merged(labels: dict[str, str], pairs: list[Pair]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[b] = a
    return {article: root(story) for article, story in labels.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N val stories only")
    parser.add_argument("--threshold", type=float, default=JOIN_THRESHOLD)
    args = parser.parse_args()
    pile = multinews_pile(VAL, args.limit)
    print(f"## val pile: {len(pile.gold):,} documents, {len(set(pile.gold.values())):,} gold "
          f"stories; threshold {args.threshold}")
    print("| run | pairs merged (right) | B3 P | B3 R | B3 F1 |\n|---|---|---|---|---|")

    def show(name: str, labels: dict[str, str], merges: str = "") -> None:
        s = score(labels, pile.gold)
        print(f"| {name} | {merges} | {s.b3_precision:.3f} | {s.b3_recall:.3f} | "
              f"{s.b3_f1:.3f} |", flush=True)

    show("perfect judge", replay(pile, args.threshold, perfect=True)[0])
    labels, pairs = replay(pile, args.threshold, perfect=False)
    show("judge", labels)
    members: dict[str, Counter[str]] = {}
    for article, story in labels.items():
        members.setdefault(story, Counter())[pile.gold[article]] += 1
    majority = {story: golds.most_common(1)[0][0] for story, golds in members.items()}
    for chance in MERGE_CHANCES:
        named = {pair for pair, p in pairs if p >= chance}
        right = {(a, b) for a, b in named if majority[a] == majority[b]}
        show(f"judge + merge every pair from p {chance}", merged(labels, list(named)),
             f"{len(named):,} ({len(right):,})")
        show(f"judge + merge the right pairs from p {chance}", merged(labels, list(right)),
             f"{len(right):,}")


if __name__ == "__main__":
    main()
