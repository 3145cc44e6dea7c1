"""Sentence × article tables, kept sparse: a story of 10,000 articles must not cost
sentences × articles of memory (2,000 × 10,000 float64 is 160 MB a table).

``align`` reduces the sentences × sentences containment to, per sentence and article, the
best containment in that article and which sentence gives it. Only pairs that share
content are stored; an article that shares nothing with a sentence is an implicit 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse


@dataclass
class ArticleTable:
    """Per sentence and article: the best value found in the article's sentences (CSR, rows
    = sentences, columns = articles) and, where it is above 0, which sentence has it."""

    values: sparse.csr_matrix
    best: sparse.csr_matrix  # the best sentence's index + 1 (0 is "none stored")
    # per article, its first sentence (the dense argmax over all-zero columns), -1 if none
    first_sentence: np.ndarray
    _rows: dict[int, dict[int, int]] = field(default_factory=dict, repr=False)

    def best_in(self, row: int, article: int) -> int:
        """The sentence of ``article`` that contains sentence ``row`` best."""
        if row not in self._rows:
            start, end = self.best.indptr[row], self.best.indptr[row + 1]
            self._rows[row] = dict(zip(self.best.indices[start:end].tolist(),
                                       (self.best.data[start:end] - 1).tolist(), strict=True))
        return self._rows[row].get(article, int(self.first_sentence[article]))

    def row(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """(articles, values) stored for one sentence."""
        start, end = self.values.indptr[index], self.values.indptr[index + 1]
        return self.values.indices[start:end], self.values.data[start:end]

    def counts_at_least(self, threshold: float) -> np.ndarray:
        """Per sentence, how many articles reach ``threshold`` (> 0)."""
        n = self.values.shape[0]
        row_of = np.repeat(np.arange(n), np.diff(self.values.indptr))
        return np.bincount(row_of[self.values.data >= threshold], minlength=n)

    def row_max(self, rows: slice, articles: slice) -> np.ndarray:
        """Per sentence in ``rows``, the best value over ``articles``."""
        part = self.values[rows][:, articles]
        return np.asarray(part.max(axis=1).todense()).ravel() if part.shape[1] else np.zeros(
            part.shape[0])


def best_per_article(matrix: np.ndarray, article_of: np.ndarray, n_articles: int
                     ) -> ArticleTable:
    """Per row and article, the largest entry of ``matrix`` (n × n) in that article's columns
    (the first column on ties), each row's own article set to 1.0 at the row itself."""
    n = len(article_of)
    rows, cols = np.nonzero(matrix > 0)
    arts = article_of[cols]
    foreign = arts != article_of[rows]
    rows, cols, arts = rows[foreign], cols[foreign], arts[foreign]
    values = matrix[rows, cols]
    width = max(n_articles, 1)
    key = rows.astype(np.int64) * width + arts
    order = np.lexsort((cols, -values, key))  # per key: best value first, then lowest column
    key, rows, cols, arts, values = key[order], rows[order], cols[order], arts[order], \
        values[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    own = np.arange(n)
    rows = np.concatenate([rows[first], own])
    arts = np.concatenate([arts[first], article_of])
    # Built in CSR's own layout (by row, then article; no duplicates: a row's own article
    # is never among its foreign ones): scipy's conversion from coordinates costs more than
    # the rest of this function.
    order = np.argsort(rows.astype(np.int64) * width + arts, kind="stable")
    indices = arts[order].astype(np.int32)
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    table = sparse.csr_matrix(
        (np.concatenate([values[first], np.ones(n)])[order], indices, indptr), shape=(n, width))
    best = sparse.csr_matrix(
        ((np.concatenate([cols[first], own]) + 1)[order].astype(np.int64), indices, indptr),
        shape=(n, width))
    starts = np.full(width, -1, dtype=np.int64)
    present, first_of = np.unique(article_of, return_index=True)
    starts[present] = first_of
    return ArticleTable(table, best, starts)
