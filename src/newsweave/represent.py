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

    def similarity(self) -> np.ndarray:
        """Dense cosine similarity between every pair of sentences."""
        gram = self.vectors @ self.vectors.T
        return np.asarray(gram.todense(), dtype=np.float64)


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
    sentence_frequency = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(sentences)) / (1 + sentence_frequency)) + 1.0
    weighted = counts.multiply(idf).tocsr()
    weighted.data = np.log1p(weighted.data)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    vectors = sparse.diags(1.0 / norms) @ weighted

    article_of = np.array([s.article_index for s in sentences], dtype=np.int64)
    presence = sparse.csr_matrix(
        (np.ones(len(sentences)), (article_of, np.arange(len(sentences)))),
        shape=(max(n_articles, 1), len(sentences)),
    ) @ (counts > 0).astype(np.float64)
    article_frequency = np.asarray((presence > 0).sum(axis=0)).ravel()
    return Representation(stems, sparse.csr_matrix(vectors), vocabulary, article_frequency)
