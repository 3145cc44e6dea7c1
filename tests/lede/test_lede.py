"""The lede, the news order and the headline, on invented stories (issue 22's failures)."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave import summarize
from newsweave.lede.core_clause import lede_clause
from newsweave.lede.headline import headline
from newsweave.model import Article, Sentence
from newsweave.summarizer.coverage import select_by_coverage
from newsweave.summarizer.select import select

# A follow-up article given first; three outlets lead with the death, in their own words.
FOLLOW_UP = (
    "The mother of Dario Brenn, one of the boys who tried to help, said her son is doing "
    "better. Dario was treated for burns to both hands at Kings Harbor Hospital and sent "
    "home on Thursday. His mother said he still cannot sleep. Neighbours have left flowers "
    "and stuffed animals along the fence of the ball field. A fundraiser for the family of "
    "Tomas Okafor has raised more than $20,000."
)
DEATH_A = (
    "A 12-year-old boy was electrocuted on Tuesday evening when he grabbed a chain-link fence "
    "that a fallen power line had charged at a ball field in Eastmere. Tomas Okafor was "
    "pronounced dead at Kings Harbor Hospital. Two friends who tried to pull him away were "
    "burned. The utility said a storm had knocked the line onto the fence hours earlier."
)
DEATH_B = (
    "Tomas Okafor, 12, died after touching a fence electrified by a downed power line at an "
    "Eastmere ball field on Tuesday, police said. The boy had been playing baseball with "
    "friends. Firefighters had to cut the power before they could reach him. The city has "
    "closed the field while inspectors examine the wiring."
)
DEATH_C = (
    "An Eastmere boy was killed on Tuesday when he touched a fence charged by a fallen power "
    "line at a ball field, officials said. The line had come down in a storm that afternoon. "
    "Residents said they had reported sparks near the field the week before. The utility "
    "has promised a full investigation."
)


def _story(*texts: str, titles: tuple[str | None, ...] = ()) -> list[Article]:
    return [Article(id=f"outlet-{i}", source=f"outlet-{i}", text=text,
                    title=titles[i] if i < len(titles) else None)
            for i, text in enumerate(texts)]


def test_a_follow_up_given_first_does_not_open_the_summary() -> None:
    summary = summarize(_story(FOLLOW_UP, DEATH_A, DEATH_B, DEATH_C), max_words=90)
    first = summary.sentences[0].text
    assert any(word in first for word in ("electrocuted", "died", "killed")), first
    assert "doing better" not in first


# A summit whose failure three outlets state in different words; the first article opens
# on a hearing at home.
SUMMIT_OPENS_ELSEWHERE = (
    "As the president's former lawyer testified before a Senate committee in Washington on "
    "Wednesday, the president was sitting down to dinner with Premier Arkady Velm in "
    "Marrakesh. The two leaders exchanged praise over grilled fish and mint tea. The "
    "premier told reporters he had a good feeling about the talks. The summit was the "
    "second meeting of the two men in eight months."
)
SUMMIT_A = (
    "The president and Premier Arkady Velm abruptly cut short their two-day summit in "
    "Marrakesh on Thursday after they failed to reach an agreement on sanctions. A planned "
    "signing ceremony and a working lunch were cancelled. Aides said the talks broke down "
    "over the premier's demand that all sanctions be lifted."
)
SUMMIT_B = (
    "The Marrakesh summit between the president and Premier Arkady Velm collapsed on "
    "Thursday without a deal, as the two sides failed to agree on lifting sanctions. The "
    "president said he had walked away because the premier wanted too much. Markets in the "
    "region fell on the news."
)
SUMMIT_C = (
    "Talks between the president and Premier Arkady Velm in Marrakesh ended early on "
    "Thursday with no agreement after a dispute over sanctions. Both delegations left the "
    "hotel within hours. Analysts said the failure would set back hopes of a settlement."
)
TITLES = (
    "President dines with Velm as lawyer testifies",
    "Summit cut short without agreement on sanctions - The Daily Courier",
    "Marrakesh summit collapses without a deal | Global Wire",
    None,
)


def test_the_summit_summary_leads_with_its_failure() -> None:
    story = _story(SUMMIT_OPENS_ELSEWHERE, SUMMIT_A, SUMMIT_B, SUMMIT_C, titles=TITLES)
    summary = summarize(story, max_words=80)
    first = summary.sentences[0].text
    assert any(word in first for word in ("cut short", "collapsed", "ended early")), first
    assert summary.headline in {"Summit cut short without agreement on sanctions",
                                "Marrakesh summit collapses without a deal"}


# The Hanoi case: every article opens on scenery or on news from home, and the failure
# comes later in each, in other words ("cut short", "collapse", "no deal"); the titles
# of three outlets say it. A fifth page's scraped "title" is a place line.
SCENE_DINNER = (
    "It began with toasts over grilled fish and mint tea in Marrakesh. The president, who "
    "prides himself on his negotiating skills, greeted Premier Arkady Velm on Wednesday "
    "evening with warm words about their friendship and the future of the region. The two "
    "men posed for photographs beside a fountain in the palace gardens. There would be no "
    "deal: the day that had started with toasts on Thursday ended with both motorcades "
    "leaving the palace without a handshake. There was speculation that the hearing had so "
    "irked the president that he cut short the summit."
)
SCENE_FLIGHT = (
    "The president flew across the world for his second summit with Premier Arkady Velm "
    "in Marrakesh, betting that his personal charm could settle a dispute both governments "
    "have known about for years. Now the president is flying home empty-handed. The "
    "collapse of the talks exposed how far apart the two governments remain on sanctions. "
    "Velm offered to close one port but would not open his borders."
)
SCENE_HEARING = (
    "As his former lawyer testified before a Senate committee in Washington on Wednesday, "
    "the president hoped that a pact signed in Marrakesh would push the hearing out of the "
    "headlines. That is not what happened. The president and Premier Arkady Velm abruptly "
    "cut short their two-day summit in Marrakesh, skipping a signing ceremony and a working "
    "lunch, when they failed to reach an agreement on sanctions. The sticking point was the "
    "premier's demand that every sanction be lifted at once."
)
SCENE_HOME = (
    "As the president's former lawyer began his testimony before a Senate committee in "
    "Washington on Wednesday, the president was preparing for one of the most consequential "
    "meetings of his term. Eight months after their first summit, the president is holding "
    "talks with Premier Arkady Velm in Marrakesh for a second time. The two men met for "
    "dinner on Wednesday night with their foreign ministers. Aides said the president would "
    "return to Washington on Friday."
)
SCENE_TITLES = (
    "President and Velm began with toasts. They ended without a handshake.",
    "President-Velm summit breakdown renews doubts",
    "President cuts short Marrakesh summit, returns empty-handed",
    "Marrakesh, Morocco (40000)",
)


def test_the_lede_is_the_failure_the_titles_agree_on_though_no_article_opens_on_it() -> None:
    story = _story(SCENE_HOME, SCENE_DINNER, SCENE_FLIGHT, SCENE_HEARING,
                   titles=(SCENE_TITLES[3], *SCENE_TITLES[:3]))
    first = summarize(story, max_words=120).sentences[0].text
    assert any(words in first for words in ("cut short", "collapse", "no deal")), first


def test_only_titles_another_article_backs_guide_the_lede() -> None:
    from newsweave.lede.choose import article_stems, backed_titles

    articles = _story(SCENE_HOME, SCENE_DINNER, SCENE_FLIGHT, SCENE_HEARING,
                      titles=(SCENE_TITLES[3], *SCENE_TITLES[:3]))
    # the place line and the dinner article's own angle are said by no other article
    found = backed_titles(articles, article_stems(articles))
    assert len(found) == 2 and all("summit" in title for title in found)


def test_headline_is_the_best_supported_title_without_the_site_name() -> None:
    articles = _story(SUMMIT_OPENS_ELSEWHERE, SUMMIT_A, SUMMIT_B, titles=TITLES)
    found = headline(articles, SUMMIT_A.split(". ")[0])
    assert found == "Summit cut short without agreement on sanctions"


def test_headline_without_titles_is_the_ledes_core_clause() -> None:
    lede = ("Tomas Okafor, 12, died after touching a fence electrified by a downed power line "
            "at an Eastmere ball field on Tuesday, police said.")
    # the attribution off; 21 words are cut where the last phrase begins
    assert lede_clause(lede) == ("Tomas Okafor, 12, died after touching a fence electrified "
                                 "by a downed power line at an Eastmere ball field")
    assert headline(_story(DEATH_B), lede) == lede_clause(lede)
    assert headline(_story(DEATH_B), None) is None


def test_a_title_no_other_article_or_the_lede_says_is_no_headline() -> None:
    # a scraped page's stray heading read as its article's title, as raw dev's "Team
    # Rickshaw 2018" above a Beatles story: only its own promo paragraph says it
    promo = ("The Pedal Cart Relay returns for another year to raise money for the "
             "hospital. You can follow the team on the relay website.")
    articles = [Article(id="a", source="a", text=DEATH_B),
                Article(id="b", source="b", text=promo + " " + DEATH_A,
                        title="Team Pedal Cart 2019")]
    lede = DEATH_B.split(". ")[0] + "."
    assert headline(articles, lede) == lede_clause(lede)
    # one article's own title is its headline
    assert headline(articles[1:], lede) == "Team Pedal Cart 2019"


def test_a_bare_surname_comes_after_the_full_name() -> None:
    from newsweave.lede.order import news_order
    from newsweave.model import Sentence

    texts = [["Okafor said the fence had sparked for a week."],
             ["The city closed the Eastmere ball field on Wednesday.",
              "Resident Tomas Okafor reported the downed line to the utility."]]
    sentences = [Sentence(a, 0, len(t), t, p) for a, article in enumerate(texts)
                 for p, t in enumerate(article)]
    # by place "Okafor said" (0/1) would come before the sentence naming him (1/2)
    assert news_order(sentences, [0, 1, 2], [1, 2], 1) == [1, 2, 0]
    assert news_order(sentences, [0, 2], [1, 2], None) == [2, 0]


def _one_article(*texts: str) -> list[Sentence]:
    return [Sentence(text=t, article_index=0, position=k, start=0, end=len(t))
            for k, t in enumerate(texts)]


LEDE_FACTS = (
    "The harbour ferry carried its last passengers across the bay on Sunday.",
    "Volunteers painted the old ticket office in the ferry company's colours.",
    "A brass band played on the quay as the boat left for the final time.",
    "The new bridge replaces the ferry after ninety years of service.",
)


def test_greedy_selection_takes_the_lede_first_whatever_its_salience() -> None:
    shown = _one_article(*LEDE_FACTS)
    salience = np.array([0.1, 0.9, 0.8, 0.7])
    assert select(shown, salience, np.eye(4), 30)[0] != 3
    chosen = select(shown, salience, np.eye(4), 30, first=3)
    assert chosen == [3, 1]  # then the most salient that still fits


def test_coverage_selection_holds_the_lede() -> None:
    shown = _one_article(*LEDE_FACTS)
    salience = np.array([0.9, 0.8, 0.7, 0.1])
    none = np.zeros((4, 4), dtype=bool)
    chosen = select_by_coverage(shown, salience, np.eye(4), np.eye(4), none, 25)
    assert 3 not in chosen
    chosen = select_by_coverage(shown, salience, np.eye(4), np.eye(4), none, 25, first=3)
    assert 3 in chosen and sum(len(LEDE_FACTS[i].split()) for i in chosen) <= 25


def test_the_lede_is_the_best_backed_version_of_its_fact() -> None:
    from newsweave.lede.choose import choose_lede

    shown = _one_article(
        "At least seven people were killed when the harbour bridge fell on Tuesday.",
        "Nine people died when a section of the harbour bridge gave way on Tuesday.",
        "Ferry crews pulled survivors from the water within minutes of the fall.",
    )
    one_fact = np.zeros((3, 3), dtype=bool)
    one_fact[0, 1] = one_fact[1, 0] = True
    scores = np.array([0.9, 0.5, 0.1])
    assert choose_lede(shown, [0, 1, 2], scores, set()) == 0
    assert choose_lede(shown, [0, 1, 2], scores, set(),
                       backing=(one_fact, np.array([1, 3, 1]))) == 1


def test_opening_evidence_dense_is_the_sparse_tables_to_the_bit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.lede.features as lede_features

    rng = np.random.default_rng(3)
    articles = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5]
    sentences = [Sentence(a, 0, 4, "text", articles[:k].count(a)) for k, a in enumerate(articles)]
    sentences[5] = Sentence(1, 0, 4, "text", 1, degraded=True)  # no opening
    overlap = rng.random((len(articles), len(articles)))
    overlap[overlap < 0.4] = 0.0
    overlap = np.maximum(overlap, overlap.T)
    found = {}
    for cells in (10**9, 0):  # dense, then the sparse per-article tables
        monkeypatch.setattr(lede_features, "DENSE_MAX_CELLS", cells)
        found[cells] = lede_features.opening_evidence(sentences, overlap, 6)
    for dense, sparse in zip(found[10**9], found[0], strict=True):
        assert dense.tobytes() == sparse.tobytes()
