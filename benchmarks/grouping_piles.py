"""The mixed piles benchmarks/grouping.py groups, built from ../shared/data.

Multi-News val: ``newsweave.group.piles`` (the pile the pair judge is trained on, from
train). DUC 2006: every document,
gold = topic, dated from its document id (APW19990707.0181 -> 1999-07-07).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from newsweave.group.piles import SEED, Pile, multinews_pile, records
from newsweave.model import Article

__all__ = ["Pile", "add_reprints", "duc_pile", "multinews_pile", "synthetic_stream"]


_DOC_DATE = re.compile(r"[A-Z]+(\d{4})(\d{2})(\d{2})")


def duc_pile(path: Path, seed: int = SEED) -> Pile:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for record in records(path):
        doc_ids = (record.get("meta") or {}).get("doc_ids") or []
        for index, text in enumerate(record["documents"]):
            doc_id = doc_ids[index] if index < len(doc_ids) else f"{record['id']}:{index}"
            found = _DOC_DATE.match(doc_id)
            published = "-".join(found.groups()) if found else None
            articles.append(Article(id=doc_id, source=doc_id[:3], text=text,
                                    published=published))
            gold[doc_id] = record["id"]
    random.Random(seed).shuffle(articles)
    return Pile(articles, gold, {})


def reprint_of(article: Article, number: int, rng: random.Random) -> Article:
    """A reprint as a wire client makes one: another masthead, a new first line, one
    paragraph (here: one fifth of the text, as Multi-News keeps no paragraphs) dropped."""
    sentences = re.split(r"(?<=[.!?])\s+", article.text.strip())
    body = sentences[1:] or sentences
    if len(body) >= 5:
        fifth = max(1, len(body) // 5)
        start = rng.randrange(0, len(body) - fifth + 1)
        body = body[:start] + body[start + fifth :]
    first = f"Reprinted by the Daily Courier {number}: here is what we know so far."
    return replace(article, id=f"reprint-{number}", source=f"courier-{number}",
                   text=" ".join([first, *body]))


def add_reprints(pile: Pile, count: int = 1000, seed: int = SEED) -> Pile:
    """The pile with ``count`` synthetic reprints of random articles of 80 words or more,
    each placed at a random point after its original."""
    rng = random.Random(seed)
    eligible = [a for a in pile.articles if len(a.text.split()) >= 80]
    articles = list(pile.articles)
    gold, copies = dict(pile.gold), {}
    position = {a.id: i for i, a in enumerate(articles)}
    inserts: list[tuple[int, Article]] = []
    for number, original in enumerate(rng.sample(eligible, min(count, len(eligible)))):
        copy = reprint_of(original, number, rng)
        gold[copy.id] = pile.gold[original.id]
        copies[copy.id] = original.id
        inserts.append((rng.randrange(position[original.id] + 1, len(articles) + 1), copy))
    for where, copy in sorted(inserts, key=lambda item: -item[0]):
        articles.insert(where, copy)
    return Pile(articles, gold, copies)


def synthetic_stream(pile: Pile, size: int, seed: int = SEED) -> Pile:
    """``size`` articles: the pile repeated, each repeat with new ids and its stories 40
    days later, each gold story dated at random over a year (so dates separate repeats,
    as they separate real recurring events)."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    day_of = {story: rng.randrange(365) for story in sorted(set(pile.gold.values()))}
    articles: list[Article] = []
    gold: dict[str, str] = {}
    repeat = 0
    while len(articles) < size:
        for article in pile.articles:
            if len(articles) >= size:
                break
            story = pile.gold[article.id]
            day = start + timedelta(days=day_of[story] + 40 * repeat + rng.random())
            copy = replace(article, id=f"{article.id}~{repeat}", published=day.isoformat())
            articles.append(copy)
            gold[copy.id] = f"{story}~{repeat}"
        repeat += 1
    articles.sort(key=lambda a: a.published or "")
    return Pile(articles, gold, {})
