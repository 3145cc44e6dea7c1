"""Grouping mixed piles into stories: newsweave against the issue's TF-IDF baselines.

    python benchmarks/grouping.py                          # every part, full piles
    python benchmarks/grouping.py --limit 1000             # first 1,000 val stories only
    python benchmarks/grouping.py --parts val,duc --systems newsweave
    python benchmarks/grouping.py --parts val --systems newsweave@0.4,newsweave@0.6
    python benchmarks/grouping.py --parts val --systems newsweave,newsweave-single-pass
    python benchmarks/grouping.py --parts scale --scale-size 100000
    python benchmarks/grouping.py --parts latency --scale-size 100000
    python benchmarks/grouping.py --parts baselines   # sweep the baselines' thresholds

Parts: ``val`` (the Multi-News val pile, benchmarks/grouping_piles.py), ``duc`` (DUC 2006),
``reprints`` (val + 1,000 synthetic reprints: detection P/R, and no reprint backing a
summary sentence), ``incremental`` (half grouped, a restart from the store, the rest
added, each with its second look: B³ against all at once), ``scale`` (a synthetic
stream of --scale-size articles grouped at once, as ``newsweave group`` does),
``latency`` (per-article time of 1,000 more added into a store of --scale-size, with
and without the second look ``--into`` takes; the store loaded as ``--into`` loads it,
its pages read ahead),
``baselines`` (the baselines' thresholds swept, quality only). Every system runs in a
fresh process so its peak RSS (getrusage: its own plus its page reader's, group/pages.py)
is its own; time covers grouping, not loading.
Targets (issue 23): val B³-F1 >= 0.90 with precision >= 0.93, < 60 s, < 2 GB; 100,000
articles < 15 min; add < 50 ms; reprint P and R >= 0.98. Where the val pile's losses are
(the candidates or the judge; what merging stories could win): grouping_ceiling.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grouping_metrics import score  # noqa: E402
from grouping_piles import add_reprints, duc_pile, multinews_pile, synthetic_stream  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
VAL = DATA / "multinews" / "val.jsonl.gz"
DUC = DATA / "duc2006" / "dev.jsonl.gz"


def peak_mb() -> float:
    """This process's peak resident memory plus its largest ended child's (the worker
    that reads pages ahead, group/pages.py): an upper bound of what both held at once
    (run a part alone: a system of another part is a child too)."""
    return sum(resource.getrusage(who).ru_maxrss
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def load(pile_name: str, limit: int | None):  # type: ignore[no-untyped-def]
    if pile_name == "duc":
        return duc_pile(DUC)
    pile = multinews_pile(VAL, limit)
    return add_reprints(pile) if pile_name == "reprints" else pile


def child(system: str, pile_name: str, limit: int | None, out: Path) -> None:
    """Run one system on one pile in this (fresh) process; write labels, time, memory."""
    from grouping_systems import system as named

    pile = load(pile_name, limit)
    start = time.perf_counter()
    labels = named(system)(pile.articles)
    seconds = time.perf_counter() - start
    extra = {}
    if system == "newsweave" and pile_name == "reprints":
        extra = reprint_figures(pile, labels)
    out.write_text(json.dumps({"labels": labels, "seconds": seconds, "peak_mb": peak_mb(),
                               **extra}))


def reprint_figures(pile, labels: dict[str, str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Detection precision/recall of the synthetic reprints, and whether any reprint backs
    a sentence of the summaries of the stories that hold one."""
    from newsweave.errors import InputError
    from newsweave.group.reprints import is_copy, shingles
    from newsweave.group.text import news_text
    from newsweave.model import Story
    from newsweave.summarizer.pipeline import summarize_story

    by_id = {a.id: a for a in pile.articles}
    flagged = {a.id: a.copy_of for a in pile.articles if a.copy_of}
    found = sum(1 for copy, original in pile.reprint_of.items()
                if copy in flagged and flagged[copy] in {original, by_id[original].copy_of})
    natural = [(c, o) for c, o in flagged.items() if c not in pile.reprint_of]
    verified = sum(1 for c, o in natural
                   if is_copy(shingles(news_text(by_id[c])), shingles(news_text(by_id[o]))))
    correct_strict = found
    stories: dict[str, list] = {}
    for article in pile.articles:
        stories.setdefault(labels[article.id], []).append(article)
    holding = [s for s in stories.values() if any(a.id in pile.reprint_of for a in s)]
    backed = 0
    for articles in holding[:100]:
        try:
            summary = summarize_story(Story(articles=articles), 250, "auto")
        except InputError:  # nothing usable to summarize: nothing backed either
            continue
        for sentence in summary.to_dict()["sentences"]:
            backed += sum(1 for i in sentence["supporting_articles"] if i in pile.reprint_of)
    return {
        "reprints": len(pile.reprint_of), "flagged": len(flagged),
        "recall": found / len(pile.reprint_of),
        "precision_strict": correct_strict / max(1, len(flagged)),
        "precision": (correct_strict + verified) / max(1, len(flagged)),
        "natural_flags": len(natural), "natural_verified": verified,
        "summaries_checked": min(100, len(holding)), "reprint_backings": backed,
    }


