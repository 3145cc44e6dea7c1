"""A story none of whose sentences can be shown (a page the notice detector misses, all
questions and fragments) says so on a real `newsweave serve`: headed by its article's
title or opening words, one line saying why, no empty analysis sections."""

from __future__ import annotations

from typing import Any

from desk_server import DeskServer
from invented import COOKIE_CHOICES, SAVED_COPY, WILDFIRE

WHY = ("No sentence can be shown: each is a question, an exclamation, a fragment, cut off, "
       "or under 6 or over 70 words.")
EMPTY_SECTIONS = ("Untitled story", "Not summarized yet", "Consensus", "Exclusives",
                  "Quotes", "Timeline", "Entities", "No claim reported by two outlets yet")


def shown(desk: DeskServer, page: dict[str, Any]) -> tuple[dict[str, Any], str]:
    answer = desk.post(page).json()["articles"][0]
    assert not answer["not_news"]  # not a notice the detector knows: the summarizer decides
    story = desk.wait_until_current(answer["story_id"])
    return story, desk.get(f"/stories/{answer['story_id']}").text


def test_an_untitled_page_is_headed_by_its_opening_words_and_says_why(
        desk: DeskServer) -> None:
    story, page = shown(desk, COOKIE_CHOICES)
    headline = "“Fancy letting us remember you next time? Tiny files, stored on this …” " \
        "(harbour-ledger)"
    assert story["headline"] == headline  # the front page lists it so
    assert f"<h1>{headline}</h1>" in page
    assert 'id="nothing-shown"' in page and WHY in page
    for empty in EMPTY_SECTIONS:
        assert empty not in page
    assert COOKIE_CHOICES["id"] in page  # the page itself is still listed
    assert story["summary"] == {"sentences": [], "empty_reason": WHY[0].lower() + WHY[1:-1]}
    # Nothing of it is analyzed either: no claim of a sentence that cannot be shown.
    analysis = story["analysis"]
    assert analysis["consensus"] == analysis["quotes"] == [] and not analysis["exclusives"]


def test_a_titled_page_is_headed_by_its_title(desk: DeskServer) -> None:
    story, page = shown(desk, SAVED_COPY)
    assert story["headline"] == SAVED_COPY["title"]
    assert f"<h1>{SAVED_COPY['title']}</h1>" in page and WHY in page


def test_a_story_with_sentences_shows_them_as_before(desk: DeskServer) -> None:
    story, page = shown(desk, WILDFIRE[0])
    assert 'id="nothing-shown"' not in page and 'id="summary"' in page
    assert story["summary"]["sentences"]
