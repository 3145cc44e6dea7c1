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
OUT_OF_RANGE_PENALTY = 1.0

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

    def __init__(
        self,
        booster: Any,
        features: tuple[str, ...],
        max_articles: int = 10,
        max_words_before: float = 300.0,
    ) -> None:
        self._booster = booster
        self.features = features
        # Stories larger than any in training (DUC's 25 articles) are outside what the
        # model has seen; the pipeline uses the unsupervised scorer for them.
        self.max_articles = max_articles
        # Training articles are truncated: the model has not seen sentences this deep into
        # an article, and scores them as if they were near the top (see ``predict``).
        self.max_words_before = max_words_before

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
        provenance = path.with_suffix(".json")
        if not provenance.exists():
            return cls(booster, tuple(booster.feature_name()))
        record = json.loads(provenance.read_text(encoding="utf-8"))
        return cls(
            booster,
            tuple(record["features"]),
            int(record["max_articles"]),
            float(record["max_words_before"]),
        )

    def predict(self, table: FeatureTable) -> np.ndarray:
        """Scores standardised within the story; sentences deeper into their article than
        any training sentence lose one standard deviation (tuned on multinews-raw dev)."""
        if table.values.shape[0] == 0:
            return np.zeros(0)
        columns = [table.names.index(name) for name in self.features]
        raw = np.asarray(self._booster.predict(table.values[:, columns], num_threads=1))
        scores = (raw - raw.mean()) / (raw.std() or 1.0)
        too_deep = table.column("words_before") > self.max_words_before
        return scores - OUT_OF_RANGE_PENALTY * too_deep


def load_default_model(
    required: bool = False, path: Path | None = None
) -> SalienceModel | None:
    """The model shipped with the package (or at ``path``), or None (an error if ``required``)."""
    path = path or DEFAULT_MODEL
    if not path.exists():
        if required:
            raise NewsweaveError(f"no learned model at {path}")
        return None
    return _load_cached(path)


@lru_cache(maxsize=2)
def _load_cached(path: Path) -> SalienceModel:
    # Loaded once per process: the model is read-only, and a story takes milliseconds.
    return SalienceModel.load(path)
