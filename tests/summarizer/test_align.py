"""Alignment across outlets: containment, figures that must agree, shared clauses."""

from __future__ import annotations

import numpy as np

from newsweave.model import Sentence
from newsweave.summarizer.align import RESTATING_CONTAINMENT, align, clause_links
from newsweave.summarizer.represent import represent


def _sentences(*texts: tuple[int, str]) -> list[Sentence]:
    return [Sentence(a, 0, len(t), t, i) for i, (a, t) in enumerate(texts)]


def test_a_short_sentence_is_backed_by_a_longer_one_that_contains_it() -> None:
    sentences = _sentences(
        (0, "The harbour bridge collapsed into the water on Tuesday evening."),
        (1, "On Tuesday evening the harbour bridge collapsed into the water, police said, "
            "and divers searched all night."),
    )
    alignment = align(sentences, represent(sentences, 2), 2)
    assert alignment.supporters(0) == [0, 1]


def test_disagreeing_figures_do_not_back() -> None:
    sentences = _sentences(
        (0, "Nine people died when the harbour bridge collapsed on Tuesday."),
        (1, "Seven people died when the harbour bridge collapsed on Tuesday."),
    )
    alignment = align(sentences, represent(sentences, 2), 2)
    assert alignment.supporters(0) == [0]
    assert alignment.strength.values[0, 1] >= 0.5  # same topic all the same


def test_one_shared_figure_does_not_hide_a_contradicting_one() -> None:
    sentences = _sentences(
        (0, "The bridge collapsed on Tuesday, killing 17 people and injuring 38."),
        (1, "The bridge collapsed on Tuesday, killing 23 people and injuring 38."),
        (2, "The bridge collapsed on Tuesday, killing at least 17 people and injuring nearly 40."),
    )
    alignment = align(sentences, represent(sentences, 3), 3)
    assert alignment.supporters(0) == [0, 2]  # 23 dead contradicts 17 dead; 38 is shared
    assert alignment.supporters(1) == [1, 2]  # "at least 17", "nearly 40": both can be true


def test_figure_pairs_are_marked_restating_or_disagreeing() -> None:
    sentences = _sentences(
        (0, "Nine people died and nearly 40 were injured when the Tollan Bridge gave way."),
        (1, "The northern span of the Tollan Bridge fell on Tuesday, killing nine people "
            "and injuring 38."),
        (2, "Seven people died and nearly 40 were injured when the Tollan Bridge gave way."),
        (3, "The Tollan Bridge gave way on Tuesday and the harbour was closed to ferries."),
    )
    alignment = align(sentences, represent(sentences, 4), 4)
    assert alignment.restating[0, 1] and alignment.restating[1, 0]  # nine dead, both times
    assert alignment.disagreeing[0, 2] and alignment.disagreeing[2, 0]  # nine against seven
    assert not alignment.restating[0, 2]
    assert not alignment.restating[0, 3] and not alignment.disagreeing[0, 3]  # no figure


def test_a_pair_whose_figures_agree_measure_by_measure_does_not_disagree() -> None:
    # The long sentence holds little of the short one's content, so from its side only the
    # number tokens are compared ("38" against "40"); the short side compares measures.
    sentences = _sentences(
        (0, "Nearly 40 people were injured when the Tollan Bridge fell on Tuesday."),
        (1, "Rescuers said 38 people were injured when the Tollan Bridge fell on Tuesday, "
            "while ferry crews, harbour pilots, divers and volunteers from the rowing club "
            "searched the channel through the night for the missing bus passengers and "
            "drivers."),
    )
    alignment = align(sentences, represent(sentences, 2), 2)
    assert alignment.containment[1, 0] < RESTATING_CONTAINMENT <= alignment.containment[0, 1]
    assert alignment.restating[0, 1] and alignment.restating[1, 0]
    assert not alignment.disagreeing[0, 1] and not alignment.disagreeing[1, 0]


def test_a_shared_clause_links_sentences_that_otherwise_differ() -> None:
    sentences = _sentences(
        (0, "The leaders cut short their summit — skipping their planned signing ceremony "
            "and lunch — when talks failed."),
        (1, "Reporters heard that the lunch had been cancelled, along with a planned signing "
            "ceremony for a joint declaration."),
        (2, "The Speaker — House Speaker John Boehner — spoke to reporters on Thursday."),
        (3, "House Speaker John Boehner urged passage of a bill on immigration."),
    )
    rep = represent(sentences, 4)
    links = np.maximum(clause_links(sentences, rep), clause_links(sentences, rep).T)
    assert links[0, 1] >= 0.65
    assert links[2, 3] < 0.65  # a clause that is only a name says nothing by itself


def test_the_representation_keeps_each_sentences_tokens_for_the_later_stages() -> None:
    from newsweave.text import number_tokens, tokens

    sentences = _sentences((0, "Nine people died, and 38 were hurt, on Tuesday."),
                           (1, "Seven people died when the bridge fell."))
    rep = represent(sentences, 2)
    assert rep.tokens == [tokens(s.text) for s in sentences]
    assert number_tokens(sentences[0].text, rep.tokens[0]) == {"9", "38"}
