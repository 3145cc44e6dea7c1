"""Which wordings of a sentence make it summary material: a lexical model.

A logistic regression of greedy-oracle membership (see :mod:`newsweave.summarizer.oracle`) on the
words and word pairs of a sentence, and its first word and first pair. It learns what no
other feature sees: how news that reaches a human summary is worded ("announced",
"according to", "the company said") and how what does not is ("click here", "i think",
"follow us"). Its score is one more input of the learned model
(:mod:`newsweave.summarizer.learned`);
``newsweave train`` fits it on the training stories and writes it beside the model.

Same training rows and seed otherwise, ROUGE-1/2 of the default summaries with the
lexicon's input and without: Multi-News val (all 5,622 stories) 44.05/14.79 against
43.96/14.69, multinews-raw dev 47.18/16.24 against 46.94/16.09 (docs/quality.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np
import scipy.sparse as sparse

from newsweave.summarizer.float_table import load_float_table, save_float_table
from newsweave.text import tokens

LEXICON_NAME = "lexicon.tsv.gz"
# An n-gram in fewer training sentences than this has no weight: it would only be noise,
# and the file stays small.
MIN_SENTENCES = 5
# L2 penalty on the mean log-loss; 1e-4 / 1e-5 / 1e-6 gave a held-out AUC of 0.623 /
# 0.631 / 0.611 on half of the training stories, fitted on the other half.
L2 = 1e-5
MAX_ITERATIONS = 200
DECIMALS = 5
# Weights smaller than this are dropped after fitting: three in four are, which makes the
# lexicon four times smaller and faster to load; ROUGE did not move (docs/quality.md).
MIN_WEIGHT = 0.05
_BIAS = "__bias__"


def _norm(grams: set[str]) -> float:
    """What a sentence's n-gram weights are divided by, in fitting and in scoring alike:
    sqrt(n), so that long sentences do not win by length alone."""
    return max(len(grams), 1) ** 0.5


def ngrams(text: str) -> set[str]:
    """The words, word pairs, first word and first pair of a sentence, lowercased."""
    return ngrams_of(tokens(text))


def ngrams_of(words: list[str]) -> set[str]:
    """:func:`ngrams` of a sentence's :func:`~newsweave.text.tokens`."""
    found = set(words)
    found.update(map(" ".join, zip(words, words[1:], strict=False)))
    if words:
        found.add("^" + words[0])
        found.add("^" + " ".join(words[:2]))
    return found


@dataclass(frozen=True)
class Lexicon:
    weights: dict[str, float]
    bias: float

    def scores(self, texts: Sequence[str],
               words: Sequence[list[str]] | None = None) -> np.ndarray:
        """Each sentence's log-odds of being oracle material (``words``: each text's
        tokens, where the caller has them)."""
        values = np.empty(len(texts))
        weight = self.weights.get
        for i, text in enumerate(texts):
            grams = ngrams(text) if words is None else ngrams_of(words[i])
            # fsum: exact, so the score does not depend on the set's (per-process) order
            # and a retrained model comes out byte for byte the same.
            total = math.fsum(map(weight, grams, repeat(0.0)))
            values[i] = self.bias + total / _norm(grams)
        return values

    def save(self, path: Path) -> None:
        save_float_table(path, (_BIAS, self.bias), self.weights, DECIMALS)

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        weights, bias = load_float_table(path, _BIAS)
        return cls(weights, bias)


def _matrix(grams: Sequence[set[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    indptr = [0]
    columns: list[int] = []
    values: list[float] = []
    for found in grams:
        weight = 1.0 / _norm(found)
        known = sorted(vocabulary[g] for g in found if g in vocabulary)
        columns.extend(known)
        values.extend([weight] * len(known))
        indptr.append(len(columns))
    return sparse.csr_matrix(
        (np.array(values), np.array(columns, dtype=np.int64), np.array(indptr)),
        shape=(len(grams), len(vocabulary)),
    )


def fit(texts: Sequence[str], labels: np.ndarray) -> Lexicon:
    """An L2-penalised logistic regression of ``labels`` (0/1) on each text's n-grams."""
    from scipy.optimize import minimize  # only training fits; scoring never pays its import

    if not len(texts):
        return Lexicon({}, 0.0)
    grams = [ngrams(t) for t in texts]
    counts = Counter(g for found in grams for g in found)
    names = sorted(g for g, c in counts.items() if c >= MIN_SENTENCES)
    vocabulary = {g: i for i, g in enumerate(names)}
    x = _matrix(grams, vocabulary)
    xt = x.T.tocsr()
    y = np.asarray(labels, dtype=np.float64)
    n = len(y)

    def loss_and_gradient(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        z = x @ w + b
        loss = float((np.logaddexp(0.0, z) - y * z).mean() + L2 / 2 * w @ w)
        error = 1.0 / (1.0 + np.exp(-z)) - y
        return loss, np.append(xt @ error / n + L2 * w, error.mean())

    result = minimize(loss_and_gradient, np.zeros(len(names) + 1), jac=True,
                      method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS})
    # Rounded as the file stores them: the lexicon in memory is the one that ships.
    weights = {
        g: round(float(w), DECIMALS)
        for g, w in zip(names, result.x[:-1], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return Lexicon(weights, round(float(result.x[-1]), DECIMALS))
