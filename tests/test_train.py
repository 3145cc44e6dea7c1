"""Training end to end on a tiny invented corpus: labels, fit, model file, provenance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsweave.learned import SalienceModel
from newsweave.oracle import greedy_oracle, sentence_scores
from newsweave.read import read_story
from newsweave.train import build_dataset, train

REFERENCE = (
    "Fourteen wagons of a freight train derailed near Orrin Cross on Wednesday. "
    "No one was injured. Diesel leaked into Orrin Brook."
)


def test_oracle_labels_prefer_sentences_that_match_the_reference() -> None:
    sentences = [
        "Fourteen wagons of a freight train derailed near Orrin Cross on Wednesday.",
        "The weather in the valley was mild for the time of year.",
        "No one was injured in the derailment.",
    ]
    scores = sentence_scores(sentences, REFERENCE)
    assert scores[0, 1] > scores[1, 1] and scores[2, 3] > scores[1, 3]
    assert greedy_oracle(sentences, REFERENCE, 250) == [0, 2]


def _corpus(story_dir: Path, path: Path, copies: int) -> None:
    story = read_story([str(story_dir)], [])
    documents = [{"text": a.text, "source": a.source} for a in story.articles]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(copies):
            record = {"id": f"s{i}", "documents": documents, "summaries": [REFERENCE]}
            out.write(json.dumps(record) + "\n")


def test_training_writes_a_loadable_model_with_provenance(story_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    _corpus(story_dir, data, copies=40)
    dataset = build_dataset(data, limit=None, jobs=1, progress=False)
    assert dataset.features.shape[0] == dataset.labels.shape[0] > 0
    assert dataset.labels[:, -1].sum() > 0  # some oracle sentences
    model = train(data, tmp_path / "model", jobs=1, seed=3, command="test")
    assert isinstance(model, SalienceModel)
    provenance = json.loads((tmp_path / "model" / "salience.json").read_text(encoding="utf-8"))
    assert provenance["stories"] == 40 and provenance["seed"] == 3
    again = train(data, tmp_path / "again", jobs=1, seed=3, command="test")
    assert (tmp_path / "model" / "salience.txt").read_text().split("feature_importances")[0] == (
        tmp_path / "again" / "salience.txt"
    ).read_text().split("feature_importances")[0]
    assert again.features == model.features
    assert np.isfinite(provenance["max_words_before"])
