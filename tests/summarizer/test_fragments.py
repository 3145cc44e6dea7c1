"""Verbless fragments are never shown; real sentences, rare verbs included, always may be."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsweave
from newsweave.model import Article, Story
from newsweave.summarizer.fragments import (
    DEFAULT_TABLE,
    FiniteVerbs,
    is_fragment,
    load_finite_verbs,
)
from newsweave.summarizer.train_fragments import estimate


@pytest.mark.parametrize("text", [
    "Half the valley road still under a metre of mud.",
    "No dry bed in the whole shelter for the night.",
    "Justice for the families who lost everything.",
    "The truth about what the council knew before the flood.",
    "Background on Monday's transition at the port authority from the old board to the new one.",
    "$40 million a year in flood protection for the river towns by 2030, with more to follow.",
    "A bus full of commuters.",
    # a police blotter's address and its label: an initial and words in capitals are no verb
    "4500 block of Harbour Street S.",
    "LARCENY FROM AUTO, 2017-0412, 900 block of Quay Road.",
])
def test_a_line_with_no_verb_of_its_own_is_a_fragment(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize("text", [
    "The river rose four metres overnight.",
    "Engineers who inspected the dam said it would hold.",  # the relative clause has its verb
    "The report that the council commissioned was published on Friday.",
    "That is what the mayor promised the valley.",  # "that" the subject, not a relative
    "Volunteers sandbagged the school before dawn.",  # "-ed": could be a past tense
    "Guides snorkel around the wreck in shifts of twenty minutes.",  # a verb the table lacks
    "It's the third flood in a decade, officials say.",
    "The boats can't reach the upper valley.",
    "NASA said the launch would slip.",  # an acronym, then the verb
    "POLICE SAY THE FERRY SANK.",  # a line in capitals has its verbs in capitals
])
def test_a_sentence_with_a_verb_is_no_fragment(text: str) -> None:
    assert not is_fragment(text)


@pytest.mark.parametrize("text", [
    "Мост через гавань обрушился во вторник вечером.",
    "港口大桥周二晚上倒塌，九人死亡。",
    "Γέφυρα του λιμανιού κατέρρευσε την Τρίτη.",
])
def test_text_in_another_script_is_not_judged(text: str) -> None:
    assert not is_fragment(text)


def test_a_name_is_no_verb() -> None:
    verbs = FiniteVerbs({"said": 0.9})
    assert verbs.can_be_finite("Said", first=True)
    assert not verbs.can_be_finite("Said", first=False)  # "Mayor Said", a name
    assert verbs.can_be_finite("Marsh", first=True)  # unknown: could be a verb


def test_the_table_is_learnt_from_tags_and_round_trips(tmp_path: Path) -> None:
    tagged = [[("Floods", "NNS"), ("hit", "VBD"), ("the", "DT"), ("hit", "NN")],
              [("the", "DT"), ("floods", "NNS"), ("floods", "VBZ"), ("hit", "VBP"),
               ("rare", "JJ")]]
    table = estimate(tagged)
    assert table.share == {"floods": pytest.approx(1 / 3), "hit": pytest.approx(2 / 3)}
    table.save(tmp_path / "t.tsv.gz")
    assert FiniteVerbs.load(tmp_path / "t.tsv.gz").share == pytest.approx(table.share, abs=1e-3)


def test_the_shipped_table_knows_nouns_from_verbs() -> None:
    verbs = load_finite_verbs(DEFAULT_TABLE)
    assert len(verbs.share) > 10_000
    assert verbs.can_be_finite("said", first=False)
    assert verbs.can_be_finite("is", first=False)
    assert not verbs.can_be_finite("coast", first=False)
    assert not verbs.can_be_finite("truth", first=False)


def test_a_summary_never_shows_a_line_of_a_list() -> None:
    flood = ("Floodwater swept through the river town of Ellamere on Sunday, forcing 3,000 "
             "residents from their homes. The mayor said the levee failed shortly after "
             "midnight. What the town still needs: Clean water for the shelters at the "
             "school. Blankets for the families who lost everything in the water. Engineers "
             "said the levee would be rebuilt by the spring.")
    second = ("Three thousand people left Ellamere on Sunday after the river broke through "
              "its levee. Clean water for the shelters at the school. Rescue boats carried "
              "elderly residents from flooded streets, the fire service said.")
    story = Story([Article("a", "Valley Post", flood), Article("b", "River Times", second)])
    shown = [s.text for s in newsweave.summarize(story).sentences]
    assert shown
    assert not [text for text in shown if text.startswith(("Clean water", "Blankets"))]

