"""Item 8: comparing every pair of outlets' sentences for conflicts reads each distinct
sentence once: 300 outlets repeating one wire sentence are judged without a regular
expression per pair, and identical sentences are never aligned word by word. Outlets that
repeat the same sentences are compared once per kind, not pair by pair (counted, not timed)."""

from __future__ import annotations

from types import ModuleType

import pytest

from newsweave.analysis import (
    conflict_versions,
    conflicts,
    context,
    date_conflicts,
    name_conflicts,
)
from newsweave.analysis.conflicts import find_conflicts
from newsweave.model import Article, Sentence
from newsweave.summarizer.quantities import find_quantities

WIRE = ("Mayor Renata Vos said in Port Ellis on Tuesday that nine people died when the bridge "
        "fell in 2009.")


def _counted(monkeypatch, module: ModuleType, name: str) -> list[int]:  # type: ignore[no-untyped-def]
    """Replace ``module.name`` by itself, counting its calls in the list returned."""
    calls: list[int] = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: calls.append(1) or real(*args))
    return calls


def test_identical_sentences_are_read_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    aligned = _counted(monkeypatch, name_conflicts, "_slots")
    context._setting.cache_clear()
    articles = [Article(id=f"a{i}", source=f"a{i}", text=WIRE) for i in range(300)]
    sentences = [Sentence(i, 0, len(WIRE), WIRE, 0) for i in range(300)]
    assert find_conflicts(articles, sentences) == []
    assert not aligned
    assert context._setting.cache_info().misses == 1


def _outlets(*texts: tuple[str, int] | tuple[str, int, str]
             ) -> tuple[list[Article], list[Sentence]]:
    """``count`` outlets giving each one-sentence text (published on a day, if given)."""
    told = [(t[0], t[2] if len(t) > 2 else None) for t in texts for _ in range(t[1])]
    articles = [Article(id=f"a{i}", source=f"a{i}", text=text, published=day)
                for i, (text, day) in enumerate(told)]
    return articles, [Sentence(i, 0, len(a.text), a.text, 0) for i, a in enumerate(articles)]


def test_outlets_repeating_figures_are_linked_by_kind_not_pair_by_pair(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # 150 outlets say nine died, 150 say twelve: one conflict citing all 300, from a number
    # of links that grows with the outlets (every pair was linked: 44,850 links).
    articles, sentences = _outlets(
        ("Nine people died when the harbour bridge collapsed on Tuesday evening.", 150),
        ("Twelve people died when the harbour bridge collapsed on Tuesday evening.", 150))
    counts: list[int] = []
    link = conflicts._link
    monkeypatch.setattr(conflicts, "_link", lambda found, measure, days: counts.append(
        len(found)) or counts.append(len(links := link(found, measure, days))) or links)
    (conflict,) = find_conflicts(articles, sentences)
    assert [v.articles for v in conflict.versions] == [list(range(150)), list(range(150, 300))]
    assert counts[0] == 300 and counts[1] < 10 * 300


def test_versions_check_each_value_once() -> None:
    articles, sentences = _outlets(("Nine people died when the bridge fell.", 400))
    found = [conflict_versions.Item(s, set(), q, q.start, q.end, q.text) for s in sentences
             for q in find_quantities(s.text, s.start) if q.measure]
    calls: list[int] = []
    def agree(x: conflict_versions.Item, y: conflict_versions.Item) -> bool:
        calls.append(1)
        return x.value.agrees(y.value)  # type: ignore[union-attr]
    (version,) = conflict_versions.agreeing_versions(found, agree)
    assert len(version) == 400 and len(calls) < 400  # was 79,800: each against all the others


# Two texts told by many outlets, differing in a name or a day: one conflict citing every
# outlet, from one comparison of the two texts (was one per pair of outlets: 1,600 name
# alignments for 40 + 40 outlets, 7,140 date comparisons for 60 + 60 sentences).
@pytest.mark.parametrize(("module", "judge", "first", "second", "each"), [
    (name_conflicts, "_slots",
     ("The ferry's captain, Tomas Brandt, was pulled from the water by a fishing crew.",),
     ("The ferry's captain, Erik Solberg, was pulled from the water by a fishing crew.",), 40),
    (date_conflicts, "_disagreeing",
     ("The city council approved a $412 million budget on Tuesday, raising taxes.",
      "2023-06-14"),
     ("The city council approved a $412 million budget on June 12, raising taxes.",
      "2023-06-15"), 60),
])
def test_two_texts_told_by_many_outlets_are_compared_once(  # type: ignore[no-untyped-def]
        monkeypatch, module: ModuleType, judge: str, first: tuple[str, ...],
        second: tuple[str, ...], each: int) -> None:
    compared = _counted(monkeypatch, module, judge)
    articles, sentences = _outlets((first[0], each, *first[1:]), (second[0], each, *second[1:]))
    (conflict,) = find_conflicts(articles, sentences)
    assert [v.articles for v in conflict.versions] == [list(range(each)),
                                                       list(range(each, 2 * each))]
    assert len(compared) == 1


def test_outlets_naming_one_person_in_a_role_are_not_paired(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    looked_up = _counted(monkeypatch, name_conflicts, "_role_version")
    articles, sentences = _outlets(
        ("The plant manager, Victor Hale, said the fire was out within an hour.", 100,
         "2022-03-09"),
        ("Plant manager Dennis Roper told reporters nobody was seriously hurt.", 1, "2022-03-10"))
    assert [(c.kind, sorted(v.value for v in c.versions)) for c in find_conflicts(
        articles, sentences)] == [("name", ["Dennis Roper", "Victor Hale"])]
    assert len(looked_up) <= 101  # was 10,100: twice per pair of outlets


def test_one_articles_own_sentences_are_never_aligned(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # One article of near-identical sentences (a 4.9 MB log of inspections) has no two
    # outlets to disagree: no pair of its sentences is aligned word by word.
    aligned = _counted(monkeypatch, name_conflicts, "_slots")
    said = [f"Inspector {name} found a crack in pier {i} of the span, officials said."
            for i, name in enumerate(["Ann Moss", "Raj Patel", "Li Wei", "Omar Haddad"] * 10)]
    text = " ".join(said)
    starts = [text.index(s) for s in said]
    sentences = [Sentence(0, start, start + len(s), s, k)
                 for k, (start, s) in enumerate(zip(starts, said, strict=True))]
    assert find_conflicts([Article(id="a", source="a", text=text)], sentences) == []
    assert not aligned
