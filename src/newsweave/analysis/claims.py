"""Claims across outlets: what several outlets agree on, and what only one reports.

Claims come from :func:`newsweave.summarizer.align.group_claims`, seeded by the same salience the
summary uses, so the analysis and the summary never disagree about what matters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsweave.model import Article, Sentence, Summary, attributed_span
from newsweave.summarizer.align import Alignment, group_claims
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.select import MIN_WORDS, reads_whole, short_statement
from newsweave.summarizer.trim import trim
from newsweave.text import ends_as_sentence

MIN_CONSENSUS_OUTLETS = 2
EXCLUSIVES_PER_OUTLET = 3
# An outlet telling a claim in other words is cited for it in the consensus only where its
# sentence and the one shown share this much IDF-weighted content (the alignment's overlap).
# Judged on raw dev (benchmarks/analysis_accuracy.py --consensus; docs/quality.md,
# 2026-12-08): with any paraphrase, chained through other claims, 58% of those citations
# were right; with this overlap to the sentence shown 68% (val: 70% -> 81%; DUC 2006: 15%
# -> 50%). At 0.3 more wrong ones came back; the same opening subject (paraphrase.py) added
# mostly wrong.
AGREEMENT_OVERLAP = 0.35


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
    # The ids of claims in which other outlets tell it in other words (a paraphrase, or
    # other figures for the same fact), which no wording of theirs backs.
    retellings: tuple[str, ...] = ()
    # Of those, the claims whose shown sentence one of this claim's members tells on much
    # shared content (AGREEMENT_OVERLAP): the consensus may cite this claim's outlets there.
    restates: tuple[str, ...] = ()

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
    (``summarizer.pipeline.story_facts``): across outlets, a claim's ``retellings``.
    """
    index_of = {id(s): i for i, s in enumerate(sentences)}
    result: list[ReportedClaim] = []
    grouped = group_claims(sentences, alignment, salience, clauses=clauses)
    members = [[index_of[id(m)] for m in c.members] for c in grouped]
    retellings = _retellings(members, sentences, retold)
    representatives = [index_of[id(c.representative)] for c in grouped]
    restates = ([[] for _ in grouped] if retold is None else _restates(
        members, representatives, retold, alignment.containment, retellings))
    for number, claim in enumerate(grouped):
        rep_index = index_of[id(claim.representative)]
        # the seed's backers too: the representative may be another member (one that
        # stands alone), and an outlet backing the seed still reports the claim
        seed_index = index_of[id(claim.members[0])]
        supporting = sorted(set(claim.article_indices) | set(alignment.supporters(rep_index))
                            | set(alignment.supporters(seed_index)))
        shown = trim(claim.representative)
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
                retellings=tuple(f"c{k + 1}" for k in retellings[number]),
                restates=tuple(f"c{k + 1}" for k in restates[number]),
            )
        )
    return result


def _retellings(members: list[list[int]], sentences: list[Sentence],
                retold: np.ndarray | None) -> list[list[int]]:
    """Per claim (its ``members``' sentence indices), the other claims holding a sentence of
    another article that ``retold`` pairs with one of its members."""
    if retold is None:
        return [[] for _ in members]
    articles = np.array([s.article_index for s in sentences])
    across = retold & (articles[:, None] != articles[None, :])
    claim_of = np.full(len(sentences), -1)
    for k, indices in enumerate(members):
        claim_of[indices] = k
    found = []
    for k, indices in enumerate(members):
        others = set(claim_of[across[indices].any(axis=0)].tolist()) - {k, -1}
        found.append(sorted(others))
    return found


def _restates(members: list[list[int]], shown: list[int], retold: np.ndarray,
              containment: np.ndarray, retellings: list[list[int]]) -> list[list[int]]:
    """Per claim, the claims among its ``retellings`` whose ``shown`` sentence one of its
    ``members`` tells (``retold``) on ``AGREEMENT_OVERLAP`` of the alignment's overlap, read
    for those pairs only: the whole (n, n) overlap is built once already, in story_facts."""

    def tells(indices: list[int], target: int) -> bool:
        overlap = np.maximum(containment[indices, target], containment[target, indices])
        return bool((retold[indices, target] & (overlap >= AGREEMENT_OVERLAP)).any())

    return [[k for k in others if tells(indices, shown[k])]
            for indices, others in zip(members, retellings, strict=True)]


def consensus_claims(claims: list[ReportedClaim]) -> list[ReportedClaim]:
    """Claims at least two outlets report and that read on their own: the most widely
    reported first, then salience. (A list item has no sentence before it: "Now he's coming
    home empty-handed." says nothing there; the claim stays in ``claims``.)

    One event told by two groups of outlets in other words ("The northern span ... fell
    into the harbour, killing nine" and "Nine people died when a section of the bridge gave
    way") is one item: the claim reported more widely, reported by the outlets of both, each
    cited in its own words; but only where an outlet's telling shares much with the
    sentence shown (``restates``). A looser paraphrase is often another fact on the same
    people ("Bannon is trying to keep Romney ... from launching a bid for a Utah Senate
    seat" and "Mitt Romney speaks at the University of Utah ..."): it keeps both out of
    the exclusives but cites no outlet for the other's words."""
    readable = sorted((c for c in claims if _reads_as_sentence(c)),
                      key=lambda c: (-len(c.supporting), -c.salience))
    items: dict[str, ReportedClaim] = {}  # by the id of the claim each shows
    for claim in readable:
        home = next((other for other in claim.restates if other in items), None)
        if home is None:
            items[claim.id] = claim
            continue
        item = items[home]
        cited = set(item.supporting)
        items[home] = replace(
            item, supporting=sorted(cited | set(claim.supporting)),
            citations=item.citations + [c for c in claim.citations if c.article_index not in cited])
    shared = [c for c in items.values() if len(c.supporting) >= MIN_CONSENSUS_OUTLETS]
    return sorted(shared, key=lambda c: (-len(c.supporting), -c.salience))


def _reads_as_sentence(claim: ReportedClaim) -> bool:
    """A whole sentence that reads on its own: ends like one, opens every quote it closes,
    leans on no sentence before it ("Instead, he offered up ..."), has a verb of its own
    ("No safe place on the state's barrier islands for him to land.") and says nothing of
    the page ("in the video above"); a question (not a quoted one) claims nothing, nor a
    hook of a few words ("The wait is over!") where a short statement would tell news. As a
    summary shows them (``select.reads_whole``, as ``select.is_candidate`` asks)."""
    text = claim.text.rstrip()
    return (not claim.degraded and ends_as_sentence(text) and not text.endswith("?")
            and (len(text.split()) >= MIN_WORDS or short_statement(text))
            and stands_alone(text) and reads_whole(text))


def exclusive_claims(
    claims: list[ReportedClaim], n_articles: int, per_outlet: int = EXCLUSIVES_PER_OUTLET
) -> dict[int, list[ReportedClaim]]:
    """Per article, its most salient claims no other outlet reports, in its words or in
    other words (``retellings``: "The northern span ... collapsed shortly before 6pm"
    is no exclusive where another outlet says the span "fell into the harbour").

    A degraded article's units cannot be shown, so it has no exclusives to list (its
    support still counts for the claims other outlets make).
    """
    exclusives: dict[int, list[ReportedClaim]] = {i: [] for i in range(n_articles)}
    for claim in sorted(claims, key=lambda c: -c.salience):
        if len(claim.supporting) != 1 or claim.retellings or not _reads_as_sentence(claim):
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
