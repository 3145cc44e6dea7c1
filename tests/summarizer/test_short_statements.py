"""Statements shorter than six words: shown where they are news told whole."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.summarizer.select import short_statement


@pytest.mark.parametrize("text", [
    "No injuries have been reported.",
    "Lab results are pending.",
    "All four deer were killed.",
    "Tests for ebola were negative.",
    "Police are investigating.",
    "No one was hurt.",
    "One firefighter suffered minor burns.",
])
def test_news_told_whole_in_a_few_words(text: str) -> None:
    assert short_statement(text)


@pytest.mark.parametrize("text", [
    "That's the right response.",  # a voice's aside, pointing back
    "They have two children.",  # a pronoun's person is in the sentence before
    "Others went to the church.",
    "Its cause is under investigation.",
    "Just ask Seth Rogen.",  # an adverb, not a subject
    "Even if it is boring.",
    "Turned off duplicate detection.",  # a participle: page furniture
    "Sandy remained undeterred, though.",
    "Buckle up and hold on!",
    "Sew in thin plastic tubing.",  # an imperative: no tensed verb
    "Opens friday at local theaters.",
    "Calls himself the green hornet.",
    "Let's start with the number.",
    "Thats besides the point.",
    "Underneath was a man's body.",
    "The Holts adopted eight babies.",
    "One was killed.",
    "One of the men died.",  # which Holts: the sentence before said
    "Current author ad dresses: drs.",
    "police have cleared the scene.",  # lower-cased text: no sentence start to trust
    "No injuries have been reported in the blaze so far.",  # long enough to be a candidate
])
def test_asides_and_leaning_lines_are_not(text: str) -> None:
    assert not short_statement(text)


def test_a_short_story_shows_its_short_statement_of_news() -> None:
    articles = [
        {"source": "Valley Times", "text": (
            "About 3,000 residents were ordered to leave their homes near Carver Ridge on "
            "Sunday as a wildfire fed by dry winds grew to more than 12,000 acres, fire "
            "officials said.\n\nThe blaze began Saturday afternoon near a campground on the "
            "ridge's eastern slope.\n\nNo injuries have been reported. Two barns and a garage "
            "were destroyed.")},
        {"source": "State Wire", "text": (
            "A wildfire near Carver Ridge had burned more than 12,000 acres by Sunday "
            "morning, forcing the evacuation of roughly 3,000 people, officials said.\n\n"
            "More than 400 firefighters and six helicopters were battling the flames, "
            "according to Chief Dana Morrow. That's the right response.")},
    ]
    summary = newsweave.summarize(articles)
    shown = [s.text for s in summary.sentences]
    assert "No injuries have been reported." in shown
    assert "That's the right response." not in shown
    assert shown[0] != "No injuries have been reported."  # never the lede
