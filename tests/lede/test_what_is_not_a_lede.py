"""Sentences that may stand in a summary but do not say the news, so never open one
(issue 22, item 1): the failure classes read in raw dev and val ledes, on invented
stories (docs/quality.md, 2026-12-06 08:35)."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave import summarize
from newsweave.lede.cast import cast_of
from newsweave.lede.choose import choose_lede, may_open, opinion_articles
from newsweave.lede.not_news import not_a_lede, surname_opening
from newsweave.model import Article, Sentence

NEWS = ("The Tarrow county council voted on Monday to ban cattle feed additives that "
        "raise methane emissions on its 40 dairy farms.")


def _story(*texts: str) -> list[Sentence]:
    return [Sentence(text=t, article_index=0, position=k, start=0, end=len(t))
            for k, t in enumerate(texts)]


def _lede(worse: str, cast_texts: tuple[str, ...] = ()) -> int | None:
    """The lede of a story whose best-scored sentence is ``worse`` and whose other
    sentence is the plain news."""
    shown = _story(worse, NEWS)
    scores = np.array([2.0, 1.0])
    if not cast_texts:
        return choose_lede(shown, [0, 1], scores, set())
    return choose_lede(shown, [0, 1], scores, set(), cast=cast_of([*cast_texts, worse, NEWS]))


@pytest.mark.parametrize("not_news", [
    # explainers
    "Here's how it works: cows digest their food in four-part stomachs that give off "
    "methane as the grass ferments.",
    "Here is what the ban means for the county's farmers and the milk they sell.",
    # carries on from the sentence before
    "Specifically, the busiest ferries run for 52 minutes at a time, then rest for 17.",
    # the past as an opening
    "A couple years back, a columnist wrote that dairy farms would never cut their "
    "emissions without a push from the council.",
    "Back in 2012, the county tried a voluntary scheme that no farm joined.",
    "In 2015, the council first studied the emissions of its dairy farms.",
    "Three years ago, the farms' emissions were measured for the first time.",
    # a quotation from a speaker the reader does not know
    'The writer adds: "Let me tell you a story. One day my old tractor started making a '
    'strange sound."',
    # carrying on from the sentence before
    "Indeed, for all the council's talk of a green county, its farms have the highest "
    "emissions in the region.",
    "Sadly, the study itself has since been lost, but its figures were kept.",
    "In fact, the additives were never tested on the county's own herds.",
    "By that measure, most of the county's farms were never green at all.",
    "By contrast, the dairy across the river cut its emissions by half.",
    # a hook turned on the sentence before
    "What doesn't stink is that researchers at Vell University cut the herd's methane by "
    "a third.",
    # a pronoun subject after an opening phrase, with no comma to show it
    "In relatively short order they found the additive in the county's feed stores.",
])
def test_a_sentence_that_is_not_the_news_does_not_open(not_news: str) -> None:
    assert not_a_lede(not_news)
    assert _lede(not_news) == 1


def test_news_openings_still_open() -> None:
    for text in (NEWS, "Earlier this week, police arrested two men at the Tarrow dairy.",
                 "Researchers at Vell University found that a feed additive cut methane "
                 "by a third.", "Tarrow's council banned the additives on Monday.",
                 "Three men were arrested on Monday after a dairy fire.",
                 "In 2010 the council found the additive in two feed stores.",
                 "In this year's count, the Tarrow dairy had the lowest emissions.",
                 "What the council decided on Monday was a ban on the additives."):
        assert not not_a_lede(text, cast_of([text, NEWS])), text


def test_a_surname_opening_does_not_open_where_the_story_names_the_person() -> None:
    articles = ("Blind dissident Anwen Marsh said on Friday she would leave the country. "
                "Marsh said the police had watched her home for years.",)
    for text in ("Marsh, who wants to travel abroad, said she remains committed to her cause.",
                 "Marsh's first book sold 150,000 copies in a month.",
                 "Marsh started her campaign in 2002."):
        assert surname_opening(text, cast_of([*articles, text])) == "Marsh", text
        assert _lede(text, articles) == 1, text
    # a name the titles give is introduced by the headline shown above the lede
    text = "Marsh and her lawyer left the country on Friday."
    assert surname_opening(text, cast_of([*articles, text],
                                         ["Marsh-Okafor talks collapse | Ledger"])) is None
    # the full name is no bare surname, in lower-cased text either
    assert surname_opening("Anwen marsh said on friday she would leave.",
                           cast_of(["anwen marsh said on friday she would leave."])) is None


def test_a_one_word_name_before_who_or_an_age_needs_the_person_introduced() -> None:
    lowered = ("nbc news correspondent tom brokaw has been diagnosed with cancer. "
               "and brokaw said he remains hopeful.")
    cast = cast_of([lowered])
    assert surname_opening("Brokaw, who has worked at nbc since 1966, was diagnosed in "
                           "august.", cast) == "Brokaw"
    assert surname_opening("Brokaw, 76, was diagnosed in august.", cast) == "Brokaw"
    # a place's possessive is no person's ("Harvard China Fund" makes "china" a surname)
    cast = cast_of(["The Harvard China Fund paid for the study. China's leaders met."])
    assert surname_opening("China's leaders met in secret this summer.", cast) is None


COLUMN = (
    "A couple years back, a columnist I admire wrote a piece that caught him some "
    "well-deserved flak. I thought of it this week. We all say things we regret. "
    "My own view is that she should apologise.")
COLUMN_TOO = (
    "Mara Quill is coming under fire for saying on her podcast that she wished she had "
    "skipped the Tarrow vote. I listened to the whole episode. We should be kinder. "
    "My guess is that Quill will apologise by Friday.")


def test_where_every_article_is_a_column_the_lede_is_still_chosen() -> None:
    shown = [Sentence(text=t.rstrip(".") + ".", article_index=a, position=k, start=0,
                      end=len(t))
             for a, article in enumerate((COLUMN, COLUMN_TOO))
             for k, t in enumerate(article.split(". "))]
    opinion = opinion_articles(shown, 2)
    assert opinion == {0, 1}
    everything = list(range(len(shown)))
    scores = np.linspace(1.0, 0.0, len(shown))  # the first column's opening scores best
    assert not may_open(shown[0], set())  # the past as an opening
    lede = choose_lede(shown, everything, scores, opinion)
    assert lede is not None and shown[lede].text.startswith("Mara Quill is coming under fire")


def test_a_summary_of_two_columns_opens_on_the_news_not_the_columnist_s_past() -> None:
    articles = [Article(id=f"a{k}", source=f"outlet-{k}", text=text)
                for k, text in enumerate((COLUMN, COLUMN_TOO))]
    summary = summarize(articles, max_words=60)
    assert summary.sentences[0].text.startswith("Mara Quill"), summary.sentences[0].text


def test_a_surname_the_articles_write_as_a_speaker_s_is_no_lede_without_a_full_name() -> None:
    # Shaped like raw dev's "Speers started finding real estate ..." (no article gives the
    # broker's full name): "Speers also said he" makes him a person
    articles = ("Quill also said he gets four calls a week from growers in Denver, where "
                "Colorado's growers lease a third of the industrial space.",)
    text = "Quill started finding space for growers after a friend opened a shop in 2002."
    assert surname_opening(text, cast_of([*articles, text, NEWS])) == "Quill"
    assert _lede(text, articles) == 1
    # a company that "said" something is not a person
    assert surname_opening("Vellco started selling the feed in 2002.",
                           cast_of(["Vellco also said it would sell the feed in Denver.",
                                    *articles, NEWS])) is None


def test_a_pronoun_whose_person_the_sentence_has_not_named_does_not_open() -> None:
    articles = ("The search for missing child Lila Grove will enter a new phase, Scotland "
                "Yard told the Daily Ledger on Monday.",)
    text = ("A team of forensic officers will use radar to look underground for clues to "
            "her disappearance, according to a report in the Daily Ledger.")
    assert not_a_lede(text, cast_of([*articles, text]))
    assert _lede(text, articles) == 1
    for anchored in ("On her podcast last week, Mara Quill said she regrets the vote.",
                     "The Tarrow mayor said her council would vote again.",
                     "Mara Quill said on Monday that her council would vote again."):
        assert not not_a_lede(anchored, cast_of([*articles, anchored])), anchored
    # lower-cased text hides the names that would anchor it: no verdict there
    lowered = "a team will look for clues to her disappearance, police said."
    assert not not_a_lede(lowered, cast_of([lowered, "lila grove, 3, went missing."]))


@pytest.mark.parametrize("leaning", [
    "The suspects are still on the loose, a detective told reporters on Friday.",
    "The lawyer, according to court papers, asked for the hearing to be delayed.",
    "When the suspects fled, they left a car behind on Tarrow high street.",
    "The find was presented on Thursday by archaeologists from Vell University.",
    "The 1,500-year-old barge, found off the Tarrow coast, was described as a jewel.",
    "The 34-year-old was arrested at his home on Friday.",
])
def test_a_bare_definite_description_does_not_open_in_cased_text(leaning: str) -> None:
    cased = cast_of(["Police in Tarrow are looking for three men who robbed 23 banks.", NEWS])
    assert not_a_lede(leaning, cased)
    assert _lede(leaning, ("Police in Tarrow are looking for three men who robbed 23 banks.",)) == 1
    # lower-cased, "the white house said" reads as "the suspects are": no verdict there
    lowered = cast_of(["police in tarrow are looking for three men who robbed 23 banks.",
                       NEWS.lower()])
    assert not not_a_lede(leaning.lower(), lowered)


def test_a_definite_description_that_names_its_subject_still_opens() -> None:
    cased = cast_of([NEWS])
    for text in ("The New York region began rebuilding on Tuesday after the storm.",
                 "The death toll from the Tarrow floods rose to 40 on Monday.",
                 "The ad, for a 1999 Corolla, recently appeared on a Tarrow website.",
                 "The White House said the president would visit Tarrow on Friday.",
                 "The 2024 Tarrow floods killed 40 people, the council said on Monday."):
        assert not not_a_lede(text, cased), text


def test_a_thing_the_articles_bring_in_as_new_does_not_open_as_known() -> None:
    articles = ["Part of a road bridge collapsed on Tuesday, plunging a passenger bus and "
                "several cars into the harbour. The bus, which was carrying 22 passengers, "
                "came to rest against a pier.",
                "A city bus was among the vehicles that fell into the water."]
    cast = cast_of(articles)
    text = "The bus, which was carrying 22 passengers, came to rest against a pier."
    stray = Sentence(text=text, article_index=0, position=1, start=0, end=len(text))
    assert may_open(stray, set())  # without the story nothing says the bus is new
    assert not may_open(stray, set(), cast)
