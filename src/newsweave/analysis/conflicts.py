"""Where outlets disagree: the same quantity or date reported differently.

A conflict is worth a reader's attention only if it is real, so precision comes first:
figures are compared only when they measure the same thing (same unit and measure class,
see :mod:`.numbers`) in sentences of different outlets that share enough content and are set
alike (same years, same rate, no two different places), and only when their intervals cannot
both be true ("nearly 30,000" and "29,500" can; "17" and "23" cannot). Dates are compared
only between sentences that tell the same event, and only if no date of one matches a date
of the other; "overnight" events may straddle midnight and get a day of slack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsweave.analysis.context import (
    clause_text,
    content_words,
    date_clause,
    same_clause,
    same_setting,
)
from newsweave.analysis.name_conflicts import could_be_same, find_name_conflicts
from newsweave.analysis.names import places
from newsweave.analysis.timeline import DateMention, date_mentions, published_date
from newsweave.links import Links
from newsweave.model import Article, Sentence
from newsweave.summarizer.quantities import CLASSES, Quantity, find_quantities
from newsweave.text import stem

# Content words (besides the measure and "people") two sentences must share for their figures
# to be compared, and the share of their content words in common: on the raw Multi-News dev
# stories, pairs of unrelated figures sat at 0.09-0.13, the same figure told twice at 0.18+.
MIN_SHARED_NUMBER = 1
MIN_JACCARD_NUMBER = 0.15
# Looser where each outlet gives a story-central measure (deaths, a fine) only once.
MIN_JACCARD_SINGLE = 0.10
MIN_SHARED_DATE = 2  # content words (names aside) two sentences share to tell one event
MIN_JACCARD_DATE = 0.15
# Dates of a state or an update, not of the event: "35% contained by Sunday", "the toll rose
# to 23 on Wednesday" (the fire was on Tuesday).
_STATUS = re.compile(r"^(?:by|as of)\b", re.IGNORECASE)
_UPDATE = re.compile(r"\b(?:rose|risen|climbed|increased|reached|stood|grew|jumped|fell|dropped|"
                     r"declined|revised|remained|remain)\b", re.IGNORECASE)
_GENERIC = frozenset({"peopl", "person"})
# Capitalised words after "in" that are times or organisations, not places.
_NOT_PLACES = frozenset("""January February March April May June July August September October
    November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An""".split())
_OVERNIGHT = re.compile(r"\b(?:overnight|all-night|through the night)\b", re.IGNORECASE)


@dataclass
class Evidence:
    """Where one outlet states one version: the sentence, and the value inside it."""

    article_index: int
    value: str  # the value as this outlet wrote it
    start: int  # sentence offsets in article.text
    end: int
    value_start: int
    value_end: int
    text: str  # the sentence

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class ConflictVersion:
    """One of the competing values and the outlets that report it."""

    value: str  # as the first outlet wrote it: "17", "$421 million", "on June 12"
    articles: list[int]
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "articles": self.articles,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class Conflict:
    """Outlets reporting the same measure (or event date) with incompatible values."""

    kind: str  # "number", "date", "name" or "place"
    # What is measured: "dead", "budget"; the event's words for a date; the words before a
    # name or place, or the role it is named in ("manager plant")
    measure: str
    versions: list[ConflictVersion]
    newest_version: int | None  # the version from the latest-published outlet, if one is

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "measure": self.measure,
                "versions": [v.to_dict() for v in self.versions],
                "newest_version": self.newest_version}


@dataclass
class _Item:
    sentence: Sentence
    content: set[str]
    value: Quantity | date | str
    start: int
    end: int
    text: str
    places: frozenset[str] = frozenset()  # the story's places this sentence names


def _newest(versions: list[list[_Item]], articles: list[Article]) -> int | None:
    latest = [max((published_date(articles[i.sentence.article_index]) or date.min for i in v),
                  default=date.min) for v in versions]
    best = max(latest)
    return latest.index(best) if best != date.min and latest.count(best) == 1 else None


def _conflict(kind: str, measure: str, versions: list[list[_Item]], articles: list[Article]
              ) -> Conflict:
    out = []
    for members in versions:
        evidence = [Evidence(i.sentence.article_index, i.text, i.sentence.start, i.sentence.end,
                             i.start, i.end, i.sentence.text) for i in members]
        first = min(members, key=lambda i: (i.sentence.article_index, i.start))
        out.append(ConflictVersion(first.text, sorted({e.article_index for e in evidence}),
                                   evidence))
    return Conflict(kind, measure, out, _newest(versions, articles))


def _components(items: list[_Item], linked: list[tuple[int, int]]) -> list[list[int]]:
    groups = Links(len(items))
    for a, b in linked:
        groups.link(a, b)
    return groups.groups()


def _versions(items: list[_Item], agree: Any) -> list[list[_Item]]:
    """Group values that can all be true together; precise values first, so a vague
    "dozens" joins a version without bridging two that disagree."""
    def width(i: _Item) -> float:
        return i.value.high - i.value.low if isinstance(i.value, Quantity) else 0.0
    versions: list[list[_Item]] = []
    for item in sorted(items, key=width):
        home = next((v for v in versions if all(agree(item, other) for other in v)), None)
        if home is None:
            versions.append([item])
        else:
            home.append(item)
    return sorted(versions, key=lambda v: min((i.sentence.article_index, i.start) for i in v))


def _number_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[_Item]] = {}
    story_places = places([a.text for a in articles]) - _NOT_PLACES
    for s in sentences:
        content = content_words(s.text)
        where = frozenset(re.findall(r"\b[A-Z][\w\-]*", s.text)) & story_places
        for q in find_quantities(s.text, s.start, s.degraded):
            if q.measure:
                groups.setdefault((q.measure, q.unit), []).append(
                    _Item(s, content, q, q.start, q.end, q.text, where))
    conflicts: list[Conflict] = []
    for (measure, _), items in groups.items():
        if len({i.sentence.article_index for i in items}) < 2:
            continue
        linked = _link(items, measure)
        for component in _components(items, linked):
            members = [items[k] for k in component]
            versions = _versions(members, lambda x, y: x.value.agrees(y.value))
            # "thousands died" does not contradict "1.6 million were killed": a version of
            # vague words alone is no grounds for a conflict
            solid = [v for v in versions
                     if any(isinstance(i.value, Quantity) and not i.value.vague for i in v)]
            outlets = [{i.sentence.article_index for i in v} for v in solid]
            if len(solid) > 1 and len(set().union(*outlets)) > 1:
                label = next(i.value.label for i in members if isinstance(i.value, Quantity))
                conflicts.append(_conflict("number", label or measure, versions, articles))
    return conflicts


def _link(items: list[_Item], measure: str) -> list[tuple[int, int]]:
    """Which figures of one measure to compare: across outlets, each figure with the other
    outlet's figure whose sentence shares most content words with its own (and at least
    ``MIN_SHARED_NUMBER``), when that choice is mutual and the two sentences are set in the
    same years and count at the same rate ("a year")."""
    by_outlet: dict[int, list[int]] = {}
    for k, item in enumerate(items):
        by_outlet.setdefault(item.sentence.article_index, []).append(k)
    linked: list[tuple[int, int]] = []
    outlets = sorted(by_outlet)
    for x, a_outlet in enumerate(outlets):
        for b_outlet in outlets[x + 1:]:
            mine, theirs = by_outlet[a_outlet], by_outlet[b_outlet]
            if len(mine) == len(theirs) == 1 and measure in CLASSES and _related(
                    items[mine[0]], items[theirs[0]], MIN_JACCARD_SINGLE):
                linked.append((mine[0], theirs[0]))  # the story's one death toll, one fine
                continue
            best_of = {k: _best(items, k, theirs if k in mine else mine, measure)
                       for k in mine + theirs}
            linked += [(a, b) for a in mine for b in theirs
                       if best_of[a] == b and best_of[b] == a]
    return linked


def _best(items: list[_Item], k: int, others: list[int], measure: str) -> int | None:
    """The other outlet's figure whose sentence shares most with figure ``k`` (None on a tie)."""
    others = [o for o in others if _related(items[o], items[k])]
    shared = sorted(((len((items[k].content & items[o].content) - {measure} - _GENERIC), o)
                     for o in others), reverse=True)
    if not shared or shared[0][0] < MIN_SHARED_NUMBER or (
            len(shared) > 1 and shared[0][0] == shared[1][0]):
        return None
    return shared[0][1]


