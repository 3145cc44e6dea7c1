"""Claims across outlets: consensus (two or more outlets) and exclusives (one outlet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.analysis.claims import (
    EXCLUSIVES_PER_OUTLET,
    MIN_CONSENSUS_OUTLETS,
    ClaimSets,
    ReportedClaim,
    claim_sets,
    consensus_claims,
)
from newsweave.model import Article
from newsweave.reading.read import read_story
from newsweave.summarizer.align import clause_links, group_claims
from newsweave.summarizer.pipeline import as_story, salience_for, story_facts
from newsweave.summarizer.prepare import PreparedStory, prepare
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.trim import trim


def _prepared(path: Path) -> PreparedStory:
    return prepare(read_story([str(path)], []))


def _claims(prepared: PreparedStory) -> ClaimSets:
    salience, _ = salience_for(prepared, "auto")  # what the analysis uses
    clauses = clause_links(prepared.sentences, prepared.representation)
    return claim_sets(
        prepared.sentences, prepared.alignment, salience, len(prepared.articles), clauses
    )


def _assert_faithful(claim: ReportedClaim, articles: list[Article]) -> None:
    assert articles[claim.article_index].text[claim.start : claim.end] == claim.text
    for citation in claim.citations:
        assert articles[citation.article_index].text[citation.start : citation.end] == citation.text
    cited = [c.article_index for c in claim.citations]
    assert cited[0] == claim.article_index, "the shown span is cited first"
    assert len(cited) == len(set(cited)) and set(cited) <= set(claim.supporting)


@pytest.fixture(scope="module")
def harbor(harbor_dir: Path) -> PreparedStory:
    return _prepared(harbor_dir)


def test_consensus_is_shared_and_strongest_first(harbor: PreparedStory) -> None:
    sets = _claims(harbor)
    assert sets.consensus
    supports = [len(c.supporting) for c in sets.consensus]
    assert min(supports) >= MIN_CONSENSUS_OUTLETS
    assert supports == sorted(supports, reverse=True)
    for claim in sets.claims:
        _assert_faithful(claim, harbor.articles)
    assert {c.id for c in sets.consensus} <= {c.id for c in sets.claims}


def test_harbor_investigation_is_consensus(harbor: PreparedStory) -> None:
    texts = [c.text for c in _claims(harbor).consensus]
    assert any("Regional Infrastructure Safety Board" in t and "investigat" in t for t in texts), (
        texts
    )


def test_exclusives_are_single_outlet_readable_and_ranked(harbor: PreparedStory) -> None:
    sets = _claims(harbor)
    ids = {a.id: i for i, a in enumerate(harbor.articles)}
    assert sets.exclusives[ids["radio-north"]] == [], "a degraded article has nothing to show"
    shown = 0
    for index, claims in sets.exclusives.items():
        assert len(claims) <= EXCLUSIVES_PER_OUTLET
        saliences = [c.salience for c in claims]
        assert saliences == sorted(saliences, reverse=True)
        for claim in claims:
            assert claim.supporting == [index] and claim.article_index == index
            assert not claim.degraded
            assert claim.text.rstrip("”’\"')").endswith((".", "!", "?"))
            assert stands_alone(claim.text), claim.text
            shown += 1
    assert shown >= 4


def test_a_claim_two_outlets_share_and_one_only_one_has() -> None:
    shared = "The city council approved a new budget of 40 million dollars for road repairs."
    story = as_story([
        f"{shared} Officials praised the vote. The mayor signed it at noon on the steps.",
        f"{shared} Critics called the spending reckless and promised to campaign against it.",
        "A heavy storm flooded the harbour district overnight and closed two ferry routes.",
    ])
    prepared = prepare(story)
    sets = _claims(prepared)
    budget = [c for c in sets.consensus if "budget" in c.text]
    assert budget and budget[0].supporting == [0, 1]
    assert any("storm" in c.text for c in sets.exclusives[2])


def test_a_hook_of_a_few_words_is_no_exclusive_and_a_short_statement_is() -> None:
    shared = "The city council approved a new budget of 40 million dollars for road repairs."
    story = as_story([
        f"{shared} Officials praised the vote at the town hall on Monday evening.",
        f"{shared} The wait is over! No objections were raised.",
    ])
    exclusives = [c.text for c in _claims(prepare(story)).exclusives[1]]
    assert "The wait is over!" not in exclusives
    assert "No objections were raised." in exclusives


def test_hanoi_cancelled_lunch_is_consensus(hanoi_dir: Path) -> None:
    # NYMag ("skipping their planned signing ceremony and even lunch") and the NYT ("the
    # lunch had been delayed and then canceled, along with a planned signing ceremony")
    # share a clause, not a sentence: clause_links joins them.
    prepared = _prepared(hanoi_dir)
    lunch = [
        c for c in _claims(prepared).consensus
        if "lunch" in c.text.lower() or "signing ceremony" in c.text.lower()
    ]
    assert lunch, "the cancelled lunch and signing ceremony is a consensus claim"
    sources = {prepared.articles[i].source for i in lunch[0].supporting}
    assert {"nymag", "nytimes"} <= sources


def test_a_claim_is_shown_in_a_member_that_stands_alone(hanoi_dir: Path) -> None:
    # Bloomberg's "This time it was congressional testimony by Michael Cohen ..." leans on
    # the sentence before it; the NYT says it in a sentence that stands alone ("Mr. Trump
    # also faced a major distraction in the form of congressional testimony from Michael
    # Cohen ..."), and the Guardian backs it too.
    prepared = _prepared(hanoi_dir)
    salience, _ = salience_for(prepared, "auto")
    clauses = clause_links(prepared.sentences, prepared.representation)
    for claim in group_claims(prepared.sentences, prepared.alignment, salience, clauses=clauses):
        if any(not m.degraded and stands_alone(trim(m).text) for m in claim.members):
            assert stands_alone(trim(claim.representative).text), claim.representative.text
    sets = _claims(prepared)
    testimony = [c for c in sets.consensus if "testimony" in c.text and "Cohen" in c.text]
    assert testimony, [c.text for c in sets.consensus]
    sources = {prepared.articles[i].source for i in testimony[0].supporting}
    assert {"nytimes", "bloomberg-dailymaverick", "guardian"} <= sources
    hanoi_exclusives = [c.text for claims in sets.exclusives.values() for c in claims]
    assert not any(text.startswith("Instead, he") for text in hanoi_exclusives)


def test_consensus_lists_only_claims_that_read_on_their_own() -> None:
    def claim(text: str) -> ReportedClaim:
        return ReportedClaim(id=text[:8], text=text, article_index=0, start=0, end=len(text),
                             supporting=[0, 1], salience=1.0, citations=[])

    plain = claim("The Port Ellis ferry ran aground on a sandbank on Monday in thick fog.")
    leaning = claim("Now he's coming home empty-handed.")
    assert consensus_claims([leaning, plain]) == [plain]
    # nor a verbless fragment, a pointer at the page, or a question: no summary shows them
    fragment = claim("No safe harbour on the northern islands for the crews to shelter.")
    page = claim("Skip to the three-minute mark in the video above to see the sandbank.")
    question = claim("Who at the harbour office knew the fog was coming on Monday?")
    asked = claim('The harbour master asked the crew, "Who knew the fog was coming?"')
    assert consensus_claims([fragment, page, question, asked, plain]) == [asked, plain]


def _pier(second_lede: str) -> tuple[PreparedStory, ClaimSets]:
    # Invented: two outlets tell the pier's fall in other verbs ("fell into" and
    # "collapsed"); only the second tells of the storm.
    story = as_story([
        "The eastern wing of the 80-year-old pier fell into Kestrel bay on Sunday morning, "
        "injuring four anglers. Coastguard crews pulled two of them from the water. The "
        "council closed the promenade until further notice.",
        f"{second_lede} A heavy storm had battered the Kestrel coast for three days before "
        "the collapse. Engineers will inspect the remaining wing on Monday.",
    ])
    prepared = prepare(story)
    salience, _ = salience_for(prepared, "auto")
    clauses = clause_links(prepared.sentences, prepared.representation)
    retold = story_facts(prepared).paraphrases
    return prepared, claim_sets(prepared.sentences, prepared.alignment, salience,
                                len(prepared.articles), clauses, retold)


def _exclusive_texts(sets: ClaimSets) -> list[str]:
    return [c.text for claims in sets.exclusives.values() for c in claims]


def test_an_event_told_in_other_words_is_one_consensus_claim_and_no_exclusive() -> None:
    prepared, sets = _pier("The eastern wing of the pier, which draws fishermen from across "
                           "the county, collapsed shortly after 7am on Sunday, leaving four "
                           "anglers hurt.")
    exclusive = _exclusive_texts(sets)
    assert not any("eastern wing of the" in text for text in exclusive), exclusive
    assert any("storm" in text for text in exclusive), exclusive
    pier = [c for c in sets.consensus if "eastern wing of the" in c.text]
    assert len(pier) == 1 and pier[0].supporting == [0, 1], [c.text for c in sets.consensus]
    assert {c.article_index for c in pier[0].citations} == {0, 1}  # each in its own words
    # without the retellings each telling passes for an exclusive
    alone = _claims(prepared)
    assert not any("eastern wing of the" in c.text for c in alone.consensus)
    assert sum("eastern wing of the" in c.text
               for claims in alone.exclusives.values() for c in claims) == 2


def test_a_looser_telling_cites_no_outlet_for_the_other_words_yet_is_no_exclusive() -> None:
    # The second outlet's sentence shares the pier and its wing but little of what the
    # first says happened: a paraphrase for the summary (never both shown), too loose to
    # cite that outlet for "fell into Kestrel bay ..., injuring four anglers".
    prepared, sets = _pier("The eastern wing of the pier, which draws fishermen from across "
                           "the county, collapsed shortly after 7am.")
    assert story_facts(prepared).paraphrases[0, 3]  # the summary's rule still pairs them
    assert not any("eastern wing of the" in c.text for c in sets.consensus)
    assert not any("eastern wing of the" in text for text in _exclusive_texts(sets))
    assert any("storm" in text for text in _exclusive_texts(sets))
