"""The lede model: how much a sentence reads like the first sentence of a news summary.

A LightGBM ranker over ``features.LEDE_FEATURES``, trained per story on how much of the
reference summary's first sentence each sentence says (``lede/train.py``). It ships as
``models/lede.txt`` and is loaded once per process. Without it (or without lightgbm) the
lede falls back to the opening evidence and salience, which need no training.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from newsweave.errors import NewsweaveError
from newsweave.lede.features import LEDE_FEATURES
from newsweave.tree_model import TreeModel, lightgbm_installed

DEFAULT_LEDE_MODEL = Path(__file__).resolve().parents[1] / "models" / "lede.txt"


class LedeModel:
    def __init__(self, booster: TreeModel | None) -> None:
        self._booster = booster

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Higher is more lede-like; only the order within one story means anything."""
        if features.shape[0] == 0:
            return np.zeros(0)
        if self._booster is None:
            column = {name: features[:, k] for k, name in enumerate(LEDE_FEATURES)}
            return column["opening_match"] + 0.2 * column["salience"]
        return self._booster.predict(features)


@lru_cache(maxsize=2)
def load_lede_model(path: Path = DEFAULT_LEDE_MODEL) -> LedeModel:
    # Loaded once per process: read-only, and used on every story.
    if not path.exists() or not lightgbm_installed():
        return LedeModel(None)
    booster = TreeModel(path)
    if booster.feature_names != LEDE_FEATURES:
        raise NewsweaveError(f"{path}: trained on other features than lede/features.py computes; "
                         "retrain it (python -m newsweave.lede.train)")
    return LedeModel(booster)
