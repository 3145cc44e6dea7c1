"""The learned salience model: a LightGBM regressor shipped as a text file in the package.

It predicts how much of a human reference each sentence recovers (see
:mod:`newsweave.train` for how it is trained and ``models/salience.json`` for provenance).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.errors import NewsweaveError
from newsweave.features import FeatureTable

DEFAULT_MODEL = Path(__file__).parent / "models" / "salience.txt"

# Features whose distribution does not depend on casing or on Multi-News's truncation,
# so that a model trained on the lowercased, truncated training set transfers to full,
# cased articles (capitalised_share and relative position do not).
MODEL_FEATURES = (
    "position",
    "inverse_position",
    "words",
    "centroid_similarity",
    "article_centroid_similarity",
    "support_share",
    "support_soft",
    "degree_centrality",
    "title_overlap",
    "article_frequency_mean",
    "is_quote",
    "starts_with_pronoun",
    "has_number",
    "n_articles",
    "words_before",
    "bigram_support",
    "max_other_similarity",
    "stopword_share",
    "has_speech_verb",
    "importance_mean",
    "importance_sum",
    "importance_support",
)


class SalienceModel:
    """Scores sentences from their feature table."""

    def __init__(self, booster: Any, features: tuple[str, ...], max_articles: int) -> None:
        self._booster = booster
        self.features = features
        # Stories larger than any in training (DUC's 25 articles) are outside what the
        # model has seen; the pipeline uses the unsupervised scorer for them.
        self.max_articles = max_articles

    def covers(self, n_articles: int) -> bool:
        return n_articles <= self.max_articles

    @classmethod
    def load(cls, path: Path) -> SalienceModel:
        try:
            import lightgbm
        except ImportError:
            raise NewsweaveError("the learned model needs lightgbm: pip install lightgbm") from None
        if not path.exists():
            raise NewsweaveError(f"{path}: no such model file")
        booster = lightgbm.Booster(model_file=str(path))
        features = tuple(booster.feature_name())
        max_articles = 10
        provenance = path.with_suffix(".json")
        if provenance.exists():
            record = json.loads(provenance.read_text(encoding="utf-8"))
            features = tuple(record["features"])
            max_articles = int(record.get("max_articles", max_articles))
        return cls(booster, features, max_articles)

    def predict(self, table: FeatureTable) -> np.ndarray:
        if table.values.shape[0] == 0:
            return np.zeros(0)
        columns = [table.names.index(name) for name in self.features]
        return np.asarray(self._booster.predict(table.values[:, columns], num_threads=1))


def load_default_model(required: bool = False) -> SalienceModel | None:
    """The model shipped with the package, or None (or an error if ``required``)."""
    if not DEFAULT_MODEL.exists():
        if required:
            raise NewsweaveError(f"no learned model installed at {DEFAULT_MODEL}")
        return None
    return _load_cached(DEFAULT_MODEL)


@lru_cache(maxsize=2)
def _load_cached(path: Path) -> SalienceModel:
    # Loaded once per process: the model is read-only, and a story takes milliseconds.
    return SalienceModel.load(path)
