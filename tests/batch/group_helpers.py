"""Invented articles for grouping tests: local events, each reported by three outlets
within hours, dated over weeks; some stories straddle a midnight that is a time-block
boundary of ``newsweave group --dask``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PLACES = ["Saltmarsh", "Fenwick", "Wendover", "Ashcombe", "Brackley", "Corrow", "Dunmere",
          "Elsford", "Garrowby", "Hartwell", "Inchmoor", "Kelby", "Lowther", "Marnock",
          "Norbury", "Orley", "Pellworth", "Quenby", "Rushden", "Stanwick"]
PEOPLE = ["Greta Lund", "Omar Pike", "Lena Vos", "Tomas Reyes", "Ada Kerr", "Ivo Marsh",
          "Nina Holt", "Pavel Dorn", "Rosa Quill", "Sami Wren"]
EVENTS = [
    ("fire", ["Fire broke out at the {thing} in {place} late on {day}, and crews from three "
              "stations fought the blaze for hours.",
              "A blaze destroyed much of the {thing} in {place} on {day}; {person} of the fire "
              "service said nobody was hurt.",
              "Smoke was seen across {place} as the {thing} burned on {day}. Fire chief "
              "{person} praised the crews who saved the neighbouring houses."]),
    ("flood", ["The river burst its banks at {place} on {day}, flooding homes near the {thing}.",
               "Floodwater filled streets around the {thing} in {place} on {day}, and "
               "{person} opened the church hall to families who left their homes.",
               "Residents of {place} spent {day} night in the church hall after the river "
               "flooded the {thing}, councillor {person} said."]),
    ("strike", ["Workers at the {thing} in {place} walked out on {day} over pay, their union "
                "leader {person} said.",
                "A strike closed the {thing} in {place} on {day}; the union, led by {person}, "
                "wants a pay rise of nine percent.",
                "Pickets gathered outside the {thing} in {place} on {day} as the pay strike "
                "called by {person} began."]),
    ("theft", ["Thieves broke into the {thing} in {place} on {day} and took paintings and "
               "silver, police said.",
               "Police in {place} are hunting burglars who raided the {thing} on {day}; "
               "detective {person} appealed for witnesses.",
               "Paintings and silver were stolen from the {thing} in {place} on {day}, "
               "detective {person} told reporters."]),
]
THINGS = ["covered market", "paper mill", "town museum", "grain store", "railway depot"]
START = datetime(2026, 3, 1, tzinfo=UTC)


def invented_articles(stories: int = 24, days: int = 24) -> tuple[list[dict[str, Any]],
                                                                  dict[str, str]]:
    """Articles as JSON objects (input order: by date) and their gold story."""
    articles, gold = [], {}
    for n in range(stories):
        kind, sentences = EVENTS[n % len(EVENTS)]
        place, person = PLACES[n % len(PLACES)], PEOPLE[(n * 3) % len(PEOPLE)]
        thing = THINGS[(n // len(EVENTS)) % len(THINGS)]
        # Every third story starts at 22:00 and runs past midnight: across a block boundary
        # when the blocks are whole days.
        first = START + timedelta(days=(n * days) // stories, hours=22 if n % 3 == 0 else 9)
        for outlet, template in enumerate(sentences):
            when = first + timedelta(hours=2 * outlet)
            day = when.strftime("%A")
            text = " ".join(s.format(thing=thing, place=place, person=person, day=day)
                            for s in sentences[outlet:] + sentences[:outlet])
            article_id = f"{kind}-{place.lower()}-{n}-{outlet}"
            articles.append({"id": article_id, "source": f"outlet-{outlet}", "text": text,
                             "title": template.split(",")[0][:60],
                             "published": when.isoformat()})
            gold[article_id] = f"{kind}-{place}-{n}"
    articles.sort(key=lambda a: a["published"])
    return articles, gold


def write_jsonl(path: Path, articles: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def memberships(path: Path) -> set[frozenset[str]]:
    """The stories of a ``newsweave group`` output, as sets of article ids."""
    stories = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {frozenset(d["id"] for d in story["documents"]) for story in stories}


def write_parquet_articles(folder: Path, articles: list[dict[str, Any]], files: int = 2,
                           row_group: int = 20) -> Path:
    """The articles as a Parquet dataset, one article a row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir()
    share = -(-len(articles) // files)
    for index in range(files):
        chunk = articles[index * share:(index + 1) * share]
        table = pa.table({name: [a[name] for a in chunk]
                          for name in ("id", "source", "title", "text", "published")})
        pq.write_table(table, folder / f"part-{index}.parquet", row_group_size=row_group)
    return folder
