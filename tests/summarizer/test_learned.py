"""The shipped learned salience model: loads offline, scores deterministically, knows its range."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import newsweave
from newsweave.errors import NewsweaveError
from newsweave.reading.read import read_story
from newsweave.summarizer.learned import (
    DEFAULT_MODEL,
    LEXICAL_FEATURE,
    SalienceModel,
    load_default_model,
)
from newsweave.summarizer.lexical import LEXICON_NAME
from newsweave.summarizer.pipeline import salience_for
from newsweave.summarizer.prepare import prepare


@pytest.fixture(scope="module")
def model() -> SalienceModel:
    loaded = load_default_model(required=True)
    assert loaded is not None
    return loaded


def test_the_model_ships_small_with_its_provenance() -> None:
    assert DEFAULT_MODEL.stat().st_size < 10_000_000
    provenance = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    for key in ("data", "command", "seed", "written", "features", "scores_250_words_f"):
        assert key in provenance
    assert "multinews/val.jsonl.gz" in provenance["scores_250_words_f"]


def test_scores_are_deterministic_and_standardised(model: SalienceModel, story_dir: Path) -> None:
    prepared = prepare(read_story([str(story_dir)], []))
    texts = [s.text for s in prepared.sentences]
    first = model.predict(prepared.features, texts)
    second = SalienceModel.load(DEFAULT_MODEL).predict(prepared.features, texts)
    assert np.array_equal(first, second)
    assert first.shape == (len(prepared.sentences),)
    assert abs(float(np.mean(first))) < 0.5  # standardised, less the depth penalty


def test_auto_uses_the_model_within_its_range(harbor_dir: Path) -> None:
    summary = newsweave.summarize(read_story([str(harbor_dir)], []), method="auto")
    assert summary.method == "learned"


def test_auto_falls_back_beyond_the_story_sizes_it_was_trained_on(model: SalienceModel) -> None:
    articles = [
        f"Outlet {i} reports that the river flooded the lower town on Sunday night, "
        f"forcing {100 + i} families from their homes."
        for i in range(model.max_articles + 1)
    ]
    assert newsweave.summarize(articles, method="auto").method == "unsupervised"
    assert newsweave.summarize(articles, method="learned").method == "learned"


def test_deeper_sentences_than_in_training_lose_salience(
    model: SalienceModel, story_dir: Path
) -> None:
    prepared = prepare(read_story([str(story_dir)], []))
    features, texts = prepared.features, [s.text for s in prepared.sentences]
    booster, lexicon = model._booster, model.lexicon
    nowhere_too_deep = SalienceModel(booster, model.features, model.max_articles, np.inf, lexicon)
    everywhere_too_deep = SalienceModel(booster, model.features, model.max_articles, -1.0, lexicon)
    difference = (nowhere_too_deep.predict(features, texts)
                  - everywhere_too_deep.predict(features, texts))
    assert np.allclose(difference, 1.0)


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NewsweaveError, match="no learned model"):
        load_default_model(required=True, path=tmp_path / "none.txt")
    assert load_default_model(required=False, path=tmp_path / "none.txt") is None


def test_salience_methods_differ(story_dir: Path) -> None:
    prepared = prepare(read_story([str(story_dir)], []))
    learned, used_learned = salience_for(prepared, "learned")
    unsupervised, used_unsupervised = salience_for(prepared, "unsupervised")
    assert (used_learned, used_unsupervised) == ("learned", "unsupervised")
    assert not np.allclose(learned, unsupervised)


def test_the_shipped_model_reads_the_lexicon_beside_it(model: SalienceModel) -> None:
    assert LEXICAL_FEATURE in model.features and model.lexicon is not None
    assert (DEFAULT_MODEL.parent / LEXICON_NAME).stat().st_size < 5_000_000


def test_a_model_without_its_lexicon_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("salience.txt", "salience.json"):
        shutil.copy(DEFAULT_MODEL.parent / name, tmp_path / name)
    with pytest.raises(NewsweaveError, match=f"{LEXICON_NAME}: missing"):
        SalienceModel.load(tmp_path / "salience.txt")


def test_sentences_must_match_the_feature_rows(model: SalienceModel, story_dir: Path) -> None:
    prepared = prepare(read_story([str(story_dir)], []))
    with pytest.raises(ValueError, match="sentences for"):
        model.predict(prepared.features, ["One sentence only."])
