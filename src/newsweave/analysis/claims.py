"""Claims across outlets: what several outlets agree on, and what only one reports.

Claims come from :func:`newsweave.summarizer.align.group_claims`, seeded by the same salience the
summary uses, so the analysis and the summary never disagree about what matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from newsweave.model import Article, Sentence, Summary, attributed_span
from newsweave.summarizer.align import Alignment, group_claims
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.trim import trim
from newsweave.text import balanced_quotes, ends_as_sentence

MIN_CONSENSUS_OUTLETS = 2
EXCLUSIVES_PER_OUTLET = 3


@dataclass
class Citation:
    """Where one outlet says it: a span of that article's clean text."""

    article_index: int
    start: int
    end: int
    text: str

    def to_dict(self, articles: list[Article]) -> dict[str, Any]:
        article = articles[self.article_index]
        return {"article": article.id, "source": article.source, "start": self.start,
                "end": self.end, "text": self.text}


@dataclass
class ReportedClaim:
    """One claim as the analysis shows it: a readable span and every outlet that reports it.

    ``start``/``end`` index the representative's article (trimmed of datelines like a
    summary sentence); ``citations`` hold, per supporting outlet, the span that says it
    there (the representative's own outlet first).
    """

    id: str
    text: str
    article_index: int
    start: int
    end: int
    supporting: list[int]
    salience: float
    citations: list[Citation]
    degraded: bool = False
    # Another outlet tells it in other words (a paraphrase, or other figures for the same
    # fact): it is no outlet's exclusive, though no wording of that outlet backs it.
    retold_elsewhere: bool = False

    def to_dict(self, articles: list[Article]) -> dict[str, Any]:
        return {
            "id": self.id,
            **attributed_span(self, articles),
            "salience": round(self.salience, 6),
            "citations": [c.to_dict(articles) for c in self.citations],
        }


@dataclass
class ClaimSets:
    claims: list[ReportedClaim]
    consensus: list[ReportedClaim]
    exclusives: dict[int, list[ReportedClaim]]  # article index -> its top exclusive claims


def cite(
    shown: Sentence,
    sentence_index: int,
    supporting: list[int],
    sentences: list[Sentence],
    alignment: Alignment,
    members: list[Sentence] | None = None,
) -> list[Citation]:
    """The shown span, then each other supporting outlet's member or best-backing sentence."""
    by_article = {m.article_index: m for m in members or []}
    citations = [Citation(shown.article_index, shown.start, shown.end, shown.text)]
    for article in supporting:
        if article == shown.article_index:
            continue
        match = by_article.get(article)
        if match is None and alignment.best_match(sentence_index, article) >= 0:
            match = sentences[alignment.best_match(sentence_index, article)]
        if match is not None:
            citations.append(Citation(article, match.start, match.end, match.text))
    return citations


def reported_claims(
    sentences: list[Sentence],
    alignment: Alignment,
    salience: np.ndarray,
    clauses: np.ndarray | None = None,
    retold: np.ndarray | None = None,
) -> list[ReportedClaim]:
    """Every claim, most salient first, with the outlets that report it.

    An outlet reports a claim when it holds a member, or when it backs the representative
    but its matching sentence was already taken by a more salient claim: ``group_claims``
    lets each sentence join one claim only, yet the outlet still reports both.
    ``retold``: (n, n) bool, pairs of sentences that tell one event or fact in other words
    (``summarizer.pipeline.story_facts``), which mark a claim ``retold_elsewhere``.
    """
    index_of = {id(s): i for i, s in enumerate(sentences)}
    articles = np.array([s.article_index for s in sentences])
    result: list[ReportedClaim] = []
    grouped = group_claims(sentences, alignment, salience, clauses=clauses)
    for number, claim in enumerate(grouped):
        rep_index = index_of[id(claim.representative)]
        # the seed's backers too: the representative may be another member (one that
        # stands alone), and an outlet backing the seed still reports the claim
        seed_index = index_of[id(claim.members[0])]
        supporting = sorted(set(claim.article_indices) | set(alignment.supporters(rep_index))
                            | set(alignment.supporters(seed_index)))
        shown = trim(claim.representative)
        members = [index_of[id(m)] for m in claim.members]
        retelling = (set(articles[retold[members].any(axis=0)].tolist())
                     if retold is not None else set())
        result.append(
            ReportedClaim(
                id=f"c{number + 1}",
                text=shown.text,
                article_index=shown.article_index,
                start=shown.start,
                end=shown.end,
                supporting=supporting,
                salience=max(float(salience[index_of[id(m)]]) for m in claim.members),
                citations=cite(shown, rep_index, supporting, sentences, alignment, claim.members),
                degraded=claim.representative.degraded,
                retold_elsewhere=bool(retelling - set(supporting)),
            )
        )
    return result


def consensus_claims(claims: list[ReportedClaim]) -> list[ReportedClaim]:
    """Claims at least two outlets report and that read on their own: the most widely
    reported first, then salience. (A list item has no sentence before it: "Now he's coming
    home empty-handed." says nothing there; the claim stays in ``claims``.)"""
    shared = [c for c in claims
              if len(c.supporting) >= MIN_CONSENSUS_OUTLETS and _reads_as_sentence(c)]
    return sorted(shared, key=lambda c: (-len(c.supporting), -c.salience))


def _reads_as_sentence(claim: ReportedClaim) -> bool:
    """A whole sentence that reads on its own: ends like one, opens every quote it closes,
    and leans on no sentence before it ("Instead, he offered up ...")."""
    text = claim.text.rstrip()
    return (not claim.degraded and balanced_quotes(text) and ends_as_sentence(text)
            and stands_alone(text))


def exclusive_claims(
    claims: list[ReportedClaim], n_articles: int, per_outlet: int = EXCLUSIVES_PER_OUTLET
) -> dict[int, list[ReportedClaim]]:
    """Per article, its most salient claims no other outlet reports, in its words or in
    other words (``retold_elsewhere``: "The northern span ... collapsed shortly before 6pm"
    is no exclusive where another outlet says the span "fell into the harbour").

    A degraded article's units cannot be shown, so it has no exclusives to list (its
    support still counts for the claims other outlets make).
    """
    exclusives: dict[int, list[ReportedClaim]] = {i: [] for i in range(n_articles)}
    for claim in sorted(claims, key=lambda c: -c.salience):
        if (len(claim.supporting) != 1 or claim.retold_elsewhere
                or not _reads_as_sentence(claim)):
            continue
        picked = exclusives[claim.article_index]
        if len(picked) < per_outlet:
            picked.append(claim)
    return exclusives


def claim_sets(
    sentences: list[Sentence],
    alignment: Alignment,
    salience: np.ndarray,
    n_articles: int,
    clauses: np.ndarray | None = None,
    retold: np.ndarray | None = None,
) -> ClaimSets:
    claims = reported_claims(sentences, alignment, salience, clauses, retold)
    return ClaimSets(claims, consensus_claims(claims), exclusive_claims(claims, n_articles))


def summary_citations(
    summary: Summary, sentences: list[Sentence], alignment: Alignment
) -> list[list[Citation]]:
    """Per summary sentence, where each outlet backing it says it (its own span first)."""
    result: list[list[Citation]] = []
    for shown in summary.sentences:
        # The summary shows a trimmed span: the sentence it was cut from contains it.
        index = next(
            i for i, s in enumerate(sentences)
            if s.article_index == shown.article_index and s.start <= shown.start
            and shown.end <= s.end
        )
        span = Sentence(shown.article_index, shown.start, shown.end, shown.text, 0)
        result.append(cite(span, index, shown.supporting, sentences, alignment))
    return result
