"""Clustering agreement with a gold grouping: B-cubed, pairwise F1, adjusted Rand index."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass
class Scores:
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pairwise_f1: float
    ari: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: dict[str, str], gold: dict[str, str]) -> Scores:
    """Agreement over the items both labelings share (every gold item must be predicted)."""
    from sklearn.metrics import adjusted_rand_score

    items = list(gold)
    missing = [i for i in items if i not in predicted]
    if missing:
        raise ValueError(f"{len(missing)} items have no predicted story, e.g. {missing[0]}")
    both = Counter((predicted[i], gold[i]) for i in items)
    size_predicted = Counter(predicted[i] for i in items)
    size_gold = Counter(gold[i] for i in items)
    # B-cubed: per item, the share of its predicted cluster in its gold cluster (precision)
    # and of its gold cluster in its predicted cluster (recall).
    precision = sum(n * n / size_predicted[p] for (p, _), n in both.items()) / len(items)
    recall = sum(n * n / size_gold[g] for (_, g), n in both.items()) / len(items)
    together = sum(n * (n - 1) / 2 for n in both.values())
    predicted_pairs = sum(n * (n - 1) / 2 for n in size_predicted.values())
    gold_pairs = sum(n * (n - 1) / 2 for n in size_gold.values())
    pair_p = together / predicted_pairs if predicted_pairs else 1.0
    pair_r = together / gold_pairs if gold_pairs else 1.0
    ari = adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items])
    return Scores(precision, recall, _f1(precision, recall), _f1(pair_p, pair_r), float(ari))
