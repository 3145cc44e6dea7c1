"""A page listing several reports under labels in capitals (a police blotter): only the
items the story's other articles tell are the story's news."""

from __future__ import annotations

import newsweave
from newsweave.model import Article
from newsweave.summarizer.list_pages import off_story_spans

REPORT = (
    "A woman in Tarrow heard footsteps above her bedroom in the middle of the night, and "
    "police found a man living in her attic.\n\n"
    "Officers searched the attic of the rented house on Mill Lane and found Owen Marsh, a "
    "52-year-old homeless man, police said.\n\n"
    "Marsh was charged with unlawful entry and is being held without bail at the county jail.\n\n"
    "The tenant said she had heard footsteps in the attic for two weeks before she called.")
BLOTTER = (
    "Note: Information in the Daily Crime Report is based on initial reports. Follow-up "
    "investigations may reveal different or additional information.\n\n"
    "ROBBERY, 2026-0412, 5800 block of Harbour Road. At approximately 9:20 a.m. on April 11, "
    "police responded to a strong armed robbery at a grocery. Two male suspects assaulted "
    "an employee and fled the scene with merchandise. The investigation is ongoing.\n\n"
    "UNLAWFUL ENTRY, 2026-0410, 800 block of Mill Lane. At approximately 1:24 a.m. on April "
    "10, police responded after a tenant reported hearing footsteps in the attic. Police "
    "searched the rented house and found Owen Marsh, 52, who was charged with unlawful "
    "entry and held without bail.\n\n"
    "VANDALISM, 2026-0413, 100 block of Quay Street. At approximately 4:10 p.m. on April 12, "
    "a parked bus shelter was found with its glass panels smashed by an unknown person.")


def test_a_blotter_s_other_incidents_are_withheld() -> None:
    articles = [Article(id="news", source="news", text=REPORT),
                Article(id="blotter", source="police", text=BLOTTER)]
    spans = off_story_spans(articles)
    withheld = [BLOTTER[a:b].split(",")[0].split(":")[0] for a, b in spans[1]]
    assert withheld == ["Note", "ROBBERY", "VANDALISM"]  # the attic's entry stays
    summary = newsweave.summarize(articles, max_words=400)
    shown = " ".join(s.text for s in summary.sentences)
    assert "unlawful entry" in shown.lower()
    for other in ("robbery", "merchandise", "bus shelter", "Follow-up", "investigation is"):
        assert other not in shown


def test_an_interview_s_turns_or_one_article_are_no_list() -> None:
    turns = "\n\n".join(f"LESTER HOLT: Question {i} about the attic and the tenant?\n\n"
                        f"MARSH: I slept in the attic for {i} weeks." for i in range(3))
    assert off_story_spans([Article(id="a", source="a", text=REPORT),
                            Article(id="b", source="b", text=turns)]) == {}
    assert off_story_spans([Article(id="b", source="b", text=BLOTTER)]) == {}
