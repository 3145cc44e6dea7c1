"""Figures as intervals: units, approximations, words, and what each figure measures."""

from __future__ import annotations

import pytest

from newsweave.summarizer.quantities import Quantity, find_quantities


def one(sentence: str, degraded: bool = False) -> Quantity:
    found = find_quantities(sentence, degraded=degraded)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("nearly 30,000 troops were deployed", "30,000 troops were deployed"),
        ("more than 20 people were killed", "25 people were killed"),
        ("a fund of $1.2 million", "a fund of 1.2m dollars"),
        ("taxes rose 3 percent", "taxes rose 3%"),
        ("seventeen people died", "17 people died"),
        ("two dozen shelters opened", "24 shelters opened"),
        ("dozens were injured", "41 were injured"),
        ("the epicentre was 25 miles south", "the epicentre was 40 km south"),
        ("winds of 120 mph", "winds of 193 km/h"),
        ("15 inches of rain", "38 centimeters of rain"),
        ("about 310,000 customers", "about 300,000 customers"),
        ("a $4bn charge", "a $4 billion charge"),
        ("Four thousand nurses", "Some 4,000 nurses"),
        # a currency named after the figure makes "m" millions, not metres
        ("a 400m yuan replica of the port", "a replica costing about 400 million yuan"),
    ],
)
def test_agreeing_figures(a: str, b: str) -> None:
    qa, qb = one(a), one(b)
    assert qa.unit == qb.unit
    assert qa.agrees(qb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("17 people were killed", "23 people were killed"),
        ("a $412 million budget", "a $421 million budget"),
        ("taxes rose 5%", "taxes rose 6%"),
        ("three people died", "four people died"),
        ("1,500 jobs", "1,200 jobs"),
        ("a magnitude 6.1 earthquake", "a magnitude 6.4 earthquake"),
        ("fined $250,000", "fined $25,000"),
    ],
)
def test_conflicting_figures(a: str, b: str) -> None:
    assert not one(a).agrees(one(b))


def test_vague_words_are_ranges() -> None:
    dozens = one("dozens of people were hurt")
    assert (dozens.low, dozens.high) == (24, 99)
    assert one("hundreds were injured").low == 200


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("A fire killed 17 people on Tuesday.", "dead"),
        ("At least 23 people died in the fire.", "dead"),
        ("The death toll rose to 23 on Wednesday.", "dead"),
        ("The company will cut 1,500 jobs.", "jobs"),
        ("It plans to eliminate 1,200 positions.", "jobs"),
        ("The U.S. keeps nearly 30,000 U.S. troops there.", "troops"),
        ("A magnitude 6.1 earthquake struck.", "magnitude"),
        ("Shares fell 8 percent in late trading.", "shares"),
        ("Thieves stole 12 pieces of antique jewellery.", "jewelleri"),
        ("Organizers put the crowd at 20,000.", "crowd"),
    ],
)
def test_measure_of_a_figure(sentence: str, measure: str) -> None:
    assert one(sentence).measure == measure


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge was built in 1958 and rebuilt later.",  # a year
        "The fire broke out at 2 a.m. near the docks.",  # a time
        "Victor Lanz, 52, was sentenced in court.",  # an age
        "The two leaders met for dinner in Hanoi.",  # a reference, not a report
        "Six of the injured died in hospital overnight.",  # a part of a total
        "The earthquake struck on March 4 near the coast.",  # the day of a date
        "Two deaths were under investigation as possibly storm-related.",  # hedged
        "It was the worst accident on record, two years ago.",  # "two years ago" is a date
        "They attended a two-day summit in Hanoi.",  # a compound adjective
        "She ran a 400m race in Hallam.",  # metres, rarely worth comparing
    ],
)
def test_figures_that_are_not_comparable_counts(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_tallies_compare_both_numbers() -> None:
    a = one("The Senate passed the bill by a vote of 70 to 29.")
    b = one("Senators approved the bill 67-29 on Friday.")
    c = one("It passed by 70 votes to 29 after a long session.")
    assert (a.unit, a.measure) == ("tally", "votes")
    assert not a.agrees(b) and a.agrees(c)


def test_only_the_first_figure_of_a_measure_per_sentence() -> None:
    found = find_quantities("She took 52 percent of the vote to 46 percent for her rival.")
    assert [q.text for q in found] == ["52 percent"]


def test_degraded_text_keeps_spaced_thousands_and_drops_split_decimals() -> None:
    troops = one("the u s maintains nearly 30 000 troops in south korea", degraded=True)
    assert troops.measure == "troops" and troops.low < 30_000 < troops.high
    assert find_quantities("the quake had a magnitude of 6 1 according to", degraded=True) == []


def test_offsets_point_into_the_sentence() -> None:
    sentence = "Police arrested more than 200 people on Saturday."
    (q,) = find_quantities(sentence, base=100)
    assert sentence[q.start - 100:q.end - 100] == q.text == "more than 200"
