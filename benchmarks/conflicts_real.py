"""Are the conflicts `analyze` reports real? Every conflict on Multi-News raw dev, judged.

    python benchmarks/conflicts_real.py

``analysis_accuracy.py`` measures conflicts on invented stories written to hold them; this
reads real ones. Gold: each conflict newsweave reported on raw dev's 92 stories, at
5ca969e or since, judged by hand from its evidence sentences (below, with the reason).
A conflict is real where the outlets give one fact incompatibly, whatever the cause (a
death toll that rose between reports is real: the reader should see both figures);
false where the figures count different things. Conflicts no one has judged yet are
listed to read and add. There is no recall here: no one has listed every conflict in
raw dev; ``real`` found is the count to keep from falling.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quality import shared_root

from newsweave.analysis.conflicts import find_conflicts
from newsweave.errors import NewsweaveError
from newsweave.reading.jsonl import iter_jsonl
from newsweave.summarizer.prepare import prepare

Key = tuple[str, str, frozenset[str]]


def _key(story: str, measure: str, *values: str) -> Key:
    return story, measure, frozenset(values)


REAL = {
    _key("multinews_train_9160", "dead", "a dozen", "more than 100"):
        "the 1997 Umbria quake's toll, 'a dozen' against 'more than 100'",
    _key("multinews_train_9160", "dead", "at least 241", "at least 73"):
        "this quake's toll: an early report against later ones",
    _key("multinews_train_22347", "dead", "68", "69"): "Sandy's deaths in the Caribbean",
    _key("multinews_train_22347", "homes", "80 to 100", "at least 110"):
        "the homes the Breezy Point fire destroyed",
    _key("multinews_train_22347", "flights", "16,271", "More than 18,000"):
        "flights cancelled, two counts of one week",
}
FALSE = {
    _key("multinews_train_5240", "degrees", "89", "more than 104"):
        "the day's air temperature against a body's in danger",
    _key("multinews_train_5240", "degrees", "116", "89"):
        "a parked car's inside against the day's air temperature",
    _key("multinews_train_14963", "followers", "1.7 million", "17,601"):
        "followers in all against followers gained",
    _key("multinews_train_22347", "airports", "at least eight", "three"):
        "airports closed in the nation against New York City's three",
    _key("multinews_train_23577", "republicans", "7", "Three"):
        "Republicans voting against against those voting present (both in one sentence)",
    _key("multinews_train_44438", "ldl", "190", "70"):
        "a threshold ('190 or higher') against a study's hypothetical",
    _key("multinews_val_1295", "portions", "10", "five"):
        "one quotation gives both: 'five portions is good, ten a day is even better'",
}


def reported(path: Path) -> list[tuple[Key, str]]:
    """Each conflict newsweave reports on the stories in ``path``, with its first evidence."""
    found = []
    for line in iter_jsonl(path):
        if line.story is None:
            continue
        try:
            prepared = prepare(line.story)
        except NewsweaveError:
            continue
        for conflict in find_conflicts(prepared.articles, prepared.sentences):
            values = [v.value for v in conflict.versions]
            evidence = " || ".join(v.evidence[0].text[:90] for v in conflict.versions)
            found.append((_key(line.story.id or "", conflict.measure, *values), evidence))
    return found


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    path = shared_root() / "data" / "multinews-raw" / "dev.jsonl.gz"
    if not path.exists():
        print(f"skip: {path} not found (set NEWSWEAVE_SHARED to the shared folder)")
        return 0
    found = reported(path)
    real = [k for k, _ in found if k in REAL]
    false = [k for k, _ in found if k in FALSE]
    unjudged = [(k, e) for k, e in found if k not in REAL and k not in FALSE]
    judged = len(real) + len(false)
    print(f"Multi-News raw dev, 92 stories: {len(found)} conflicts reported")
    print(f"  real {len(real)} of {len(REAL)} judged real, false {len(false)} of "
          f"{len(FALSE)} judged false, unjudged {len(unjudged)}")
    if judged:
        print(f"  precision over judged: {len(real) / judged:.1%} ({len(real)}/{judged})")
    for key, evidence in unjudged:
        print(f"  unjudged: {key[0]} {key[1]} {sorted(key[2])}\n      {evidence}")
    for key in sorted(set(REAL) - set(real), key=str):
        print(f"  real one not reported: {key[0]} {key[1]} {sorted(key[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
