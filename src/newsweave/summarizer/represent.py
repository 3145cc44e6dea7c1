"""Represent a story's sentences as weighted content-word vectors.

Weights are TF-IDF over the story's own sentences: a stem that every sentence repeats
carries little, a stem a few sentences share carries much. Rows are L2-normalised, so the
Gram matrix is the cosine similarity every later stage uses.

Matrices are dense for ordinary stories (scipy's per-operation cost dominates at a few
dozen sentences) and sparse past ``DENSE_MAX_CELLS``, so that a very long input costs
memory in proportion to its words rather than to sentences times vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
from scipy import sparse

from newsweave.model import Sentence
from newsweave.text import content_stems_of, tokens

DENSE_MAX_CELLS = 400_000
# A numpy array or a scipy CSR matrix; both answer the few operations used on it here.
Matrix: TypeAlias = Any


def to_dense(matrix: Matrix) -> np.ndarray:
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def scale_columns(matrix: Matrix, factors: np.ndarray) -> Matrix:
    return matrix.multiply(factors).tocsr() if sparse.issparse(matrix) else matrix * factors


def scale_rows(matrix: Matrix, factors: np.ndarray) -> Matrix:
    if sparse.issparse(matrix):
        return sparse.csr_matrix(sparse.diags(factors) @ matrix)
    return matrix * factors[:, None]


def row_sums(matrix: Matrix) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1)).ravel()


def article_membership(article_of: np.ndarray, n_articles: int) -> sparse.csr_matrix:
    """(articles, sentences) CSR, 1.0 where the sentence is the article's. Built in CSR's
    own layout (sentences in order within each article, as scipy's conversion from
    coordinates sorts them), which costs a fraction of that conversion."""
    n = len(article_of)
    indptr = np.zeros(n_articles + 1, dtype=np.int32)
    np.cumsum(np.bincount(article_of, minlength=n_articles), out=indptr[1:])
    indices = np.argsort(article_of, kind="stable").astype(np.int32)
    return sparse.csr_matrix((np.ones(n), indices, indptr), shape=(n_articles, n))


@dataclass
class Representation:
    """Vectors and shared-content statistics for one story's sentences."""

    stems: list[list[str]]
    vectors: Matrix
    vocabulary: dict[str, int]
    article_frequency: np.ndarray  # per vocabulary stem: how many articles use it

    similarity: np.ndarray  # dense cosine similarity between every pair of sentences
    presence: Matrix  # 1.0 where a sentence uses a stem
    idf: np.ndarray  # per vocabulary stem, over the story's sentences
    # per sentence, its text.tokens: read again by later stages (figures, features, the
    # lexicon), which would otherwise tokenise every sentence once each
    tokens: list[list[str]]


def represent(sentences: list[Sentence], n_articles: int) -> Representation:
    words = [tokens(s.text) for s in sentences]
    stems = [content_stems_of(found) for found in words]
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, sentence_stems in enumerate(stems):
        for stem in sentence_stems:
            rows.append(row)
            cols.append(vocabulary.setdefault(stem, len(vocabulary)))
    shape = (len(sentences), len(vocabulary))
    counts: Matrix
    if shape[0] * shape[1] <= DENSE_MAX_CELLS:
        counts = np.zeros(shape)
        np.add.at(counts, (rows, cols), 1.0)
    else:
        counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
        counts.sum_duplicates()
    presence = counts.copy()
    if sparse.issparse(presence):
        presence.data[:] = 1.0
    else:
        presence = (presence > 0).astype(np.float64)
    sentence_frequency = np.asarray(presence.sum(axis=0)).ravel()
    idf = np.log((1 + len(sentences)) / (1 + sentence_frequency)) + 1.0
    weighted = scale_columns(counts, idf)
    if sparse.issparse(weighted):
        weighted.data = np.log1p(weighted.data)
    else:
        weighted = np.log1p(weighted)
    squares = weighted.multiply(weighted) if sparse.issparse(weighted) else weighted * weighted
    norms = np.sqrt(row_sums(squares))
    norms[norms == 0] = 1.0
    vectors = scale_rows(weighted, 1.0 / norms)

    article_of = np.array([s.article_index for s in sentences], dtype=np.int64)
    # Sparse: articles × sentences (and articles × stems) dense took 0.15 MB per article.
    membership = article_membership(article_of, max(n_articles, 1))
    article_presence = membership @ presence
    article_frequency = np.asarray((article_presence > 0).sum(axis=0)).ravel()
    similarity = to_dense(vectors @ vectors.T)
    return Representation(
        stems, vectors, vocabulary, article_frequency, similarity, presence, idf, words
    )
