"""The learned salience model: a LightGBM classifier shipped as a text file in the package,
with the lexicon (:mod:`newsweave.summarizer.lexical`) that scores one of its inputs.

It predicts how likely each sentence is to belong to the greedy oracle summary (see
:mod:`newsweave.summarizer.train` for how it is trained and ``models/salience.json``
for provenance).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsweave.errors import NewsweaveError
from newsweave.summarizer.features import FeatureTable
from newsweave.summarizer.lexical import LEXICON_NAME, Lexicon
from newsweave.tree_model import TreeModel, lightgbm_installed

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "salience.txt"
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
LEXICAL_FEATURE = "lexical"  # the lexicon's score (lexical.py), computed from the text


class SalienceModel:
    """Scores sentences from their feature table."""

    def __init__(
        self,
        booster: TreeModel,
        features: tuple[str, ...],
        max_articles: int = 10,
        max_words_before: float = 300.0,
        lexicon: Lexicon | None = None,
    ) -> None:
        self._booster = booster
        self.features = features
        # The model's inputs are the feature table's columns, and the lexicon's score of
        # each sentence's words where the model was trained with one (LEXICAL_FEATURE).
        if LEXICAL_FEATURE in features and lexicon is None:
            raise NewsweaveError(f"this model reads {LEXICAL_FEATURE!r} but has no lexicon")
        self.lexicon = lexicon
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
        if not lightgbm_installed():
            raise NewsweaveError("the learned model needs lightgbm: pip install lightgbm")
        if not path.exists():
            raise NewsweaveError(f"{path}: no such model file")
        booster = TreeModel(path)
        provenance = path.with_suffix(".json")
        if not provenance.exists():
            return cls(booster, booster.feature_names)
        record = json.loads(provenance.read_text(encoding="utf-8"))
        features = tuple(record["features"])
        lexicon = None
        if LEXICAL_FEATURE in features:
            lexicon_path = path.parent / LEXICON_NAME
            if not lexicon_path.exists():
                raise NewsweaveError(
                    f"{lexicon_path}: missing; the model {path.name} was trained with it"
                )
            lexicon = Lexicon.load(lexicon_path)
        return cls(
            booster,
            features,
            int(record["max_articles"]),
            float(record["max_words_before"]),
            lexicon,
        )

    def predict(self, table: FeatureTable, texts: Sequence[str],
                words: Sequence[list[str]] | None = None) -> np.ndarray:
        """Scores of the sentences ``texts`` (the rows of ``table``; ``words``: their
        tokens, where the caller has them), standardised within the story; sentences
        deeper into their article than any training sentence lose one standard deviation
        (tuned on multinews-raw dev)."""
        if table.values.shape[0] == 0:
            return np.zeros(0)
        if len(texts) != table.values.shape[0]:
            raise ValueError(f"{len(texts)} sentences for {table.values.shape[0]} feature rows")
        lexical = self.lexicon.scores(texts, words) if self.lexicon else np.zeros(len(texts))
        inputs = np.column_stack([
            lexical if name == LEXICAL_FEATURE else table.column(name) for name in self.features
        ])
        raw = self._booster.predict(inputs)
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