def _related(a: _Item, b: _Item, threshold: float = MIN_JACCARD_NUMBER) -> bool:
    """Sentences similar enough, and set alike, for their figures to be about one thing."""
    overlap = len(a.content & b.content) / max(1, len(a.content | b.content))
    elsewhere = bool(a.places and b.places and not a.places & b.places)  # Beirut, Benghazi
    return overlap >= threshold and same_setting(a.sentence, b.sentence) and not elsewhere


def _event_dates(article: Article, s: Sentence) -> list[tuple[DateMention, date, Any]]:
    """The day-precise dates of events in a sentence, with their clauses; dates of a state
    ("by Sunday") or an update ("the toll rose to 23 on Wednesday") left out."""
    found = []
    for m in date_mentions(article, s):
        if m.date is not None and m.granularity == "day" and not _STATUS.match(m.expression) \
                and not _UPDATE.search(clause_text(s, m)):
            found.append((m, m.date, date_clause(s, m)))
    return found


def _date_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Same event, different day. Two sentences tell the same event when they share content
    words (names aside) and the clauses holding their dates share some too; they disagree
    when no date of one matches a date of the other in such a clause."""
    dated = [(s, content_words(s.text, fold=False), days) for s in sentences
             if (days := _event_dates(articles[s.article_index], s))]
    items: list[_Item] = []
    pairs: list[tuple[int, int]] = []
    for a in range(len(dated)):
        for b in range(a + 1, len(dated)):
            (sa, ca, da), (sb, cb, db) = dated[a], dated[b]
            shared = ca & cb
            if sa.article_index == sb.article_index or len(shared) < MIN_SHARED_DATE or (
                    len(shared) / len(ca | cb) < MIN_JACCARD_DATE):
                continue
            slack = 1 if _OVERNIGHT.search(sa.text) or _OVERNIGHT.search(sb.text) else 0
            same_event = [(same_clause(xc, yc), x, xd, y, yd)
                          for x, xd, xc in da for y, yd, yc in db if same_clause(xc, yc)]
            if not same_event or any(abs((xd - yd).days) <= slack
                                     for _, _, xd, _, yd in same_event):
                continue
            _, x, xd, y, yd = max(same_event, key=lambda t: t[0])
            items.append(_Item(sa, shared, xd, x.start, x.end, x.expression))
            items.append(_Item(sb, shared, yd, y.start, y.end, y.expression))
            pairs.append((len(items) - 2, len(items) - 1))
    conflicts = []
    for component in _components(items, pairs):
        unique: dict[tuple[int, int], _Item] = {}
        for k in component:
            unique.setdefault((items[k].sentence.article_index, items[k].start), items[k])
        members = list(unique.values())
        versions = _versions(members, lambda x, y: x.value == y.value)
        if len(versions) > 1:
            conflicts.append(_conflict("date", _event_words(members[0]), versions, articles))
    return conflicts


def _event_words(item: _Item) -> str:
    """A few words the outlets share about the event: what the conflicting date is of."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", item.sentence.text)
             if stem(w.lower()) in item.content]
    return " ".join(list(dict.fromkeys(words))[:4])


