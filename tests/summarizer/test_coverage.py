"""Selection by concept coverage, for stories of many articles."""

from __future__ import annotations

import numpy as np
import pytest

import newsweave
from newsweave.model import Sentence
from newsweave.summarizer.coverage import (
    FOCUS_CONCEPT_WEIGHT,
    MIN_ARTICLES,
    _concepts,
    concept_bigrams,
    select_by_coverage,
)
from newsweave.summarizer.pipeline import COVERAGE_MIN_ARTICLES, salience_for, summarize_prepared
from newsweave.summarizer.prepare import prepare
from newsweave.summarizer.select import same_fact, select
from newsweave.summarizer.trim import trim

FACTS = [
    "The river burst its banks on Sunday and flooded the old town centre.",
    "Rescue crews evacuated hundreds of residents from the flooded old town by boat.",
    "The regional government declared a state of emergency across the river valley.",
    "Forecasters warned that more heavy rain would fall on the valley this week.",
    "Insurers estimated the flood damage to homes and shops at several million euros.",
]


OWN = [
    "A baker on Mill Street lost two ovens and a month of flour.",
    "Volunteers filled sandbags outside the cathedral until midnight.",
    "The football club postponed its home game against Rovers.",
    "Schools in three villages will stay closed until Thursday.",
    "A herd of cattle was moved to higher ground near Ashby farm.",
    "The railway line to the coast was closed after a landslip.",
    "Local brewers offered free drinking water to neighbours.",
    "A wedding party was rescued from a riverside hotel by tractor.",
    "The museum moved its paintings to the upper floor overnight.",
    "Fishermen reported a rare sturgeon swimming through the car park.",
    "Council workers cleared fallen trees from the bypass at dawn.",
]


def _story(n_articles: int) -> list[dict[str, str]]:
    """Each outlet reports a rotating subset of the facts, worded the same, plus its own."""
    articles = []
    for k in range(n_articles):
        picked = [FACTS[(k + j) % len(FACTS)] for j in range(3)]
        own = OWN[k % len(OWN)]
        articles.append({"source": f"outlet-{k}", "text": " ".join([*picked, own])})
    return articles


def _sentences(*texts: tuple[int, str]) -> list[Sentence]:
    return [Sentence(a, 0, len(t), t, i) for i, (a, t) in enumerate(texts)]


def test_covers_the_widely_reported_concepts_within_the_budget() -> None:
    story = newsweave.summarizer.pipeline.as_story(_story(COVERAGE_MIN_ARTICLES))
    prepared = prepare(story)
    summary = summarize_prepared(prepared, max_words=60)
    texts = [s.text for s in summary.sentences]
    assert sum(len(t.split()) for t in texts) <= 60
    assert len(set(texts)) == len(texts)
    assert all(t in FACTS for t in texts), "widely reported facts beat one outlet's own"


def _three_ways(n_articles: int, max_words: int) -> tuple[list[str], list[str], list[str]]:
    """The auto summary's sentences, and what coverage and greedy selection pick from the
    same salience."""
    prepared = prepare(newsweave.summarizer.pipeline.as_story(_story(n_articles)))
    shown = [trim(s) for s in prepared.sentences]
    salience, _ = salience_for(prepared, "auto")
    similarity = prepared.representation.similarity
    alignment = prepared.alignment
    overlap = alignment.overlap()
    one_fact = same_fact(overlap, alignment.figures, alignment.restating)
    by_coverage = select_by_coverage(shown, salience, similarity, overlap, one_fact, max_words)
    greedy = select(shown, salience, similarity, max_words, overlap=overlap, one_fact=one_fact)
    summary = summarize_prepared(prepared, max_words=max_words)
    return (sorted(s.text for s in summary.sentences),
            sorted(shown[i].text for i in by_coverage), sorted(shown[i].text for i in greedy))


@pytest.mark.parametrize(
    ("n_articles", "budgets", "expected"),
    [
        (COVERAGE_MIN_ARTICLES, (200,), "coverage"),  # ~530 words: many articles
        (3, (30, 35, 40, 45), "coverage"),  # ~145 words: over COVERAGE_MIN_BUDGETS budgets
        # neither; which budget lets the two selectors differ depends on the shipped model
        (3, (55, 60, 65, 70, 75, 80, 90), "greedy"),
    ],
)
def test_auto_selects_by_coverage_for_many_articles_or_much_text(
    n_articles: int, budgets: tuple[int, ...], expected: str
) -> None:
    told_apart = 0
    for max_words in budgets:
        auto, by_coverage, greedy = _three_ways(n_articles, max_words)
        if by_coverage != greedy:
            told_apart += 1
            assert auto == (by_coverage if expected == "coverage" else greedy), max_words
    assert told_apart, "the test can tell the two apart at one of the budgets at least"


