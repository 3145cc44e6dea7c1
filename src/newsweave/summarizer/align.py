"""Align sentences across outlets: which articles report what a sentence says.

Support is measured by containment: the share of a sentence's content (IDF-weighted
stems) that a sentence of another article also contains. Containment, unlike cosine,
lets a short sentence be backed by a longer one that says more, and lets a degraded
article (cut into arbitrary word windows) back a sentence that straddles two windows.
A sentence whose figures the other does not state ("nine dead" against "seven dead") is
not backed by it, however many words they share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsweave.model import Claim, Sentence
from newsweave.summarizer.by_article import ArticleTable, best_per_article
from newsweave.summarizer.quantities import Quantity, find_quantities
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.represent import Matrix, Representation, row_sums, scale_columns, to_dense
from newsweave.summarizer.trim import trim
from newsweave.text import content_stems, number_tokens

SUPPORT_THRESHOLD = 0.5
MIN_SHARED_STEMS = 3
# From this containment two sentences' figures are compared measure by measure (can both
# be true? do they restate one fact?); below it only by their number tokens.
RESTATING_CONTAINMENT = 0.25
# A clause ("— skipping their planned signing ceremony and even lunch —") found in another
# outlet's sentence links the two sentences into one claim, though neither contains the other.
CLAUSE_THRESHOLD = 0.65
CLAUSE_MIN_STEMS = 4
_CLAUSE_BREAK = re.compile(r"\s*(?:[—–;:()]|,\s+(?:and|but|while|when|after|before)\b)\s*")


@dataclass
class Alignment:
    """Per sentence and article, the best containment of the sentence in that article.

    ``strength`` says how much of the topic another article shares (a salience signal);
    ``backing`` also requires the figures to agree (who can be cited as a source).
    """

    # (n_sentences, n_articles), sparse; 1.0 for a sentence's own article
    strength: ArticleTable
    backing: ArticleTable  # as strength, with disagreeing figures set to 0
    containment: np.ndarray  # (n_sentences, n_sentences): share of i's content found in j
    figures: np.ndarray  # (n_sentences,) bool: the sentence gives a figure
    # (n_sentences, n_sentences) bool, pairs that share content and give figures:
    disagreeing: np.ndarray  # figures that cannot both be true ("nine dead", "seven dead")
    restating: np.ndarray  # the same measures, all agreeing: one fact told twice

    def overlap(self) -> np.ndarray:
        """Either sentence's content largely contained in the other: they say the same."""
        return np.maximum(self.containment, self.containment.T)

    def supporters(self, index: int, threshold: float = SUPPORT_THRESHOLD) -> list[int]:
        """Articles that report sentence ``index``, its own included."""
        articles, values = self.backing.row(index)
        return sorted(int(a) for a in articles[values >= threshold])

    def best_match(self, index: int, article: int) -> int:
        """The sentence of ``article`` that backs sentence ``index`` best (-1: no sentence)."""
        return self.backing.best_in(index, article)

    def backer_counts(self, threshold: float = SUPPORT_THRESHOLD) -> np.ndarray:
        """How many articles report each sentence, figures agreeing, its own included."""
        return self.backing.counts_at_least(threshold)

    def support_counts(self, threshold: float = SUPPORT_THRESHOLD) -> np.ndarray:
        """How many other articles share each sentence's topic."""
        return self.strength.counts_at_least(threshold) - 1

    def soft_support(self) -> np.ndarray:
        """Per sentence, the sum of its containment in every other article."""
        return row_sums(self.strength.values) - 1.0


def _presence(rep: Representation, sentences: list[Sentence]) -> Matrix:
    """Binary stem presence; a degraded unit also holds the next unit's stems (straddling)."""
    binary = rep.presence
    straddling = [
        i
        for i in range(len(sentences) - 1)
        if sentences[i].degraded and sentences[i + 1].article_index == sentences[i].article_index
    ]
    if not straddling:
        return binary
    n = len(sentences)
    shift = sparse.csr_matrix(
        (np.ones(len(straddling)), (straddling, [i + 1 for i in straddling])), shape=(n, n)
    )
    merged = binary + shift @ binary
    if sparse.issparse(merged):
        return sparse.csr_matrix(merged.minimum(1.0))
    return np.minimum(merged, 1.0)


