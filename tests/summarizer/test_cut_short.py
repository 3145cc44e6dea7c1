"""A sentence the article's text was cut off in: shown as the whole clause before the cut,
never as a clause that needs what the cut took away."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import newsweave
from newsweave.model import Sentence
from newsweave.render import render_json, render_markdown, render_text
from newsweave.summarizer.cut_short import clause_end, shorten
from newsweave.summarizer.select import is_candidate


def clause(text: str) -> str | None:
    end = clause_end(text)
    return None if end is None else text[:end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition after a comma
        ("Nine people were taken to hospital after the bridge fell into the harbour on "
         "Tuesday, a spokesman for the",
         "Nine people were taken to hospital after the bridge fell into the harbour on "
         "Tuesday"),
        # another verb's clause, with no mark before it
        ("The mayor closed the northern span to all traffic on Tuesday and ordered",
         "The mayor closed the northern span to all traffic on Tuesday"),
        # the longest whole clause: the one before the last comma
        ("The ferry company will add two sailings a day while the bridge is closed, starting",
         "The ferry company will add two sailings a day while the bridge is closed"),
        # no cut inside "co-published"
        ("The repair plan was backed by the harbour board, which co-published the report "
         "with the", "The repair plan was backed by the harbour board"),
        # the trailing comma of a cut before "and" is not kept
        ("Divers searched the harbour through the night, and the coastguard said the",
         "Divers searched the harbour through the night"),
    ],
)
def test_the_whole_clause_before_the_cut_is_kept(text: str, expected: str) -> None:
    assert clause(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list of places cut short
        "The storm knocked out power in harbour towns including Port Ellis, Tollan, Marsh",
        # a relative clause with no comma says which farmers
        "The ministry said it would not repay the farmers who were paid less",
        # whose words they were
        "The bridge had failed two safety inspections in the past year, the inspectors",
        # a condition
        "The council will close the northern span of the bridge to traffic, if",
        # no main clause before the cut
        "When the hearing ended on Monday afternoon, the families of the",
        # the verb of "the driver" is after the cut
        "Police said the driver of the second bus, who",
        # a number's comma is no boundary, and nothing else is
        "The council has spent $ 4,500,000 on repairs to the span since 2019",
        # too short to be worth it
        "The bridge fell, and",
        # the sentence may end on whose account it gives: cut anywhere, the account
        # would read as the outlet's
        ("The attack took place at the harbour market, a popular covered market in central "
         "Port Ellis that draws crowds of shoppers, officials"),
        # a list under way
        "The ferry service carries commuters from towns including Tollan, Marsh",
        # a "but" that corrects a denial
        "Officials initially said the driver was not wearing a seatbelt, but a lap strap that",
        # a clause ending on "that"
        "The harbour master told reporters in a statement on Tuesday that while the",
        # a hyphen joins a score: no cut inside "3-2"
        "Democratic appointees on the harbour board split 3-2 with the republicans on the",
        # an "and" with nothing joined
        ("The diver swam a few metres into the wreck, and, without saying a word, pulled "
         "out a"),
    ],
)
def test_no_clause_that_needs_what_was_cut(text: str) -> None:
    assert clause(text) is None


ARTICLE = ("The northern span of the Tollan Bridge fell into the harbour on Tuesday. "
           "The mayor closed the bridge to all traffic on Tuesday and ordered")


def cut_off_sentence(ends_text: bool) -> Sentence:
    start = ARTICLE.index("The mayor")
    return Sentence(0, start, len(ARTICLE), ARTICLE[start:], position=1, ends_text=ends_text)


def test_only_a_sentence_the_text_was_cut_off_in_is_shortened() -> None:
    whole = Sentence(0, 0, ARTICLE.index(" The mayor"), ARTICLE.split(". ")[0] + ".", 0)
    shortened, unchanged = shorten([cut_off_sentence(ends_text=True), whole])
    assert shortened.cut_short and is_candidate(shortened)
    assert shortened.text == "The mayor closed the bridge to all traffic on Tuesday"
    assert ARTICLE[shortened.start:shortened.end] == shortened.text  # an exact slice
    assert unchanged is whole
    inside = shorten([cut_off_sentence(ends_text=False)])[0]  # a heading, not a cut
    assert not inside.cut_short and not is_candidate(inside)


def test_a_summary_marks_the_shortened_sentence() -> None:
    summary = newsweave.summarize([
        ("Nine people died when the northern span of the Tollan Bridge fell into the harbour "
         "on Tuesday. Divers searched the water through the night for the missing. The mayor "
         "closed the bridge to all traffic on Tuesday evening and ordered"),
        ("The Tollan Bridge collapse killed nine people on Tuesday, the harbour police said. "
         "Divers searched the harbour through the night. Inspectors had warned of worn "
         "bearings on the northern span in March."),
    ], max_words=250)
    cut = [s for s in summary.sentences if s.cut_short]
    assert [s.text for s in cut] == ["The mayor closed the bridge to all traffic on Tuesday "
                                     "evening"]
    assert cut[0].reads == cut[0].text + " …"
    assert cut[0].reads in summary.text
    assert f"{cut[0].text} … [" in render_text(summary)
    assert f"{cut[0].text} …[" in render_markdown(summary)
    in_json = json.loads(render_json(summary))["sentences"]
    assert [s["text"] for s in in_json if s["cut_short"]] == [cut[0].text]


def test_without_the_parser_no_cut_off_sentence_is_shown(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    import newsweave.summarizer.cut_short as cut_short
    from newsweave import spacy_model

    cut_short.load_parser.cache_clear()
    monkeypatch.setattr(spacy_model, "MODEL_PACKAGE", "no_such_spacy_model")
    try:
        assert cut_short.load_parser() is None
        assert shorten([cut_off_sentence(ends_text=True)])[0].cut_short is False
    finally:
        cut_short.load_parser.cache_clear()


def test_a_cut_clause_never_opens_a_summary() -> None:
    from newsweave.lede.choose import may_open

    shortened = shorten([cut_off_sentence(ends_text=True)])[0]
    assert not may_open(shortened, set())
    assert may_open(replace(shortened, cut_short=False), set())


def test_a_cut_clause_is_never_shown_beside_a_sentence_sharing_its_content() -> None:
    from newsweave.summarizer.paraphrase import cut_short_retellings
    from newsweave.text import content_stems

    texts = ["The mayor closed the harbour bridge to all traffic on Tuesday evening.",
             "Nine people died when the bridge fell into the harbour."]
    stems = [list(content_stems(t)) for t in texts]
    shown = [Sentence(0, 0, len(t), t, k) for k, t in enumerate(texts)]
    clause = "On Tuesday evening the mayor closed the harbour bridge to traffic"
    shown.append(Sentence(1, 0, len(clause), clause, 0, ends_text=True, cut_short=True))
    stems.append(list(content_stems(clause + " and ordered")))
    pairs = cut_short_retellings(shown, stems)
    assert pairs is not None
    assert pairs[2, 0] and pairs[0, 2] and not pairs[2, 1] and not pairs[0, 1]
    assert cut_short_retellings(shown[:2], stems[:2]) is None


def test_no_clause_ends_on_a_speaker_whose_words_were_cut_away() -> None:
    assert clause('The ferry crossing was a quiet one on Tuesday, the harbour master said, '
                  '"and the boats were on') is None


def test_a_dash_before_the_cut_is_not_kept() -> None:
    assert clause("The harbour master went to the northern span on Tuesday -- and he said "
                  "the") == "The harbour master went to the northern span on Tuesday"
