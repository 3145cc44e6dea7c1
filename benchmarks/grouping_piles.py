"""The mixed piles benchmarks/grouping.py groups, built from ../shared/data.

Multi-News val: every document of every story, shuffled with a fixed seed; its gold
label is its story, except that documents outside ``meta.llm_relevant_doc_indices`` are
gold singletons (noise); exact duplicate texts are dropped. DUC 2006: every document,
gold = topic, dated from its document id (APW19990707.0181 -> 1999-07-07).
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from newsweave.model import Article

SEED = 13


@dataclass
class Pile:
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold story
    # synthetic reprint id -> the article it copies (filled by add_reprints)
    reprint_of: dict[str, str]


def _records(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def multinews_pile(path: Path, limit: int | None = None, seed: int = SEED) -> Pile:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    seen_texts: set[str] = set()
    for number, record in enumerate(_records(path)):
        if limit is not None and number >= limit:
            break
        relevant = set((record.get("meta") or {}).get("llm_relevant_doc_indices") or [])
        for index, text in enumerate(record["documents"]):
            if not text.strip() or text in seen_texts:
                continue
            seen_texts.add(text)
            article_id = f"{record['id']}:{index}"
            articles.append(Article(id=article_id, source=f"outlet-{index}", text=text))
            gold[article_id] = record["id"] if index in relevant else article_id
    random.Random(seed).shuffle(articles)
    return Pile(articles, gold, {})


_DOC_DATE = re.compile(r"[A-Z]+(\d{4})(\d{2})(\d{2})")


def duc_pile(path: Path, seed: int = SEED) -> Pile:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for record in _records(path):
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
    day_of = {story: rng.randrange(365) for story in set(pile.gold.values())}
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
