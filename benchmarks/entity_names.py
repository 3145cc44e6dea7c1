"""One person, one entry: how often `analyze`'s people list names one person twice, or two
people as one, on real stories.

    python benchmarks/entity_names.py            # Multi-News raw dev + the Hanoi example
    python benchmarks/entity_names.py --duc      # and every merge on DUC 2006, to read

Gold: pairs of full names the named-entity model finds in one story, judged by hand from
the articles (below): the same person ("Matt Lesser" / "Matthew Lesser", "Donald J.
Trump" / "Donald Trump") or two people of one family or surname ("Pat Dodson" / "Jerry
Dodson", "Serena" / "Venus Williams"). A pair counts as merged where one entity's aliases
hold both names. Side by side in one run: newsweave's merge (``analysis.person_names``:
middle names and initials, nicknames, accents, "Sheikh") and the rule before it, which
merged a surname or a first name into a full name but never two full names. The pairs
were judged on the names the rule before it listed apart, so they measure what it missed
and what a merge must not do, not every way a merge could go wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from quality import shared_root

from newsweave.analysis import entities
from newsweave.analysis.entity_groups import full_person_names
from newsweave.analysis.person_names import one_person_names
from newsweave.errors import NewsweaveError
from newsweave.model import Article
from newsweave.reading.jsonl import iter_jsonl
from newsweave.reading.read import read_story

HANOI = "hanoi-summit"
# (story, name, name): the same person
SAME = [
    ("multinews_train_426", "Matt Lesser", "Matthew Lesser"),
    ("multinews_train_5708", "Edward Snowden", "Ed Snowden"),
    ("multinews_train_6089", "Donald Trump", "Donald J. Trump"),
    ("multinews_train_8193", "Donald Trump", "Donald J. Trump"),
    ("multinews_train_13054", "Michael Elliott", "Mike Elliott"),
    ("multinews_train_14353", "James Derek Lovelace", 'James "Derek" Lovelace'),
    ("multinews_train_14353", "James Derek Lovelace", "James Lovelace"),
    ("multinews_train_22347", "Michael Bloomberg", "Michael R. Bloomberg"),
    ("multinews_train_23577", "John A. Boehner", "John Boehner"),
    ("multinews_train_30168", "L.C. Handy", "Levin Corbin Handy"),
    ("multinews_train_30168", "Alexander M. McCook", "Alexander McDowell McCook"),
    ("multinews_train_36851", "Zack Brown", "Zack Danger Brown"),
    ("multinews_train_40612", "Yulín Cruz", "Yulin Cruz"),
    ("multinews_train_42673", "Sheik Tamim bin Hamad Al Thani",
     "Sheikh Tamim bin Hamad Al Thani"),
    ("multinews_train_44438", "Steven Nissen", "Steven E. Nissen"),
    ("multinews_train_44438", "Neil Stone", "Neil J. Stone"),
    ("multinews_val_2948", "Sadie L. Riggs", "Sadie Riggs"),
    (HANOI, "Mike Pompeo", "Michael Pompeo"),
]
# (story, name, name): two people
APART = [
    ("multinews_train_4569", "Pat Dodson", "Jerry Dodson"),
    ("multinews_train_4690", "Zulfiqar Khan", "Abdul Qadeer Khan"),
    ("multinews_train_5240", "Katera Barker", "Jenny Barker"),
    ("multinews_train_5240", "Katera Barker", "Matt Barker"),
    ("multinews_train_5240", "Jenny Barker", "Matt Barker"),
    ("multinews_train_6350", "Ron Johnson", "Dorian Johnson"),
    ("multinews_train_6350", "Jesse Jackson", "Thomas Jackson"),
    ("multinews_train_7308", "Barry Sherman", "Honey Sherman"),
    ("multinews_train_8193", "Megyn Kelly", "Meredith Kelly"),
    ("multinews_train_8193", "George H.W. Bush", "Jeb Bush"),
    ("multinews_train_8193", "John Roberts", "Kristin Roberts"),
    ("multinews_train_10480", "Madeleine McCann", "Gerry McCann"),
    ("multinews_train_14353", "James Derek Lovelace", "Katie Lovelace"),
    ("multinews_train_17530", "Shama Bibi", "Aasia Bibi"),
    ("multinews_train_18252", "Jackie Kennedy", "John F. Kennedy"),
    ("multinews_train_19004", "Serena Williams", "Venus Williams"),
    ("multinews_train_23334", "Hillary Clinton", "Bill Clinton"),
    ("multinews_train_37908", "Sean Smith", "Adam Smith"),
    ("multinews_train_40612", "Donald Trump", "Lady Melania Trump"),
    ("multinews_val_2047", "Charlie Gard", "Chris Gard"),
    ("multinews_val_2948", "Sadie L. Riggs", "Eric Riggs"),
    ("multinews_val_2948", "Alicia Smith", "Sarah Smith"),
    ("multinews_val_3391", "Jan Harding", "Jim Harding"),
    (HANOI, "Kim Jong Un", "Kim Yo-jong"),
]


def surname_rule(articles: list[Article]) -> list[list[str]]:
    """The merge before ``person_names``: a shorter name into a longer one only, spellings
    told apart by case and dots alone ("Yulín" is not "Yulin"). Its names are tagged and
    shown as today's, so "Sheikh" is taken off there too: the one pair it merges."""
    groups = entities._tagged_groups(articles)
    found = []
    for keys in entities._merge(groups).values():
        spelled: dict[str, list[str]] = {}
        for form in (f for key in keys for f in groups[key].forms):
            spelled.setdefault(form.casefold().replace(".", ""), []).append(form)
        found.extend(spelled.values())
    return found


