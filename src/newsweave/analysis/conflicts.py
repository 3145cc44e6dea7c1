"""Where outlets disagree: the same quantity, date, name or place reported differently.

A conflict is worth a reader's attention only if it is real, so precision comes first:
figures are compared only when they measure the same thing (same unit and measure class,
see :mod:`.numbers`) in sentences of different outlets that share enough content and are set
alike (same years, same rate, no two different places), and only when their intervals cannot
both be true ("nearly 30,000" and "29,500" can; "17" and "23" cannot). Dates are in
:mod:`.date_conflicts`, names and places in :mod:`.name_conflicts`.
"""

from __future__ import annotations

import re
from datetime import date

from newsweave.analysis.conflict_versions import (
    Conflict,
    ConflictVersion,
    Evidence,
    Item,
    agreeing_versions,
    components,
    make_conflict,
    published_close,
)
from newsweave.analysis.context import content_words, same_setting
from newsweave.analysis.date_conflicts import date_conflicts
from newsweave.analysis.name_conflicts import could_be_same, find_name_conflicts
from newsweave.analysis.names import places
from newsweave.analysis.timeline import published_date
from newsweave.model import Article, Sentence
from newsweave.summarizer.quantities import CLASSES, Quantity, find_quantities

__all__ = ["Conflict", "ConflictVersion", "Evidence", "find_conflicts"]

# Content words (besides the measure and "people") two sentences must share for their figures
# to be compared, and the share of their content words in common: on the raw Multi-News dev
# stories, pairs of unrelated figures sat at 0.09-0.13, the same figure told twice at 0.18+.
MIN_SHARED_NUMBER = 1
MIN_JACCARD_NUMBER = 0.15
# Looser where each outlet gives a story-central measure (deaths, a fine) only once.
MIN_JACCARD_SINGLE = 0.10
_GENERIC = frozenset({"peopl", "person"})
# Capitalised words after "in" that are times or organisations, not places.
_NOT_PLACES = frozenset("""January February March April May June July August September October
    November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An""".split())


# What a figure counts beyond its measure. A change, not a level: "gained 17,601 Twitter
# followers" counts no followers ("1.7 million followers on Twitter"); a part someone or
# somewhere owns: "New York City's three major airports" is a part of what "at least eight
# major airports" counts (raw dev). Each is compared only with figures of its own kind.
_CHANGE_BEFORE = re.compile(
    r"\b(?:gain(?:ed|s)?|lost|los(?:es|ing)|add(?:ed|s)|shed(?:s)?|grew|rose|fell|dropped|"
    r"increased|decreased|climbed|jumped|declined|up|down)(?: by)?\s+(?:(?:about|nearly|"
    r"almost|some|over|more than|at least)\s+)?$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})['’]s\s+$")
# A threshold or a case, not a report: "those with LDL of 190 or higher", "if a person's
# risk is lower with an LDL of 70", "can turn dire when a body temperature reaches more than
# 104 degrees" (raw dev: each set against a story's reported figure as a conflict), "58
# percent of respondents would choose Putin if the vote were held now" (DUC 2006).
_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+)?or (?:higher|more|less|lower|above|below|over|under|older|younger|"
    r"fewer|greater)\b")
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|unless|whenever)\b|\bwhen\b[^,;]{0,60}\b(?:reach(?:es)?|exceeds?|hits?|tops?)"
    r"\s+$", re.IGNORECASE)
_CONDITION_AFTER = re.compile(r"^[^,;:.—–]*\bif\b", re.IGNORECASE)
# A span a figure is counted over, and a count's progress: "over the next 15 years", "in
# the past 50 years", "With 93 percent of the vote counted" (DUC 2006: each against another
# outlet's span or progress as a conflict).
_PERIOD_BEFORE = re.compile(
    r"\b(?:over|for|in|within|during)(?: the| its)? (?:next|past|last|coming|previous|first)"
    r"\s+$|\b(?:after|within)\s+$", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?:years?|months?|weeks?|days?)$")
_SPAN = re.compile(r"^(?:over|within) .*\b(?:years?|months?|weeks?|days?)$")  # "over 10 years"
_COUNTED_AFTER = re.compile(
    r"^\s*of (?:[\w'’]+ ){0,2}(?:votes?|ballots|precincts|polling stations)\b(?: [\w'’]+){0,4}? "
    r"(?:counted|in|reported|reporting|tallied|processed)\b", re.IGNORECASE)


