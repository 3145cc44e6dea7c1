"""One person's full names as outlets vary them: middle names, initials, nicknames."""

from __future__ import annotations

import pytest

from newsweave.analysis.person_names import (
    PersonName,
    nicknames_of,
    one_person_names,
    parse,
    same_person,
)


def _one(a: str, b: str) -> bool:
    first, second = parse(a), parse(b)
    assert first is not None and second is not None
    return same_person(first, second)


def test_a_name_s_parts_folded_initials_split_suffix_and_quotes_off() -> None:
    assert parse("Donald J. Trump") == PersonName("donald", ("j",), "trump")
    assert parse("L.C. Handy") == PersonName("l", ("c",), "handy")
    assert parse('James "Derek" Lovelace') == PersonName("james", ("derek",), "lovelace")
    assert parse("Martin Luther King Jr.") == PersonName("martin", ("luther",), "king", "jr")
    assert parse("Carmen Yulín Cruz") == PersonName("carmen", ("yulin",), "cruz")
    assert parse("Kim Jong-un") == PersonName("kim", ("jong",), "un")
    assert parse("Trump") is None
    assert parse("King Jr.") is None


@pytest.mark.parametrize(("a", "b"), [
    ("Donald Trump", "Donald J. Trump"),
    ("Alexander M. McCook", "Alexander McDowell McCook"),
    ("L.C. Handy", "Levin Corbin Handy"),
    ("Matt Lesser", "Matthew Lesser"),
    ("Mike Pompeo", "Michael Pompeo"),
    ("Ed Snowden", "Edward Snowden"),
    ("Yulin Cruz", "Yulín Cruz"),
    ("Mary O’Neill", "Mary O'Neill"),
    ("Zack Brown", "Zack Danger Brown"),
    ("Walter L. Nixon Jr.", "Walter L. Nixon"),
    ("Jack Smith", "John F. Smith Jr."),
])
def test_one_person(a: str, b: str) -> None:
    assert _one(a, b) and _one(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Pat Dodson", "Jerry Dodson"),
    ("Serena Williams", "Venus Williams"),
    ("Bill Clinton", "Hillary Clinton"),
    ("George W. Bush", "George H.W. Bush"),
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Charlie Gard", "Chris Gard"),
    ("John A. Boehner", "John B. Boehner"),
    ("Irving Powless Jr.", "Irving Powless Sr."),
])
def test_two_people(a: str, b: str) -> None:
    assert not _one(a, b) and not _one(b, a)


def test_nicknames_go_both_ways() -> None:
    assert "michael" in nicknames_of("mike")
    assert "mike" in nicknames_of("michael")
    assert "hillary" not in nicknames_of("bill")


def test_names_group_where_every_two_agree() -> None:
    names = ["Donald Trump", "Melania Trump", "Donald J. Trump", "Mike Elliott", "Michael Elliott",
             "Elliott"]
    assert sorted(map(sorted, one_person_names(names))) == [[0, 2], [3, 4]]


def test_a_vague_name_never_joins_two_people() -> None:
    # "George Bush" agrees with both, who do not agree with each other: three entries stay
    assert one_person_names(["George Bush", "George W. Bush", "George H.W. Bush"]) == []
    assert one_person_names(["J. Smith", "John Smith", "Jane Smith"]) == []