def test_duplicates_and_leaning_sentences_follow_the_greedy_rules() -> None:
    shown = _sentences(
        (0, "The river burst its banks on Sunday and flooded the old town centre."),
        (1, "The river burst its banks on Sunday, flooding the old town centre."),
        (2, "He said the water rose faster than anyone had expected that morning."),
        (2, "Mayor Lena Ruiz said rescue crews had reached every flooded street by noon."),
    )
    salience = np.array([1.0, 0.9, 3.0, 0.5])
    overlap = np.eye(4)
    overlap[0, 1] = overlap[1, 0] = 0.9
    chosen = select_by_coverage(shown, salience, np.eye(4), overlap, np.zeros((4, 4), bool), 60)
    assert not {0, 1} <= set(chosen), "two wordings of one fact"
    assert 2 not in chosen, "'He said' without the sentence before it"


def test_concepts_are_rouge_bigrams_less_stopword_pairs() -> None:
    found = concept_bigrams("Crews evacuated the residents of the flooded town.")
    assert ("evacu", "the") in found and ("the", "resid") in found  # stemmed, as ROUGE-2
    assert ("flood", "town") in found
    assert ("of", "the") not in found


def test_concept_weight_counts_articles_beyond_the_candidates() -> None:
    reported = "Crews evacuated the flooded town."
    shown = _sentences(*[(a, reported) for a in range(MIN_ARTICLES)],
                       (MIN_ARTICLES, "Schools stayed closed."))
    bigrams, weights = _concepts(shown, pool=[0, MIN_ARTICLES])
    assert bigrams[0] == concept_bigrams(reported)
    assert weights[("flood", "town")] == MIN_ARTICLES, "outlets outside the pool count too"
    assert ("school", "stay") not in weights, "one article's bigram is no concept"


def test_a_bigram_naming_the_focus_is_a_concept_however_few_articles_use_it() -> None:
    shown = _sentences((0, "Divers resumed the search at first light."),
                       (1, "Schools stayed closed."))
    _, plain = _concepts(shown, pool=[0, 1])
    _, focused = _concepts(shown, pool=[0, 1], focus={"diver"})
    assert plain == {}
    assert focused == {("diver", "resum"): FOCUS_CONCEPT_WEIGHT}


@pytest.mark.parametrize(("figures_conflict", "expected"), [(True, [1]), (False, [0])])
def test_of_two_versions_of_a_fact_coverage_takes_as_greedy_does(
    figures_conflict: bool, expected: list[int]
) -> None:
    shown = _sentences(
        (0, "Nine people died and nearly 40 were hurt when the bridge fell."),
        (1, "At least seven people were killed as the bridge fell on Tuesday."),
    )
    one_fact = ~np.eye(2, dtype=bool)
    disagreeing = one_fact if figures_conflict else np.zeros((2, 2), dtype=bool)
    chosen = select_by_coverage(shown, np.array([2.0, 1.5]), np.eye(2), np.eye(2), one_fact, 60,
                                support=np.array([1, 3]), disagreeing=disagreeing)
    assert chosen == expected


def test_coverage_holds_an_introduction_beside_the_lede() -> None:
    shown = _sentences(
        (0, "The harbour bridge reopened on Monday after two years of repairs."),
        (0, "Vos said the bridge would carry 40,000 vehicles a day from Monday."),
        (1, "The harbour bridge reopened to traffic on Monday morning after repairs."),
        (1, "Harbour master Renata Vos cut the ribbon at dawn."),
    )
    salience = np.array([1.0, 0.9, 0.8, 0.1])
    none = np.zeros((4, 4), bool)
    chosen = select_by_coverage(shown, salience, np.eye(4), np.eye(4), none, 22, first=0)
    assert 3 not in chosen
    held = select_by_coverage(shown, salience, np.eye(4), np.eye(4), none, 22, first=0, held=[3])
    assert {0, 3} <= set(held)


def test_the_caller_s_candidates_and_standing_alone_choose_as_asking_again() -> None:
    from newsweave.summarizer.readability import stands_alone
    from newsweave.summarizer.select import is_candidate, withheld

    prepared = prepare(newsweave.summarizer.pipeline.as_story(_story(COVERAGE_MIN_ARTICLES)))
    shown = withheld([trim(s) for s in prepared.sentences], {0})  # one left out, as order.py does
    salience, _ = salience_for(prepared, "auto")
    overlap = prepared.alignment.overlap()
    args = (shown, salience, prepared.representation.similarity, overlap,
            same_fact(overlap, prepared.alignment.figures, prepared.alignment.restating), 60)
    showable = np.array([is_candidate(s) for s in shown])
    alone = np.array([stands_alone(s.text) for s in shown])
    asked = select_by_coverage(*args)
    assert asked and not showable[0]
    assert select_by_coverage(*args, showable=showable, alone=alone) == asked
    # and what it is told is what it uses: nothing it may not show
    told = showable.copy()
    told[asked[0]] = False
    assert asked[0] not in select_by_coverage(*args, showable=told, alone=alone)