# A case a sentence sets before its figure: "When vehicles were parked in the sun, the
# temperatures rose to 116 degrees" (a test, set against the day's "high of 89 degrees" as a
# conflict on raw dev). Not for a count of the story's measures ("When police arrived, two
# men were dead" reports the toll).
_CASE_OPENING = re.compile(r"^(?:When|Whenever|If|Once)\b[^,]{3,80},")


def _reported(quantity: Quantity, before: str, after: str) -> bool:
    """Does the ``quantity``, between ``before`` and ``after`` in its sentence, report a
    value, not set a threshold, a case, a span or a count's progress?"""
    clause = re.split(r"[,;:—–]", before)[-1]
    period = bool(_PERIOD.search(quantity.text) and _PERIOD_BEFORE.search(before)
                  or _SPAN.match(quantity.text))
    return not (_THRESHOLD_AFTER.match(after) or _CONDITION_BEFORE.search(clause) or period
                or _COUNTED_AFTER.match(after) or _CONDITION_AFTER.match(after))


def _kind(before: str) -> str:
    """What more than its measure a figure with ``before`` before it counts: a change
    (" change"), a part that someone or somewhere owns ("@new york city"), or "" for a
    plain level."""
    owner = _OWNER_BEFORE.search(before)
    change = " change" if _CHANGE_BEFORE.search(before) else ""
    return change + (f"@{owner.group(1).lower()}" if owner else "")


def _number_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    groups: dict[tuple[str, str, str], list[Item]] = {}
    story_places = places([a.text for a in articles]) - _NOT_PLACES
    days = [published_date(a) for a in articles]
    for s in sentences:
        content = content_words(s.text)
        where = frozenset(re.findall(r"\b[A-Z][\w\-]*", s.text)) & story_places
        figures = tuple(find_quantities(s.text, s.start, s.degraded))
        sets_a_case = _CASE_OPENING.match(s.text) is not None
        for q in figures:
            before, after = s.text[:q.start - s.start], s.text[q.end - s.start:]
            if q.measure and _reported(q, before, after) and not (
                    sets_a_case and q.measure not in CLASSES):
                groups.setdefault((q.measure, _kind(before), q.unit), []).append(
                    Item(s, content, q, q.start, q.end, q.text, where, figures))
    conflicts: list[Conflict] = []
    for (measure, _, _), items in groups.items():
        if len({i.sentence.article_index for i in items}) < 2:
            continue
        linked = _link(items, measure, days)
        for component in components(items, linked):
            members = [items[k] for k in component]
            versions = agreeing_versions(members, _figures_agree)
            # "thousands died" does not contradict "1.6 million were killed": a version of
            # vague words alone is no grounds for a conflict
            solid = [v for v in versions
                     if any(isinstance(i.value, Quantity) and not i.value.vague for i in v)]
            outlets = [{i.sentence.article_index for i in v} for v in solid]
            if len(solid) > 1 and len(set().union(*outlets)) > 1:
                label = next(i.value.label for i in members if isinstance(i.value, Quantity))
                conflicts.append(make_conflict("number", label or measure, versions, articles))
    return conflicts


def _figures_agree(x: Item, y: Item) -> bool:
    return isinstance(x.value, Quantity) and isinstance(y.value, Quantity) and x.value.agrees(
        y.value)


def _link(items: list[Item], measure: str, days: list[date | None]
          ) -> list[tuple[int, int]]:
    """Which figures of one measure to compare: across outlets, each figure with the other
    outlet's figure whose sentence shares most content words with its own (and at least
    ``MIN_SHARED_NUMBER``), when that choice is mutual and the two sentences are set in the
    same years and count at the same rate ("a year").

    What two outlets link depends only on their figures' sentences, so outlets giving the
    same sentences (10,000 reprints of one wire story) are one kind, each pair of kinds is
    read once, and only enough links are returned to join what every pair would join: the
    caller wants the groups the links form, not each link. Outlets whose publication
    ``days`` are not ``published_close`` are not compared."""
    by_outlet: dict[int, list[int]] = {}
    for k, item in enumerate(items):
        by_outlet.setdefault(item.sentence.article_index, []).append(k)
    kinds: dict[tuple[str, ...], list[int]] = {}  # the outlets giving these sentences
    for outlet in sorted(by_outlet):
        sentences = tuple(items[k].sentence.text for k in by_outlet[outlet])
        kinds.setdefault(sentences, []).append(outlet)
    linked: list[tuple[int, int]] = []
    groups = list(kinds.values())
    for x, ours in enumerate(groups):
        for theirs in groups[x:]:
            pairs = _outlet_pairs(ours, theirs)
            if pairs:
                a, b = pairs[0]
                pattern = _pair_links(items, by_outlet[a], by_outlet[b], measure)
                linked += [(by_outlet[a][i], by_outlet[b][j]) for a, b in pairs
                           if published_close(days[a], days[b]) for i, j in pattern]
    return linked


