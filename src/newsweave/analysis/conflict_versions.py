"""How a conflict is told: each outlet's evidence, grouped into versions that can all be
true together, the newest version marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsweave.analysis.timeline import published_date
from newsweave.links import Links
from newsweave.model import Article, Sentence
from newsweave.summarizer.quantities import Quantity


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
class Item:
    """One outlet's value (a figure, a day, a name), where it sits, and its sentence."""

    sentence: Sentence
    content: set[str]
    value: Quantity | date | str
    start: int
    end: int
    text: str
    places: frozenset[str] = frozenset()  # the story's places this sentence names
    figures: tuple[Quantity, ...] = ()  # every figure of the sentence, of any measure


def newest(versions: list[list[Item]], articles: list[Article]) -> int | None:
    latest = [max((published_date(articles[i.sentence.article_index]) or date.min for i in v),
                  default=date.min) for v in versions]
    best = max(latest)
    return latest.index(best) if best != date.min and latest.count(best) == 1 else None


def make_conflict(kind: str, measure: str, versions: list[list[Item]], articles: list[Article]
              ) -> Conflict:
    out = []
    for members in versions:
        evidence = [Evidence(i.sentence.article_index, i.text, i.sentence.start, i.sentence.end,
                             i.start, i.end, i.sentence.text) for i in members]
        first = min(members, key=lambda i: (i.sentence.article_index, i.start))
        out.append(ConflictVersion(first.text, sorted({e.article_index for e in evidence}),
                                   evidence))
    return Conflict(kind, measure, out, newest(versions, articles))


# Outlets published further apart than this report different moments, not one: a toll
# that rose over a month, a topic's figures of other years (DUC 2006's topics span years:
# "sentenced to two years" and "faces at least 20 years" are two men's; 38 of 50 conflicts
# on 10 topics went with this rule, none read as real), and each one's "on Tuesday" is
# another Tuesday. Undated outlets are always compared.
WINDOW_DAYS = 7


def published_close(a: date | None, b: date | None) -> bool:
    """Are two outlets' publication days close enough for their reports to disagree?"""
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def components(items: list[Item], linked: list[tuple[int, int]]) -> list[list[int]]:
    groups = Links(len(items))
    for a, b in linked:
        groups.link(a, b)
    return groups.groups()


def agreeing_versions(items: list[Item], agree: Callable[[Item, Item], bool]) -> list[list[Item]]:
    """Group values that can all be true together; precise values first, so a vague
    "dozens" joins a version without bridging two that disagree."""
    def width(i: Item) -> float:
        return i.value.high - i.value.low if isinstance(i.value, Quantity) else 0.0
    versions: list[list[Item]] = []
    # Per version, one member per value: agreeing depends on the values alone, so 10,000
    # outlets giving "nine" are checked once, not each against all the others.
    values: list[dict[Any, Item]] = []
    for item in sorted(items, key=width):
        home = next((k for k, seen in enumerate(values)
                     if all(agree(item, other) for other in seen.values())), None)
        if home is None:
            versions.append([])
            values.append({})
            home = len(versions) - 1
        versions[home].append(item)
        values[home].setdefault(value_key(item.value), item)
    return sorted(versions, key=lambda v: min((i.sentence.article_index, i.start) for i in v))


def value_key(value: Quantity | date | str) -> Any:
    """What :meth:`Quantity.agrees` (or equality of dates, names) reads of a value."""
    return (value.low, value.high, value.second) if isinstance(value, Quantity) else value


def only_article(giving: list[tuple[int, Sentence]]) -> int | None:
    """The article that alone gives these (order, sentence) pairs, if one does: one
    article's own sentences have no two outlets to disagree."""
    articles = {s.article_index for _, s in giving}
    return articles.pop() if len(articles) == 1 else None
