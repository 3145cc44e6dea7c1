"""Conflicts over who and where: one fact, told by two outlets with a different name."""

from __future__ import annotations

from newsweave.analysis.conflicts import find_conflicts
from newsweave.analysis.name_conflicts import could_be_same, name_tokens


def _named(conflicts):
    return [(c.kind, sorted(v.value for v in c.versions)) for c in conflicts
            if c.kind in ("name", "place")]


def test_names_that_may_be_one_person_or_place():
    assert could_be_same("Sandra J. Kim", "Sandra Kim")
    assert could_be_same("Kim Jong-un", "Kim Jong Un")
    assert could_be_same("Muammar Gadhafi", "Moammar Qaddafi")  # spellings of one name
    assert could_be_same("Bertelsmann AG's", "Bertelsmann A.G.'s")
    assert could_be_same("Dr. Osei", "Helen Osei")
    assert not could_be_same("Paul Avery", "Peter Avery")
    assert not could_be_same("Lucas Vermeer", "Lucas Vermeulen")
    assert not could_be_same("Dunmore", "Eastfield")
    assert name_tokens("Children’s Hospital") == name_tokens("Children's hospital")


def test_a_different_name_in_the_same_sentence_is_a_name_conflict(make_story):
    articles, sentences = make_story(
        "The ferry's captain, Tomas Brandt, was among those pulled from the water by a crew.",
        "The ferry's captain, Erik Solberg, was pulled from the water by a fishing crew.",
        "Officials said the ferry's captain, Tomas Brandt, was pulled from the water.",
    )
    (conflict,) = find_conflicts(articles, sentences)
    assert conflict.kind == "name"
    versions = {v.value: v.articles for v in conflict.versions}
    assert versions == {"Tomas Brandt": [0, 2], "Erik Solberg": [1]}
    for version in conflict.versions:
        for e in version.evidence:
            text = articles[e.article_index].text
            assert text[e.value_start:e.value_end] == e.value
            assert text[e.start:e.end] == e.text


def test_a_different_place_after_a_preposition_is_a_place_conflict(make_story):
    articles, sentences = make_story(
        "An explosion tore through a paint factory in Dunmore on Tuesday, injuring nine workers.",
        "An explosion tore through a paint factory in Eastfield on Tuesday, leaving nine hurt.",
    )
    assert _named(find_conflicts(articles, sentences)) == [("place", ["Dunmore", "Eastfield"])]


def test_names_an_outlet_also_gives_or_spoke_to_are_not_conflicts(make_story):
    articles, sentences = make_story(
        "Dunmore, a town in Hallam County, lost power. A blast hit a paint plant in Dunmore "
        "on Tuesday.",
        "A blast hit a paint plant in Hallam County on Tuesday.",
        "Lena Ortiz, a coastguard spokeswoman, told the BBC the sea had been calm.",
        "Lena Ortiz, a coastguard spokeswoman, told Sky News the sea had been calm.",
    )
    assert _named(find_conflicts(articles, sentences)) == []


def test_sentences_differing_in_two_names_tell_two_facts(make_story):
    articles, sentences = make_story(
        "The minister made the remarks while meeting his German counterpart Roman Herzog.",
        "The minister made the remarks while meeting his Japanese counterpart Keizo Obuchi.",
    )
    assert _named(find_conflicts(articles, sentences)) == []


def test_roles_are_compared_only_between_outlets_dated_within_a_week(make_story):
    first = "The plant manager, Victor Hale, said the fire was out within an hour."
    second = "Plant manager Dennis Roper told reporters nobody was seriously hurt."
    articles, sentences = make_story((first, "2022-03-09"), (second, "2022-03-10"))
    assert _named(find_conflicts(articles, sentences)) == [
        ("name", ["Dennis Roper", "Victor Hale"])]
    for dates in ((None, None), ("2022-03-09", "2023-06-01")):
        articles, sentences = make_story((first, dates[0]), (second, dates[1]))
        assert _named(find_conflicts(articles, sentences)) == []


def test_offices_and_roles_held_by_many_are_not_compared(make_story):
    articles, sentences = make_story(
        ("Prime Minister Benjamin Netanyahu met settler leaders.", "1999-10-01"),
        ("Prime Minister Ehud Barak visited the settlement.", "1999-10-02"),
        ("Zhang Xiaojin, a political scientist at Tsinghua University, said it mattered.",
         "1999-10-02"),
        ("Jiannan Zhu, a political scientist, said little would change.", "1999-10-03"),
    )
    assert _named(find_conflicts(articles, sentences)) == []