def _outlet_pairs(ours: list[int], theirs: list[int]) -> list[tuple[int, int]]:
    """Pairs of outlets of two kinds that join what all their pairs would: each outlet with
    the other kind's first. Within one kind, each outlet with (and from) its first three:
    there outlet A's first figure joins A's second only through two others (A1-B2-C1-A2)."""
    if ours is not theirs:
        return [(ours[0], b) for b in theirs] + [(a, theirs[0]) for a in ours[1:]]
    return list(dict.fromkeys(pair for hub in ours[:3] for other in ours if other != hub
                              for pair in ((hub, other), (other, hub))))


def _pair_links(items: list[Item], mine: list[int], theirs: list[int], measure: str
                ) -> list[tuple[int, int]]:
    """The figures two outlets link, as positions in ``mine`` and ``theirs``."""
    if len(mine) == len(theirs) == 1 and measure in CLASSES and _related(
            items[mine[0]], items[theirs[0]], MIN_JACCARD_SINGLE):
        return [(0, 0)]  # the story's one death toll, one fine
    best_of = {k: _best(items, k, theirs if k in mine else mine, measure)
               for k in mine + theirs}
    return [(x, y) for x, a in enumerate(mine) for y, b in enumerate(theirs)
            if best_of[a] == b and best_of[b] == a]


def _best(items: list[Item], k: int, others: list[int], measure: str) -> int | None:
    """The other outlet's figure whose sentence shares most with figure ``k`` (None on a tie)."""
    others = [o for o in others if _related(items[o], items[k])]
    shared = sorted(((len((items[k].content & items[o].content) - {measure} - _GENERIC), o)
                     for o in others), reverse=True)
    if not shared or shared[0][0] < MIN_SHARED_NUMBER or (
            len(shared) > 1 and shared[0][0] == shared[1][0]):
        return None
    return shared[0][1]


def _related(a: Item, b: Item, threshold: float = MIN_JACCARD_NUMBER) -> bool:
    """Sentences similar enough, and set alike, for their figures to be about one thing."""
    overlap = len(a.content & b.content) / max(1, len(a.content | b.content))
    elsewhere = bool(a.places and b.places and not a.places & b.places)  # Beirut, Benghazi
    return (overlap >= threshold and same_setting(a.sentence, b.sentence) and not elsewhere
            and not _gives_the_others_figure(a, b) and not _gives_the_others_figure(b, a))


def _gives_the_others_figure(a: Item, b: Item) -> bool:
    """Does ``a``'s sentence also give ``b``'s figure, as words of its own? "Three
    Republicans voted present" and "Only 7 Republicans voted against the bill, while three
    others voted present" do not disagree; nor "10 portions a day" and "five portions is
    good, ten a day is even better". Not a one or a two: those turn up anywhere."""
    value = b.value
    if not isinstance(value, Quantity) or value.high <= 2:
        return False
    return any(q.agrees(value) and not q.vague for q in a.figures if q is not a.value)


def _name_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Pairs of outlets naming different people or places for one fact, grouped: outlets
    that name the same one are one version."""
    items: list[Item] = []
    index: dict[tuple[int, int], int] = {}  # (article, offset) -> item: pairs share versions
    pairs: list[tuple[int, int]] = []
    labels: dict[int, tuple[str, str]] = {}
    for found in find_name_conflicts(articles, sentences):
        ends = []
        for version in (found.first, found.second):
            key = (version.sentence.article_index, version.start)
            if key not in index:
                index[key] = len(items)
                items.append(Item(version.sentence, set(), version.value, version.start,
                                   version.end, version.value))
            ends.append(index[key])
            labels.setdefault(index[key], (found.kind, found.measure))
        pairs.append((ends[0], ends[1]))
    conflicts = []
    for component in components(items, pairs):
        members = [items[k] for k in component]
        versions = agreeing_versions(
            members, lambda x, y: could_be_same(str(x.value), str(y.value)))
        if len(versions) > 1:
            kind, measure = labels[component[0]]
            conflicts.append(make_conflict(kind, measure, versions, articles))
    return conflicts


def find_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[Conflict]:
    """Every figure, event date, name and place that outlets of one story report
    incompatibly."""
    return (_number_conflicts(articles, sentences) + date_conflicts(articles, sentences)
            + _name_conflicts(articles, sentences))