def newsweave(articles: list[Article]) -> list[list[str]]:
    return [e.aliases for e in entities.find_entities(articles)]


SYSTEMS: dict[str, Callable[[list[Article]], list[list[str]]]] = {
    "newsweave": newsweave, "surname rule (before)": surname_rule}


def stories(shared: Path) -> dict[str, list[Article]]:
    wanted = {story for story, _, _ in SAME + APART}
    found: dict[str, list[Article]] = {}
    for line in iter_jsonl(shared / "data" / "multinews-raw" / "dev.jsonl.gz"):
        if line.story is not None and line.story.id in wanted:
            found[line.story.id] = line.story.articles
    found[HANOI] = read_story([str(shared / "examples" / HANOI)], []).articles
    return found


def _holds(group: list[str], name: str) -> bool:
    """The name as the tagger found it, or as newsweave shows it ("Sheikh" left off)."""
    return name in group or entities.normalise(name, "person") in group


def one_entity(aliases: list[list[str]], a: str, b: str) -> bool | None:
    """Whether one entity holds both names; None where the model found either nowhere."""
    if not any(_holds(g, a) for g in aliases) or not any(_holds(g, b) for g in aliases):
        return None
    return any(_holds(group, a) and _holds(group, b) for group in aliases)


def duc_merges(shared: Path) -> list[tuple[str, list[str]]]:
    """Every set of full names merged as one person's in DUC 2006's topics (no gold: to
    read; the suffix rule came of reading them, nothing else was tuned there)."""
    merged = []
    for line in iter_jsonl(shared / "data" / "duc2006" / "dev.jsonl.gz"):
        if line.story is None:
            continue
        groups = entities._tagged_groups(line.story.articles)
        people = list(full_person_names(groups).values())
        merged.extend((line.story.id or "", [people[i] for i in group])
                      for group in one_person_names(people))
    return merged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duc", action="store_true", help="list DUC 2006's merges too")
    args = parser.parse_args()
    shared = shared_root()
    if not (shared / "data" / "multinews-raw" / "dev.jsonl.gz").exists():
        print(f"{shared}/data/multinews-raw/dev.jsonl.gz not found: not measured")
        return 0
    try:
        texts = stories(shared)
    except (NewsweaveError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(SAME)} pairs naming one person, {len(APART)} naming two, "
          f"in {len(texts)} stories\n")
    print(f"{'system':24} {'one person: merged':>19} {'two people: merged':>19} "
          f"{'not found':>10}")
    for name, system in SYSTEMS.items():
        aliases = {story: system(articles) for story, articles in texts.items()}
        same = [one_entity(aliases[s], a, b) for s, a, b in SAME]
        apart = [one_entity(aliases[s], a, b) for s, a, b in APART]
        missing = [(s, a, b) for (s, a, b), m in zip(SAME + APART, same + apart, strict=True)
                   if m is None]
        print(f"{name:24} {sum(m is True for m in same):>12} of {len(same):>3} "
              f"{sum(m is True for m in apart):>12} of {len(apart):>3} {len(missing):>10}")
        for story, a, b in missing:
            print(f"  not found: {story}: {a} / {b}")
    if args.duc:
        merges = duc_merges(shared)
        print(f"\nDUC 2006: {len(merges)} sets of full names merged as one person's")
        for story, names in merges:
            print(f"  {story}: {' / '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