def run_child(system: str, pile_name: str, limit: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, __file__, "--child", system, "--parts", pile_name,
                   "--out", str(out)] + (["--limit", str(limit)] if limit else [])
        subprocess.run(command, check=True)
        return json.loads(out.read_text())


def report_pile(pile_name: str, systems: list[str], limit: int | None) -> None:
    pile = load(pile_name, limit)
    gold = pile.gold
    print(f"\n## {pile_name}: {len(gold):,} documents, {len(set(gold.values())):,} gold stories")
    print("| system | B3 P | B3 R | B3 F1 | pairwise F1 | ARI | seconds | peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    for system in systems:
        result = run_child(system, pile_name, limit)
        s = score(result["labels"], gold)
        print(f"| {system} | {s.b3_precision:.3f} | {s.b3_recall:.3f} | {s.b3_f1:.3f} | "
              f"{s.pairwise_f1:.3f} | {s.ari:.3f} | {result['seconds']:.1f} | "
              f"{result['peak_mb']:.0f} |", flush=True)
        if "recall" in result:
            print(f"\nreprints: {result['reprints']} synthetic, {result['flagged']} flagged "
                  f"(of them {result['natural_flags']} natural near-copies, "
                  f"{result['natural_verified']} verified by exact shingles); recall "
                  f"{result['recall']:.3f}, precision {result['precision']:.3f} "
                  f"(counting only synthetic ones correct: {result['precision_strict']:.3f}); "
                  f"{result['summaries_checked']} summaries of stories holding a reprint: "
                  f"{result['reprint_backings']} sentences backed by a reprint", flush=True)


def incremental(limit: int | None) -> None:
    """As ``newsweave group`` then ``newsweave group --into`` do it: half the pile grouped
    (a pass and the second look), a restart from the store, the rest added (a pass and a
    second look at the added articles only): B3 against grouping all at once."""
    from newsweave.group import Grouper, group
    from newsweave.group.revise import revise

    pile = multinews_pile(VAL, limit)
    at_once = {a.id: s.id or "" for s in group(pile.articles) for a in s.articles}
    half = len(pile.articles) // 2
    first = Grouper(revisable=True)
    for article in pile.articles[:half]:
        first.add(article)
    revise(first, [a.id for a in pile.articles[:half]])
    restarted = Grouper(revisable=True)
    for article in pile.articles[:half]:
        restarted.add_existing(article, first.story_of(article.id) or "", article.copy_of)
    for article in pile.articles[half:]:
        restarted.add(article)
    revise(restarted, [a.id for a in pile.articles[half:]])
    labels = {a.id: restarted.story_of(a.id) or "" for a in pile.articles}
    whole, split = score(at_once, pile.gold), score(labels, pile.gold)
    print(f"\n## incremental: half of the val pile grouped, restarted from the store, the "
          f"rest added\nB3-F1 all at once {whole.b3_f1:.4f}, incremental {split.b3_f1:.4f} "
          f"(difference {whole.b3_f1 - split.b3_f1:+.4f}; target within 0.02)", flush=True)


def scale(size: int, limit: int | None) -> None:
    """Group a synthetic stream of ``size`` articles all at once: time, memory, B3."""
    from newsweave.group import Grouper
    from newsweave.group.pages import read_pages
    from newsweave.group.revise import revise

    stream = synthetic_stream(multinews_pile(VAL, limit), size)
    grouper = Grouper(revisable=True)
    start = time.perf_counter()
    for article, page in read_pages(stream.articles):
        grouper.add(article, page)
    one_pass = time.perf_counter() - start
    revise(grouper, [a.id for a in stream.articles])
    seconds = time.perf_counter() - start
    labels = {a.id: grouper.story_of(a.id) or "" for a in stream.articles}
    s = score(labels, stream.gold)
    print(f"\n## scale: {size:,} synthetic articles (val repeated, new ids, dates 40 days on)\n"
          f"grouped in {seconds:.0f} s ({seconds / 60:.1f} min, of which the second look "
          f"{seconds - one_pass:.0f} s; target < 15 min), peak {peak_mb():.0f} MB, B3 P "
          f"{s.b3_precision:.3f} R {s.b3_recall:.3f} F1 {s.b3_f1:.3f}", flush=True)


def latency(size: int, limit: int | None, added: int = 1000) -> None:
    """Per-article time into a store of ``size`` articles (loaded as a desk or ``newsweave
    group --into`` loads its store, ``add_existing``, under their gold stories): the
    single pass's ``Grouper.add`` (the desk's path), and with ``--into``'s second look at
    the added article (``revise``) after it."""
    from newsweave.group import Grouper
    from newsweave.group.pages import read_pages
    from newsweave.group.revise import revise

    stream = synthetic_stream(multinews_pile(VAL, limit), size + added)
    stored, extra = stream.articles[:size], stream.articles[size:]
    grouper = Grouper(revisable=True)
    start = time.perf_counter()
    for article, page in read_pages(stored):
        grouper.add_existing(article, stream.gold[article.id], page=page)
    loaded = time.perf_counter() - start
    adds, looks = [], []
    for article in extra:
        tick = time.perf_counter()
        grouper.add(article)
        tock = time.perf_counter()
        revise(grouper, [article.id])
        adds.append((tock - tick) * 1000)
        looks.append((time.perf_counter() - tick) * 1000)
    print(f"\n## latency: {added:,} articles added one by one into a {size:,}-article store "
          f"(loaded in {loaded:.0f} s, peak {peak_mb():.0f} MB; target < 50 ms)")
    for name, times in (("add()", adds), ("add() + second look (--into)", looks)):
        cuts = statistics.quantiles(times, n=100)
        print(f"{name}: p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, max {max(times):.1f} ms",
              flush=True)


def baselines(limit: int | None) -> None:
    """The TF-IDF baselines' thresholds swept on the val pile (quality only)."""
    from grouping_systems import average_link_tree, cut, single_pass, tfidf

    pile = multinews_pile(VAL, limit)
    ids = [a.id for a in pile.articles]

    def show(name: str, labels) -> None:  # type: ignore[no-untyped-def]
        s = score(dict(zip(ids, map(str, labels), strict=True)), pile.gold)
        print(f"{name}: {s.b3_precision:.3f} / {s.b3_recall:.3f} / {s.b3_f1:.3f}", flush=True)

    print("\n## baselines swept on val: B3 P / R / F1")
    for min_df in (1, 2):
        vectors = tfidf(pile.articles, min_df)
        for threshold in (0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25):
            show(f"single pass min_df {min_df} threshold {threshold}",
                 single_pass(vectors, threshold))
        tree = average_link_tree(vectors)
        for distance in (0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96):
            show(f"average link min_df {min_df} distance {distance}", cut(tree, distance))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="val,duc,reprints,incremental,scale,latency")
    parser.add_argument("--systems", default="newsweave,tfidf-single-pass,tfidf-average-link")
    parser.add_argument("--limit", type=int, default=None, help="first N val stories only")
    parser.add_argument("--scale-size", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.parts, args.limit, args.out)
        return
    systems = args.systems.split(",")
    for part in args.parts.split(","):
        if part in ("val", "duc"):
            report_pile(part, systems, args.limit)
        elif part == "reprints":
            report_pile("reprints", ["newsweave"], args.limit)
        elif part == "incremental":
            incremental(args.limit)
        elif part == "scale":
            scale(args.scale_size, args.limit)
        elif part == "latency":
            latency(args.scale_size, args.limit)
        elif part == "baselines":
            baselines(args.limit)


if __name__ == "__main__":
    main()
