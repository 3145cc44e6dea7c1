"""Represent a story's sentences as weighted content-word vectors.

Weights are TF-IDF over the story's own sentences: a stem that every sentence repeats
carries little, a stem a few sentences share carries much. Rows are L2-normalised, so the
Gram matrix is the cosine similarity every later stage uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsweave.model import Sentence
from newsweave.text import content_stems


@dataclass
class Representation:
    """Vectors and shared-content statistics for one story's sentences."""

    stems: list[list[str]]
    vectors: sparse.csr_matrix
    vocabulary: dict[str, int]
    article_frequency: np.ndarray  # per vocabulary stem: how many articles use it

    similarity: np.ndarray  # dense cosine similarity between every pair of sentences
    presence: sparse.csr_matrix  # 1.0 where a sentence uses a stem
    idf: np.ndarray  # per vocabulary stem, over the story's sentences


def represent(sentences: list[Sentence], n_articles: int) -> Representation:
    stems = [content_stems(s.text) for s in sentences]
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, sentence_stems in enumerate(stems):
        for stem in sentence_stems:
            rows.append(row)
            cols.append(vocabulary.setdefault(stem, len(vocabulary)))
    counts = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(sentences), len(vocabulary))
    )
    counts.sum_duplicates()
    presence = counts.copy()
    presence.data[:] = 1.0
    sentence_frequency = np.asarray(presence.sum(axis=0)).ravel()
    idf = np.log((1 + len(sentences)) / (1 + sentence_frequency)) + 1.0
    weighted = counts.multiply(idf).tocsr()
    weighted.data = np.log1p(weighted.data)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    vectors = sparse.diags(1.0 / norms) @ weighted

    article_of = np.array([s.article_index for s in sentences], dtype=np.int64)
    article_presence = sparse.csr_matrix(
        (np.ones(len(sentences)), (article_of, np.arange(len(sentences)))),
        shape=(max(n_articles, 1), len(sentences)),
    ) @ presence
    article_frequency = np.asarray((article_presence > 0).sum(axis=0)).ravel()
    vectors = sparse.csr_matrix(vectors)
    similarity = (vectors @ vectors.T).toarray()
    return Representation(
        stems, vectors, vocabulary, article_frequency, similarity, presence, idf
    )
