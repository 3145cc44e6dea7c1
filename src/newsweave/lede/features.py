"""What makes a sentence a lede: the evidence a first sentence is chosen on.

Most outlets open on the main event, so a sentence that other articles' openings say too
is the strongest sign; then its own place in its article, its salience, whether it
agrees with the titles, and whether it can open a summary at all (no leaning opener, no
quotation, no first person). Nothing here depends on letter case: the model is trained on
Multi-News's lowercased text and used on cased articles.
"""

from __future__ import annotations

import numpy as np

from newsweave.model import Sentence
from newsweave.summarizer.by_article import best_per_article
from newsweave.summarizer.features import FeatureTable
from newsweave.summarizer.readability import speaks_in_first_person, stands_alone, starts_with_quote
from newsweave.summarizer.represent import DENSE_MAX_CELLS, row_sums

# Columns of the feature table the model reads as they are.
TABLE_FEATURES = (
    "position", "relative_position", "words", "support_share", "support_soft",
    "title_overlap", "centroid_similarity", "bigram_support", "max_other_similarity",
    "has_speech_verb", "is_quote", "has_number", "importance_mean", "n_articles",
)
LEDE_FEATURES = TABLE_FEATURES + (
    "salience",  # the summarizer's salience, standardised within the story
    "salience_rank",  # 0 for the story's most salient sentence, as a share of sentences
    "opening_match",  # mean over other articles of its best overlap with their openings
    "opening_share",  # share of other articles whose opening says much of it
    "candidate_rank",  # how many shown-able sentences of its article come before it
    "stands_alone",
    "first_person",
    "quoted_share",  # share of its characters inside quotation marks
)
OPENING_SENTENCES = 3  # an article's "opening": its first sentences
OPENING_OVERLAP = 0.3  # overlap at which an opening "says much of" a sentence


def _quoted_share(text: str) -> float:
    inside, quoted, marks = False, 0, 0
    for char in text:
        if char in "\"“”":
            inside, marks = not inside, marks + 1
        elif inside:
            quoted += 1
    return quoted / max(len(text), 1) if marks >= 2 else 0.0


def opening_evidence(sentences: list[Sentence], overlap: np.ndarray, n_articles: int
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, the mean over the other articles of its best overlap with their
    opening sentences, and the share of other articles where that overlap is high."""
    article_of = np.array([s.article_index for s in sentences], dtype=np.int64)
    opening = np.array([s.position < OPENING_SENTENCES and not s.degraded for s in sentences],
                       dtype=bool)
    others = max(n_articles - 1, 1)  # the own article's entry is 1.0 there: not counted
    if not sentences or len(sentences) * n_articles > DENSE_MAX_CELLS:
        # sparse per article (by_article.py): sentences × articles dense is 160 MB at 10,000
        best = best_per_article(np.where(opening[None, :], overlap, 0.0), article_of,
                                n_articles)
        return ((row_sums(best.values) - 1.0) / others,
                (best.counts_at_least(OPENING_OVERLAP) - 1) / others)
    values, starts = _best_openings(overlap, article_of, opening, n_articles)
    return ((np.add.reduceat(values, starts) - 1.0) / others,
            (np.add.reduceat(values >= OPENING_OVERLAP, starts) - 1) / others)


def _best_openings(overlap: np.ndarray, article_of: np.ndarray, opening: np.ndarray,
                   n_articles: int) -> tuple[np.ndarray, np.ndarray]:
    """What ``best_per_article`` stores for the openings, dense: per sentence, the best
    overlap above 0 with each other article's openings, and 1.0 for its own article, in
    article order (each row's values in the order the sparse table holds them, so that
    their sums are the same to the last bit), and where each row's values start."""
    n = len(article_of)
    columns = np.flatnonzero(opening)
    columns = columns[np.argsort(article_of[columns], kind="stable")]  # by article
    best = np.zeros((n, max(n_articles, 1)))
    if len(columns):
        arts = article_of[columns]
        first = np.flatnonzero(np.r_[True, arts[1:] != arts[:-1]])
        best[:, arts[first]] = np.maximum.reduceat(overlap[:, columns], first, axis=1)
    best[np.arange(n), article_of] = 1.0
    kept = best > 0
    return best[kept], np.r_[0, np.cumsum(kept.sum(axis=1))[:-1]]


def lede_features(sentences: list[Sentence], table: FeatureTable, salience: np.ndarray,
                  overlap: np.ndarray, n_articles: int, candidates: np.ndarray,
                  alone: np.ndarray | None = None) -> np.ndarray:
    """(n, len(LEDE_FEATURES)): ``sentences`` as shown (trimmed), ``candidates`` those that
    may be shown at all (``select.is_candidate``), ``alone`` those that stand alone
    (``stands_alone``), where the caller has them already."""
    n = len(sentences)
    if n == 0:
        return np.zeros((0, len(LEDE_FEATURES)))
    standard = (salience - salience.mean()) / (salience.std() or 1.0)
    rank = np.empty(n)
    rank[np.argsort(-salience, kind="stable")] = np.arange(n) / n
    opening_match, opening_share = opening_evidence(sentences, overlap, n_articles)
    candidate_rank = np.zeros(n)
    seen: dict[int, int] = {}
    for i, sentence in enumerate(sentences):
        candidate_rank[i] = seen.get(sentence.article_index, 0)
        if candidates[i]:
            seen[sentence.article_index] = seen.get(sentence.article_index, 0) + 1
    texts = [s.text for s in sentences]
    own = np.column_stack([
        standard, rank, opening_match, opening_share, candidate_rank,
        [(stands_alone(t) if alone is None else alone[k]) and not starts_with_quote(t)
         for k, t in enumerate(texts)],
        [speaks_in_first_person(t) for t in texts],
        [_quoted_share(t) for t in texts],
    ])
    return np.column_stack([table.column(name) for name in TABLE_FEATURES] + [own])