def _name_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Pairs of outlets naming different people or places for one fact, grouped: outlets
    that name the same one are one version."""
    items: list[_Item] = []
    index: dict[tuple[int, int], int] = {}  # (article, offset) -> item: pairs share versions
    pairs: list[tuple[int, int]] = []
    labels: dict[int, tuple[str, str]] = {}
    for found in find_name_conflicts(articles, sentences):
        ends = []
        for version in (found.first, found.second):
            key = (version.sentence.article_index, version.start)
            if key not in index:
                index[key] = len(items)
                items.append(_Item(version.sentence, set(), version.value, version.start,
                                   version.end, version.value))
            ends.append(index[key])
            labels.setdefault(index[key], (found.kind, found.measure))
        pairs.append((ends[0], ends[1]))
    conflicts = []
    for component in _components(items, pairs):
        members = [items[k] for k in component]
        versions = _versions(members, lambda x, y: could_be_same(str(x.value), str(y.value)))
        if len(versions) > 1:
            kind, measure = labels[component[0]]
            conflicts.append(_conflict(kind, measure, versions, articles))
    return conflicts


def find_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Every figure, event date, name and place that outlets of one story report
    incompatibly."""
    return (_number_conflicts(articles, sentences) + _date_conflicts(articles, sentences)
            + _name_conflicts(articles, sentences))
