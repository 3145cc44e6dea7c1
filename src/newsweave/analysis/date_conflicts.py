"""Where outlets disagree on when: one event told with a different day.

Dates are compared only between sentences that tell the same event, and only if no date of
one matches a date of the other; "overnight" events may straddle midnight and get a day of
slack.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from newsweave.analysis.conflict_versions import (
    Conflict,
    Item,
    agreeing_versions,
    components,
    make_conflict,
    only_article,
    published_close,
)
from newsweave.analysis.context import clause_text, content_words, date_clause, same_clause
from newsweave.analysis.timeline import DateMention, date_mentions, published_date
from newsweave.model import Article, Sentence
from newsweave.text import stem

MIN_SHARED_DATE = 2  # content words (names aside) two sentences share to tell one event
MIN_JACCARD_DATE = 0.15
# Dates of a state or an update, not of the event: "35% contained by Sunday", "the toll rose
# to 23 on Wednesday" (the fire was on Tuesday).
_STATUS = re.compile(r"^(?:by|as of)\b", re.IGNORECASE)
_UPDATE = re.compile(r"\b(?:rose|risen|climbed|increased|reached|stood|grew|jumped|fell|dropped|"
                     r"declined|revised|remained|remain)\b", re.IGNORECASE)
_OVERNIGHT = re.compile(r"\b(?:overnight|all-night|through the night)\b", re.IGNORECASE)


def _event_dates(article: Article, s: Sentence) -> list[tuple[DateMention, date, Any]]:
    """The day-precise dates of events in a sentence, with their clauses; dates of a state
    ("by Sunday") or an update ("the toll rose to 23 on Wednesday") left out."""
    found = []
    for m in date_mentions(article, s):
        if m.date is not None and m.granularity == "day" and not _STATUS.match(m.expression) \
                and not _UPDATE.search(clause_text(s, m)):
            found.append((m, m.date, date_clause(s, m)))
    return found


def date_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Same event, different day. Two sentences tell the same event when they share content
    words (names aside) and the clauses holding their dates share some too; they disagree
    when no date of one matches a date of the other in such a clause.

    Sentences are compared by kind: one text in articles published on one day dates its
    events alike (10,000 outlets repeating a wire sentence are one kind, and a kind never
    disagrees with itself: a date always matches itself)."""
    kinds: dict[tuple[str, bool, date | None], list[tuple[int, Sentence]]] = {}
    for order, s in enumerate(sentences):
        key = (s.text, s.degraded, published_date(articles[s.article_index]))
        kinds.setdefault(key, []).append((order, s))
    dated: list[_Dated] = []
    published: list[date | None] = []  # each kind's publication day: its key's
    for (_, _, day), giving in kinds.items():
        if days := _event_dates(articles[giving[0][1].article_index], giving[0][1]):
            dated.append((giving, content_words(giving[0][1].text, fold=False), days))
            published.append(day)
    alone = [only_article(members) for members, _, _ in dated]
    found: list[tuple[int, int, Item, Item]] = []  # in the sentences' order, as pairs
    for a in range(len(dated)):
        for b in range(a + 1, len(dated)):
            # (not one article's own sentences, nor outlets reporting weeks apart)
            if (alone[a] is None or alone[a] != alone[b]) and published_close(
                    published[a], published[b]):
                found += _kind_conflicts(dated[a], dated[b])
    # One item per outlet's date, shared by its pairs: 60 outlets giving one day against 60
    # giving another are one conflict of two versions, not 3,600 conflicts.
    items: list[Item] = []
    index: dict[tuple[int, int], int] = {}  # (article, offset) -> item
    pairs: list[tuple[int, int]] = []
    for _, _, first, second in sorted(found, key=lambda f: (f[0], f[1])):
        ends = []
        for item in (first, second):
            where = (item.sentence.article_index, item.start)
            if where not in index:
                index[where] = len(items)
                items.append(item)
            ends.append(index[where])
        pairs.append((ends[0], ends[1]))
    conflicts = []
    for component in components(items, pairs):
        members = [items[k] for k in component]
        versions = agreeing_versions(members, lambda x, y: x.value == y.value)
        if len(versions) > 1:
            conflicts.append(make_conflict("date", _event_words(members[0]), versions, articles))
    return conflicts


_Dated = tuple[list[tuple[int, Sentence]], set[str], list[tuple[DateMention, date, Any]]]


def _kind_conflicts(these: _Dated, those: _Dated) -> list[tuple[int, int, Item, Item]]:
    """The dates on which every pair of outlets giving two kinds of sentence disagree."""
    (mine, ca, da), (theirs, cb, db) = these, those
    shared = ca & cb
    if len(shared) < MIN_SHARED_DATE or len(shared) / len(ca | cb) < MIN_JACCARD_DATE:
        return []
    picked = {True: _disagreeing(mine[0][1], da, theirs[0][1], db)}
    if theirs[0][0] < mine[-1][0]:  # some outlet gives the second kind first
        picked[False] = _disagreeing(theirs[0][1], db, mine[0][1], da)
    if not any(picked.values()):
        return []
    found = []
    for pa, sa in mine:
        for pb, sb in theirs:
            if sa.article_index != sb.article_index and (chosen := picked[pa < pb]):
                (first, x), (second, y) = ((sa, mine[0][1]), (sb, theirs[0][1])) if pa < pb \
                    else ((sb, theirs[0][1]), (sa, mine[0][1]))
                found.append((min(pa, pb), max(pa, pb), _dated_item(first, x, chosen[0], shared),
                              _dated_item(second, y, chosen[1], shared)))
    return found


def _dated_item(s: Sentence, kind: Sentence, mention: tuple[DateMention, date],
                shared: set[str]) -> Item:
    """A date found in ``kind`` (a sentence of the same text), where it sits in ``s``."""
    m, day = mention
    shift = s.start - kind.start
    return Item(s, shared, day, m.start + shift, m.end + shift, m.expression)


def _disagreeing(sa: Sentence, da: list[tuple[DateMention, date, Any]], sb: Sentence,
                 db: list[tuple[DateMention, date, Any]]
                 ) -> tuple[tuple[DateMention, date], tuple[DateMention, date]] | None:
    """The dates two sentences give one event, if they tell one and no date of one matches
    a date of the other (a day apart may match for an overnight event)."""
    slack = 1 if _OVERNIGHT.search(sa.text) or _OVERNIGHT.search(sb.text) else 0
    same_event = [(same_clause(xc, yc), x, xd, y, yd)
                  for x, xd, xc in da for y, yd, yc in db if same_clause(xc, yc)]
    if not same_event or any(abs((xd - yd).days) <= slack for _, _, xd, _, yd in same_event):
        return None
    _, x, xd, y, yd = max(same_event, key=lambda t: t[0])
    return (x, xd), (y, yd)


def _event_words(item: Item) -> str:
    """A few words the outlets share about the event: what the conflicting date is of."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", item.sentence.text)
             if stem(w.lower()) in item.content]
    return " ".join(list(dict.fromkeys(words))[:4])
