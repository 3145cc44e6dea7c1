"""A headline from the lede where no article has a title: a clause, not a sentence."""

from __future__ import annotations

import pytest

from newsweave.lede.headline import LONGEST, headline, lede_clause
from newsweave.summarizer.boilerplate import is_boilerplate


@pytest.mark.parametrize(("lede", "clause"), [
    # the speaker inside the sentence goes, with everything after it
    ("The arsonists are still at large, Sgt. Mira Dovic of the Eastmere Police Department's "
     "major crimes unit told the Courier on Friday, a week after the department released "
     "footage of the two men.", "The arsonists are still at large"),
    # a dash-bounded aside is cut before it, not in the middle of it
    ("The premier and the president abruptly cut short their two-day summit — skipping the "
     "signing ceremony and even lunch — when they failed to reach an agreement.",
     "The premier and the president abruptly cut short their two-day summit"),
    ("The mayor's office gave a softer answer on Wednesday about closing the ferry terminal, "
     "saying it did not think the decision could be reversed before the council's budget vote.",
     "The mayor's office gave a softer answer on Wednesday about closing the ferry terminal"),
    # no clause ends in time: cut where a phrase begins
    ("Whether to allow the 69 townhouses on the old mill site will be decided by the Larkin "
     "Bay council at a special meeting on Tuesday night.",
     "Whether to allow the 69 townhouses on the old mill site will be decided by the Larkin "
     "Bay council"),
    # no phrase of place or time either: before an aside in brackets
    ("Ray Oduya declared last week that he means to “shake up” the party's leaders by "
     "electing Dana Moor (who is accused of fraud) with the tactics that won the last race.",
     "Ray Oduya declared last week that he means to “shake up” the party's leaders by "
     "electing Dana Moor"),
    # short enough already: only the attribution comes off
    ("Nine people died when the bridge fell, police said.",
     "Nine people died when the bridge fell"),
])
def test_a_long_lede_becomes_a_headline_length_clause(lede: str, clause: str) -> None:
    assert lede_clause(lede) == clause
    assert len(clause.split()) <= LONGEST


def test_no_cut_leaves_the_clause_hanging_or_keeps_too_little_of_it() -> None:
    # not after "what's" (hanging), nor after "unconscious" (6 of 22 words)
    lede = ("A man who was beaten unconscious at an Eastmere tram stop tells the Courier he "
            "is surprised by what's in the police report.")
    assert lede_clause(lede) == ("A man who was beaten unconscious at an Eastmere tram stop "
                                 "tells the Courier he is surprised")
    lede = ("A group of climbers from the Harbour Trust on Thursday scaled the Beacon, the "
            "tapered glass tower next to Eastmere station, to hang a banner about the strike.")
    assert not lede_clause(lede).endswith(" next")


def test_a_bracketed_heading_is_no_title() -> None:
    from newsweave.model import Article

    body = ("Two men were arrested after the Eastmere jewellery raid, police said on Monday. "
            "The raid on the jewellery shop lasted four minutes.")
    articles = [Article(id="a", source="a", text=body, title="(Eastmere Police Department)"),
                Article(id="b", source="b", text=body)]
    assert headline(articles, body.split(". ")[0] + ".") == (
        "Two men were arrested after the Eastmere jewellery raid")


def test_a_video_players_close_button_and_blurb_is_furniture() -> None:
    assert is_boilerplate("CLOSE Crews fought the warehouse fire through the night. HERALD TV")
    assert not is_boilerplate("Close friends of the victims gathered at the harbour on Sunday.")
    assert not is_boilerplate("CLOSE to 400 people were evacuated on Sunday.")