Figures = dict[tuple[str, str], list[Quantity]]


def measured_figures(sentence: Sentence) -> Figures:
    """A sentence's precise figures by what they measure: (measure, unit) → quantities."""
    found: Figures = {}
    for q in find_quantities(sentence.text, degraded=sentence.degraded):
        if q.measure and not q.vague:
            found.setdefault((q.measure, q.unit), []).append(q)
    return found


def _compare_figures(containment: np.ndarray, sentences: list[Sentence],
                     own_numbers: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sentences that share content and give figures: (disagreeing, restating).

    Disagreeing: figures that cannot both be true, none in common, or the same measure with
    values that cannot both be true ("seven killed and 38 injured" against "nine killed and
    38 injured"; "nearly 40 injured" and "38 injured" agree); ``containment`` is set to 0
    there, since such a sentence does not back the other. Restating: the same measures,
    all agreeing ("nine people died" and "killing nine people"): one fact told twice.
    """
    n = len(sentences)
    disagreeing = np.zeros((n, n), dtype=bool)
    restating = np.zeros((n, n), dtype=bool)
    numbers = list(own_numbers)
    for i in range(n - 1):
        here, after = sentences[i], sentences[i + 1]
        if here.degraded and after.article_index == here.article_index:
            numbers[i] = numbers[i] | numbers[i + 1]
    has_numbers = np.array([bool(found) for found in numbers], dtype=bool)
    rows, cols = np.nonzero((containment > 0) & has_numbers[:, None] & has_numbers[None, :])
    rows, cols = rows[rows != cols], cols[rows != cols]
    close = containment[rows, cols] >= RESTATING_CONTAINMENT
    # Sentences of one text (and numbers) compare alike: each distinct pair of texts is
    # judged once, however many outlets repeat them (10,000 copies of one wire sentence).
    kinds: dict[tuple[str, bool, frozenset[str]], int] = {}
    kind = np.array([kinds.setdefault((s.text, s.degraded, numbers[k]), len(kinds))
                     for k, s in enumerate(sentences)], dtype=np.int64)
    key = (kind[rows] * len(kinds) + kind[cols]) * 2 + close
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    agree, restates = np.zeros(len(first), dtype=bool), np.zeros(len(first), dtype=bool)
    measured: dict[int, Figures] = {}

    def figures(k: int) -> Figures:
        if k not in measured:
            measured[k] = measured_figures(sentences[k])
        return measured[k]

    for pair, at in enumerate(first):
        i, j = int(rows[at]), int(cols[at])
        shared = bool(numbers[i] & numbers[j])
        if not close[at]:  # cannot back or restate: the cheap test
            agree[pair] = shared
        else:
            a, b = figures(i), figures(j)
            agree[pair] = figures_agree(a, b, shared)
            restates[pair] = agree[pair] and bool(a.keys() & b.keys())
    against = ~agree[inverse]
    containment[rows[against], cols[against]] = 0.0
    disagreeing[rows[against], cols[against]] = True
    restating[rows[restates[inverse]], cols[restates[inverse]]] = True
    # A pair is judged by its better-informed direction: where one side's figures were
    # compared measure by measure and agree, the other side's number-token test (which
    # calls "nearly 40" and "38" different) does not make the pair disagree.
    restating |= restating.T
    return (disagreeing | disagreeing.T) & ~restating, restating


def figures_agree(a: Figures, b: Figures, shared_number: bool) -> bool:
    """Figures of the same measure that can all be true; with none, a number in common."""
    common = a.keys() & b.keys()
    if not common:
        return shared_number
    return all(any(x.agrees(y) for x in a[key] for y in b[key]) for key in common)


def align(sentences: list[Sentence], rep: Representation, n_articles: int) -> Alignment:
    n = len(sentences)
    article_of = np.array([s.article_index for s in sentences], dtype=np.int64)
    if n == 0:
        none = np.zeros((0, 0), dtype=bool)
        empty = best_per_article(np.zeros((0, 0)), article_of, n_articles)
        return Alignment(empty, empty, np.zeros((0, 0)), np.zeros(0, dtype=bool), none, none)
    own = rep.presence
    other = _presence(rep, sentences)
    weighted = scale_columns(own, rep.idf)
    shared_weight = to_dense(weighted @ other.T)
    shared_count = to_dense(own @ other.T)
    total = row_sums(weighted)
    total[total == 0] = 1.0
    containment = shared_weight / total[:, None]
    containment[shared_count < MIN_SHARED_STEMS] = 0.0
    agreeing = containment.copy()
    numbers = [number_tokens(s.text, words) for s, words in zip(sentences, rep.tokens,
                                                                 strict=True)]
    disagreeing, restating = _compare_figures(agreeing, sentences, numbers)
    strength = best_per_article(containment, article_of, n_articles)
    backing = best_per_article(agreeing, article_of, n_articles)
    figures = np.array([bool(found) for found in numbers], dtype=bool)
    return Alignment(strength, backing, containment, figures, disagreeing, restating)


def clause_links(sentences: list[Sentence], rep: Representation) -> np.ndarray:
    """(n, n): how much of the best-covered clause of sentence i sentence j contains.

    Symmetric use is up to the caller. Clauses are cut at dashes, semicolons, colons,
    brackets and ", and"-style joins. Only a clause's lower-case content words count: a
    clause that is only a name ("House Speaker John Boehner") says nothing by itself. A
    clause needs ``CLAUSE_MIN_STEMS`` of them, and as many must be shared.
    """
    n = len(sentences)
    links = np.zeros((n, n))
    if n == 0:
        return links
    presence = to_dense(rep.presence) if n * len(rep.vocabulary) <= 4_000_000 else None
    for i, sentence in enumerate(sentences):
        if sentence.degraded:
            continue
        for clause in _CLAUSE_BREAK.split(sentence.text):
            plain = " ".join(w for w in clause.split() if w[:1].islower())
            columns = sorted(
                {rep.vocabulary[s] for s in content_stems(plain) if s in rep.vocabulary}
            )
            if len(columns) < CLAUSE_MIN_STEMS:
                continue
            block = presence[:, columns] if presence is not None else to_dense(
                rep.presence[:, columns]
            )
            weights = rep.idf[columns]
            share = block @ weights / weights.sum()
            share[block.sum(axis=1) < CLAUSE_MIN_STEMS] = 0.0
            links[i] = np.maximum(links[i], share)
    np.fill_diagonal(links, 0.0)
    return links


def group_claims(
    sentences: list[Sentence],
    alignment: Alignment,
    salience: np.ndarray,
    threshold: float = SUPPORT_THRESHOLD,
    clauses: np.ndarray | None = None,
) -> list[Claim]:
    """Group sentences saying the same thing into claims, most salient first.

    Each sentence joins at most one claim. A claim takes, from every other article, that
    article's best match if it backs the seed sentence and is not already claimed; with
    ``clauses`` (see :func:`clause_links`), also an article's sentence that shares a whole
    clause with the seed. The representative is the best-formed member: never a degraded
    unit if a clean one exists, nor one that leans on the sentence before it ("Now he's
    coming home empty-handed.") if another outlet says it in a sentence that stands alone.
    """
    claimed = np.zeros(len(sentences), dtype=bool)
    claims: list[Claim] = []
    article_of = np.array([s.article_index for s in sentences])
    shared_clause = None if clauses is None else np.maximum(clauses, clauses.T)
    for seed in np.argsort(-salience, kind="stable"):
        if claimed[seed]:
            continue
        members = [int(seed)]
        for article in alignment.supporters(int(seed), threshold):
            match = alignment.best_match(int(seed), article)
            if match != seed and match >= 0 and not claimed[match]:
                members.append(match)
        if shared_clause is not None:
            present = set(article_of[members])
            linked = np.where(claimed | (article_of == article_of[seed]), 0.0, shared_clause[seed])
            for match in np.argsort(-linked, kind="stable"):
                if linked[match] < CLAUSE_THRESHOLD:
                    break
                if article_of[match] not in present:
                    members.append(int(match))
                    present.add(article_of[match])
        claimed[members] = True
        ranked = sorted(members, key=lambda i: (
            sentences[i].degraded, not stands_alone(trim(sentences[i]).text), -salience[i]))
        claims.append(
            Claim(representative=sentences[ranked[0]], members=[sentences[i] for i in members])
        )
    return claims
