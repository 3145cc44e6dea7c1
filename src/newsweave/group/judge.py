"""The pair judge: the probability that an article belongs to a candidate story.

A LightGBM classifier over ``pairs.PAIR_FEATURES``, trained on Multi-News train (an
article against the stories the inverted index offers it: its own story or another;
``python -m newsweave.group.train``). It ships as ``models/group_pairs.txt`` and is
loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from newsweave.errors import NewsweaveError
from newsweave.group.pairs import PAIR_FEATURES
from newsweave.tree_model import TreeModel, lightgbm_installed

PAIR_MODEL = Path(__file__).resolve().parents[1] / "models" / "group_pairs.txt"


class PairJudge:
    def __init__(self, booster: TreeModel | None, columns: list[int] | None = None) -> None:
        self._booster = booster
        self._columns = columns  # the PAIR_FEATURES columns the model reads, in its order

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Per row of pair features, the probability that the pair is one story."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        if self._booster is None:  # a grouper that files by gold story (training piles)
            raise NewsweaveError("this pair judge has no model to score with")
        if self._columns is not None:
            rows = rows[:, self._columns]
        return self._booster.predict(rows)


@lru_cache(maxsize=2)
def load_judge(path: Path = PAIR_MODEL) -> PairJudge:
    """The shipped judge (read-only, shared by every grouper of the process), scored
    through LightGBM's C library (tree_model.py: no ``import lightgbm``, which costs
    about a second with scikit-learn installed)."""
    if not path.is_file():
        raise NewsweaveError(f"{path}: the grouping model is missing; rebuild it with "
                             "python -m newsweave.group.train")
    if not lightgbm_installed():
        raise NewsweaveError("grouping needs lightgbm: pip install lightgbm")
    booster = TreeModel(path)
    names = list(booster.feature_names)
    unknown = [name for name in names if name not in PAIR_FEATURES]
    if unknown:
        raise NewsweaveError(f"{path}: reads features group/pairs.py does not compute "
                             f"({', '.join(unknown)}); retrain it (python -m "
                             "newsweave.group.train)")
    # A model of fewer channels (an older one, or one trained to compare) reads its own.
    columns = [PAIR_FEATURES.index(name) for name in names]
    return PairJudge(booster, None if columns == list(range(len(PAIR_FEATURES))) else columns)
