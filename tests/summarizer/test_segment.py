"""Segmentation: sentences keep exact offsets into their article's clean text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from assertions import HANOI_NOISE

from newsweave.model import Article, Sentence
from newsweave.reading.read import read_story
from newsweave.summarizer.clean import clean_article
from newsweave.summarizer.segment import (
    DEGRADED_UNIT_WORDS,
    MIN_WORDS,
    QUOTATION_MAX_WORDS,
    segment,
)
from newsweave.summarizer.select import is_candidate


def sentences_of(paths: list[str]) -> tuple[list[Article], list[Sentence]]:
    articles = [clean_article(a) for a in read_story(paths, []).articles]
    sentences = [s for i, a in enumerate(articles) for s in segment(a, i)]
    return articles, sentences


def sentences_in(text: str) -> list[Sentence]:
    """The sentences of one article with this text, cleaned as the pipeline cleans it."""
    return segment(clean_article(Article("a", "a", text)), 0)


def assert_offsets(articles: list[Article], sentences: list[Sentence]) -> None:
    assert sentences
    for s in sentences:
        assert articles[s.article_index].text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_offsets_on_the_hanoi_articles(hanoi_dir: Path) -> None:
    assert_offsets(*sentences_of([str(hanoi_dir)]))


def test_offsets_on_the_fixtures(story_dir: Path, bad_dir: Path) -> None:
    assert_offsets(*sentences_of([str(story_dir)]))
    assert_offsets(*sentences_of([str(bad_dir / "single.txt"), str(bad_dir / "latin1.txt")]))


def test_offsets_on_the_harbor_example(harbor_dir: Path) -> None:
    assert_offsets(*sentences_of([str(harbor_dir)]))


def test_positions_count_up_per_article(hanoi_dir: Path) -> None:
    _, sentences = sentences_of([str(hanoi_dir)])
    for index in {s.article_index for s in sentences}:
        positions = [s.position for s in sentences if s.article_index == index]
        assert positions == list(range(len(positions)))
        starts = [s.start for s in sentences if s.article_index == index]
        assert starts == sorted(starts)


_SCHUMER = (
    "The statement from Sen. Charles E. Schumer (D-N.Y.), issued Saturday morning, was a "
    "response to the report."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. Kim met the U.S. president at 9 a.m. on Thursday in Hanoi. "
            "Dr. Green said the talks had failed.",
            ["Mr. Kim met the U.S. president at 9 a.m. on Thursday in Hanoi.",
             "Dr. Green said the talks had failed."],
            id="abbreviations do not split sentences",
        ),
        pytest.param(
            _SCHUMER + " It called for an inquiry.",
            [_SCHUMER, "It called for an inquiry."],
            id="an abbreviation inside parentheses does not end the sentence",
        ),
        pytest.param(
            "He was pulled out of the pool, Naval Special Warfare Center spokesman Lt. Trevor "
            "Davids said. The other official, retired Lt. Gen. Zulfiqar Khan, called it a "
            "fabrication. It is a targeted double homicide, said Det.-Sgt. Susan Gomes.",
            ["He was pulled out of the pool, Naval Special Warfare Center spokesman Lt. Trevor "
             "Davids said.",
             "The other official, retired Lt. Gen. Zulfiqar Khan, called it a fabrication.",
             "It is a targeted double homicide, said Det.-Sgt. Susan Gomes."],
            id="a title before a name does not end the sentence",
        ),
        pytest.param(
            "The harbour works can now lay 3,000 sq.m. of decking a year, the council said. "
            "The ferry resumes in May.",
            ["The harbour works can now lay 3,000 sq.m. of decking a year, the council said.",
             "The ferry resumes in May."],
            id="a unit's abbreviation before 'of' does not end the sentence",
        ),
        pytest.param(
            "Sen. John mccain ( r-ariz. ) said on sunday that the plan would fail. "
            "House speaker nancy pelosi ( d-calif. ) sought to head off talk of retreat.",
            ["Sen. John mccain ( r-ariz. ) said on sunday that the plan would fail.",
             "House speaker nancy pelosi ( d-calif. ) sought to head off talk of retreat."],
            id="a party-and-state tag does not end the sentence it goes on from",
        ),
        pytest.param(
            '"This legislation works," said Rep. Steve Scalise, R-La. "You cannot do that, '
            'Mr. President."',
            ['"This legislation works," said Rep. Steve Scalise, R-La.',
             '"You cannot do that, Mr. President."'],
            id="a sentence may still end with a party-and-state tag",
        ),
        pytest.param(
            "His rep told E! News on Friday that he was doing better. He left the ward.",
            ["His rep told E! News on Friday that he was doing better.", "He left the ward."],
            id="an outlet's name ending in an exclamation mark does not end the sentence",
        ),

        # Multi-News spaces quote marks like words; Punkt leaves the opener behind.
        pytest.param(
            'She said no charges have been filed. " we are grateful to the officers, " her '
            "lawyer said. The case is closed.",
            ["She said no charges have been filed.",
             '" we are grateful to the officers, " her lawyer said.',
             "The case is closed."],
            id="an opening quote left at a sentence end goes to the sentence it opens",
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    found = sentences_in(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)
    assert not any(s.inside_quote for s in found)


def test_a_short_quote_several_sentences_long_is_one_unit_with_its_speaker() -> None:
    text = (
        "The mayor spoke on Tuesday. “We will rebuild the bridge. We will do it within two "
        "years. Nobody should doubt it,” she said. Work starts in May."
    )
    found = sentences_in(text)
    assert [(s.text, s.inside_quote) for s in found] == [
        ("The mayor spoke on Tuesday.", False),
        ("“We will rebuild the bridge. We will do it within two years. Nobody should doubt "
         "it,” she said.", False),
        ("Work starts in May.", False),
    ]
    assert is_candidate(found[1])


def test_the_middle_of_a_long_quote_is_marked() -> None:
    opening = "“We will rebuild the bridge with steel from the old foundry on the river."
    middle = ("We will do it within two years, whatever the council, the engineers, the "
              "harbour board and the ferry operators may say about the cost of it, and we "
              "will pay for it from the port's own revenue rather than from new taxes.")
    closing = "Nobody should doubt it,” she said."
    text = f"The mayor spoke on Tuesday. {opening} {middle} {closing} Work starts in May."
    assert len(f"{opening} {middle} {closing}".split()) > QUOTATION_MAX_WORDS
    found = sentences_in(text)
    assert [(s.text, s.inside_quote) for s in found] == [
        ("The mayor spoke on Tuesday.", False),
        (opening, False),
        (middle, True),
        (closing, True),
        ("Work starts in May.", False),
    ]
    # the middle would read as the outlet's own words: never shown, though well formed
    assert not is_candidate(found[2])
    assert is_candidate(replace(found[2], inside_quote=False))


def test_a_huge_quotation_keeps_its_sentences_apart_and_marked() -> None:
    # A pasted transcript: thousands of sentences inside one quotation, far over
    # QUOTATION_MAX_WORDS. Each stays its own unit, marked, and none is lost.
    body = " ".join(f"Item {n} of the plan was read out to the chamber." for n in range(3000))
    text = f"The clerk began at noon. “{body}” the clerk said."
    found = sentences_in(text)
    assert len(found) == 3001
    assert [s.inside_quote for s in found[:3]] == [False, False, True]
    assert all(s.inside_quote for s in found[2:])
    assert found[1].text == "“Item 0 of the plan was read out to the chamber."
    assert found[-1].text.startswith("Item 2999 ")


def test_a_quote_cut_off_in_the_last_sentence_leaves_the_earlier_roles_alone() -> None:
    # Multi-News truncates articles, often inside a quotation.
    text = (
        "The congressman spoke to reporters outside his home in Queens on Friday morning. "
        'Police said no charges have been filed. " she has spoken, " he said outside. '
        '" i think the record'
    )
    found = sentences_in(text)
    assert [s.text for s in found][1:3] == [
        "Police said no charges have been filed.",
        '" she has spoken, " he said outside.',
    ]


def test_quote_marks_that_do_not_pair_up_are_left_alone() -> None:
    text = 'He said it was over. " the rest is lost. Then the talks ended without a deal.'
    found = sentences_in(text)
    assert found[0].text == 'He said it was over. "'
    assert not any(s.inside_quote for s in found)


def test_noise_glued_into_a_long_paragraph_is_dropped_as_a_sentence() -> None:
    body = " ".join(["The northern span of the bridge fell into the harbour on Tuesday."] * 8)
    text = f"{body} Read more: Five things we know about the collapse. {body}"
    assert len(text.split()) > 80  # judged sentence by sentence, not as a paragraph
    found = sentences_in(text)
    assert found and not any("Read more" in s.text for s in found)


def test_fragments_are_not_sentences() -> None:
    text = "Nine people died when the bridge collapsed. Truly awful. The inquiry starts today."
    found = sentences_in(text)
    assert all(len(s.text.split()) >= MIN_WORDS for s in found)
    assert "Truly awful." not in [s.text for s in found]


def test_hanoi_sentences_carry_no_noise(hanoi_dir: Path) -> None:
    articles, sentences = sentences_of([str(hanoi_dir)])
    for s in sentences:
        if s.degraded:
            continue
        for noise in HANOI_NOISE:
            assert noise.lower() not in s.text.lower(), (articles[s.article_index].source, s.text)


def test_degraded_article_is_cut_into_flagged_units(hanoi_dir: Path) -> None:
    articles, sentences = sentences_of([str(hanoi_dir)])
    ap = next(i for i, a in enumerate(articles) if a.source == "ap")
    units = [s for s in sentences if s.article_index == ap]
    assert len(units) > 10
    assert all(s.degraded for s in units)
    assert all(len(s.text.split()) <= DEGRADED_UNIT_WORDS for s in units)
    # The author bio at its end is noise even in a degraded text.
    assert not any("follow him on twitter" in s.text for s in units)
    assert not any(s.degraded for s in sentences if s.article_index != ap)


@pytest.mark.parametrize("text", ["", "   ", "Live updates\nMost read today"])
def test_nothing_to_segment(text: str) -> None:
    assert sentences_in(text) == []


@pytest.mark.parametrize(
    ("previous", "piece", "continues"),
    [
        ("He was pulled out, spokesman Lt.", "Trevor Davids said.", True),
        ("Sen. John mccain ( r-ariz. )", "said on sunday that it would fail.", True),
        ("Sen. John mccain ( r-ariz. )", "Appearing on cbs, he said so.", False),
        ("Reynolds' rep told E!", 'News on Friday, "He is doing better."', True),
        ("a source tells e!", "news that the singer is fine.", True),
        ("he said, per Yahoo!", "News.", True),
        ("She left Google for Yahoo!", "The move surprised nobody.", False),
        # a quotation's speaker named after its "!" or "?" belongs to it
        ('"The harbour loves its ferry! Let\'s show the ferry we love it!!"',
         "Okafor writes on her campaign page.", True),
        ('"Who pays for the bridge?"', "she asked.", True),
        ('" do you think that was the bridge? "', "one woman asked, before she began to sob.",
         True),
        ('"Who pays for the bridge?"', "Council member Dana Moor asked the mayor.", True),
        ('"Who pays for the bridge?"', "The council voted on Tuesday to borrow the money.",
         False),
        ('"Stop!"', "Police said the man then ran off towards the harbour and was caught "
         "two streets away.", False),
        # a bracket left open: the cut fell on an abbreviation inside it
        ("Feeding it to cows cut their methane by 30% (Proc. Harb.", "Acad. Sci. 2015).", True),
        ("The ferry (its third since May) sank.", "Nobody was hurt.", False),
        # Punkt rarely cuts after these, but where it does, the cut is right
        ("The mayor was diagnosed with MS.", "She will keep working until May.", False),
        ("The ferry left at 9 a.m.", "It sank an hour later.", False),
    ],
)
def test_which_cuts_punkt_got_wrong(previous: str, piece: str, continues: bool) -> None:
    from newsweave.summarizer.segment import _continues

    assert _continues(previous, piece) is continues


# One line an article, as in Multi-News: the stray mark in the first sentence is never
# closed, which throws every later quote mark's role.
STRAY = ('The mayor called the plan a " bold step for the harbour. The council voted on the '
         'bridge repairs on Monday night. " we will not back down on the repairs, " '
         'councillor Ama Rove said. The vote was seven to two in favour of the plan.')


def test_a_trailing_opener_goes_to_the_quotation_it_opens_despite_a_stray_mark() -> None:
    texts = [s.text for s in sentences_in(STRAY)]
    assert "The council voted on the bridge repairs on Monday night." in texts
    assert ('" we will not back down on the repairs, " councillor Ama Rove said.' in texts)
    assert all(s.ends_text == (k == len(texts) - 1)
               for k, s in enumerate(sentences_in(STRAY)))


def test_a_trailing_mark_with_no_speaker_after_it_may_close_a_quotation() -> None:
    text = STRAY.replace('councillor Ama Rove said.', 'it was a long night.')
    texts = [s.text for s in sentences_in(text)]
    assert 'The council voted on the bridge repairs on Monday night. "' in texts


BRIDGE_REST = (" Engineers found deep cracks in two of the piers during a routine inspection last "
               "spring, the city said. The bridge carries about 40,000 vehicles a day and will "
               "stay closed for at least a month while repairs are made.")


@pytest.mark.parametrize("credit", [
    "(Photo: Jane Roe/Getty Images) ",
    "( ap photo/jane roe ) ( associated press ) tollan ( ap ) — ",
    "( photo: courtesy of the tollan harbour trust ) ",
])
def test_a_photo_credit_glued_before_the_lede_does_not_take_the_lede_away(credit: str) -> None:
    lede = ("the mayor closed the Tollan bridge on Tuesday after engineers found cracks in "
            "its piers.")
    text = credit + lede + BRIDGE_REST
    first = sentences_in(text)[0]
    assert first.text == lede and text[first.start:first.end] == lede
    assert first.position == 0
