"""Unsupervised salience: a weighted sum of a few robust signals.

Weights were tuned on ../shared/data (Multi-News val, raw dev and DUC 2006; see
benchmarks/quality.py). The learned model in :mod:`newsweave.summarizer.learned` replaces this
when its model file is available.
"""

from __future__ import annotations

import numpy as np

from newsweave.summarizer.features import FeatureTable

# Cross-source support is the strongest multi-document signal; position helps little once
# support is counted (with 25 articles a strong lead prior fills the budget with ledes).
DEFAULT_WEIGHTS: dict[str, float] = {
    "centroid_similarity": 1.0,
    "support_soft": 1.6,
    "support_share": 0.3,
    "inverse_position": 0.1,
    "title_overlap": 0.3,
    "starts_with_pronoun": -0.3,
    "is_quote": -0.3,
}


def unsupervised_salience(
    features: FeatureTable, weights: dict[str, float] | None = None
) -> np.ndarray:
    chosen = DEFAULT_WEIGHTS if weights is None else weights
    salience = np.zeros(features.values.shape[0])
    for name, weight in chosen.items():
        salience += weight * features.column(name)
    return salience
