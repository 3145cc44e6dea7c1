"""The grouper's inverted index lists stories by time: a long history never hides a day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsweave.group import Grouper, postings
from newsweave.model import Article

FIRST = ("A ferry named Silver Tern ran aground on the Kessick sandbar near Port Almond on "
         "Tuesday night, and coastguard crews lifted all 212 passengers to safety by dawn. "
         "The harbour master, Ilse Varga, said a failed rudder pump left the ferry drifting "
         "onto the sandbar.")
SECOND = ("Coastguard crews rescued 212 passengers overnight after the Silver Tern ferry "
          "grounded on the Kessick sandbar outside Port Almond. Harbour master Ilse Varga "
          "blamed a broken rudder pump for the drift onto the sandbar.")


def dated(article_id: str, text: str, day: date) -> Article:
    return Article(article_id, article_id, text, published=day.isoformat())


def test_a_report_finds_its_days_story_after_later_stories_crowd_the_terms(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each term lists its latest few stories only: stories of the same words months later
    # (the ferry's yearly drill, say) must not push the story of the report's own days out.
    monkeypatch.setattr(postings, "POSTINGS_PER_TERM", 3)
    start = date(2026, 1, 6)
    grouper = Grouper()
    first = grouper.add(dated("first", FIRST, start))
    later = [grouper.add(dated(f"drill-{n}", FIRST, start + timedelta(days=30 * (n + 1))))
             for n in range(6)]
    assert all(a.new_story for a in later)  # a month apart: other events
    second = grouper.add(dated("second", SECOND, start + timedelta(days=1)))
    assert second.story_id == first.story_id

