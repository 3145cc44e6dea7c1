"""Training end to end on a tiny invented corpus: labels, fit, model file, provenance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from assertions import CliRun
from click.testing import Result
from corpora import REFERENCE, write_training_corpus

from newsweave.errors import NewsweaveError
from newsweave.summarizer.learned import SalienceModel
from newsweave.summarizer.oracle import greedy_oracle, sentence_scores
from newsweave.summarizer.train import (
    Dataset,
    TrainingStories,
    build_dataset,
    dev_references,
    train,
)
from newsweave.summarizer.word_importance import TABLE_NAME, WordImportance


def test_oracle_labels_prefer_sentences_that_match_the_reference() -> None:
    sentences = [
        "Fourteen wagons of a freight train derailed near Orrin Cross on Wednesday.",
        "The weather in the valley was mild for the time of year.",
        "No one was injured in the derailment.",
    ]
    scores = sentence_scores(sentences, REFERENCE)
    assert scores[0, 1] > scores[1, 1] and scores[2, 3] > scores[1, 3]
    assert greedy_oracle(sentences, REFERENCE, 250) == [0, 2]


@pytest.fixture
def training_file(story_dir: Path, tmp_path: Path) -> Path:
    """Thirty copies of the invented story, each with its own reference."""
    data = tmp_path / "train.jsonl"
    write_training_corpus(story_dir, data, copies=30)
    return data


def test_training_writes_a_loadable_model_with_provenance(story_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    write_training_corpus(story_dir, data, copies=40)
    dataset = build_dataset(TrainingStories(data), jobs=1, progress=False)
    assert dataset.features.shape[0] == dataset.labels.shape[0] > 0
    assert dataset.labels[:, -1].sum() > 0  # some oracle sentences
    model = train(data, tmp_path / "model", jobs=1, seed=3, command="test", progress=False)
    assert isinstance(model, SalienceModel)
    provenance = json.loads((tmp_path / "model" / "salience.json").read_text(encoding="utf-8"))
    assert provenance["stories"] == 40 and provenance["seed"] == 3
    again = train(data, tmp_path / "again", jobs=1, seed=3, command="test", progress=False)
    assert (tmp_path / "model" / "salience.txt").read_text().split("feature_importances")[0] == (
        tmp_path / "again" / "salience.txt"
    ).read_text().split("feature_importances")[0]
    assert again.features == model.features
    assert np.isfinite(provenance["max_words_before"])
    assert provenance["left_out"]["stories"] == 0
    # The lexical prior is estimated on the same stories and written beside the model.
    prior = WordImportance.load(tmp_path / "model" / TABLE_NAME)
    assert prior.table and prior == WordImportance.load(tmp_path / "again" / TABLE_NAME)


def test_stories_of_a_dev_set_are_left_out_of_training(
    training_file: Path, tmp_path: Path
) -> None:
    data = training_file
    dev = tmp_path / "dev.jsonl"
    # The same story in another form: cased and punctuated differently, other documents.
    same = f"REPORT NUMBER 7 -- {REFERENCE.upper()}"
    other = "Heavy rain closed the coast road for a day."
    with open(dev, "w", encoding="utf-8") as out:
        for summary in (same, other):
            out.write(json.dumps({"id": "d", "documents": ["Text."], "summaries": [summary]}))
            out.write("\n")
    stories = TrainingStories(data, leave_out=dev_references([dev]))
    assert [line.story.id for line in stories if line.story].count("s7") == 0
    assert stories.left_out == 1
    model_dir = tmp_path / "model"
    cache = tmp_path / "cache.npz"
    train(data, model_dir, jobs=1, seed=3, cache=cache, leave_out=dev_references([dev]),
          progress=False)
    provenance = json.loads((model_dir / "salience.json").read_text(encoding="utf-8"))
    assert provenance["left_out"]["stories"] == 1 and provenance["stories"] == 29
    # A cache built from these 29 stories is not silently reused for all 30, and the
    # failed run leaves the model and the prior it was trained with as they were.
    before = {f.name: f.read_bytes() for f in model_dir.iterdir()}
    with pytest.raises(NewsweaveError, match="other training stories"):
        train(data, model_dir, jobs=1, seed=3, cache=cache, progress=False)
    assert {f.name: f.read_bytes() for f in model_dir.iterdir()} == before


def test_the_cache_keeps_the_rows_texts_and_refuses_one_without_them(
    training_file: Path, tmp_path: Path
) -> None:
    stories = TrainingStories(training_file)
    dataset = build_dataset(stories, jobs=1, progress=False)
    dataset.stories_digest = stories.digest
    dataset.texts[0] = "Ünïcode “quotes” survive the cache."
    dataset.save(tmp_path / "cache.npz")
    assert Dataset.load(tmp_path / "cache.npz", stories.digest).texts == dataset.texts
    # A cache written before the lexicon (no texts) is refused, not half used.
    np.savez_compressed(tmp_path / "old.npz", features=dataset.features, labels=dataset.labels,
                        story=dataset.story, stories_digest=np.array(stories.digest))
    with pytest.raises(NewsweaveError, match="older newsweave"):
        Dataset.load(tmp_path / "old.npz", stories.digest)


def _train_command(cli: CliRun, data: Path, out: Path, *dev: Path) -> Result:
    """``newsweave train`` on one process, with each of ``dev`` as a --dev set."""
    dev_options = [option for path in dev for option in ("--dev", str(path))]
    return cli("train", "--data", str(data), "--out", str(out), *dev_options, "--jobs", "1")


def test_train_command_names_what_it_left_out(
    cli: CliRun, training_file: Path, tmp_path: Path
) -> None:
    data = training_file
    dev = tmp_path / "dev.jsonl"
    lines = data.read_text(encoding="utf-8").splitlines()
    dev.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    result = _train_command(cli, data, out, dev)
    assert result.exit_code == 0, result.stderr
    assert "left out 2 training stories whose reference is in a --dev set" in result.stderr
    assert (out / "salience.txt").exists() and (out / TABLE_NAME).exists()
    scores = json.loads((out / "salience.json").read_text(encoding="utf-8"))["scores_250_words_f"]
    assert set(scores) == {f"{tmp_path.name}/train.jsonl", f"{tmp_path.name}/dev.jsonl"}


def test_training_on_nothing_but_dev_stories_is_a_one_line_error(
    cli: CliRun, story_dir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "train.jsonl"
    write_training_corpus(story_dir, data, copies=3)
    result = _train_command(cli, data, tmp_path / "model", data)
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert message.endswith("(3 left out: also in a dev set)") and "\n" not in message
    assert "Traceback" not in result.stderr


def test_train_command_names_dev_lines_it_cannot_read(
    cli: CliRun, training_file: Path, tmp_path: Path
) -> None:
    data = training_file
    bad = tmp_path / "bad.jsonl"
    story = data.read_text(encoding="utf-8").splitlines()[4]
    bad.write_bytes(b'{"id": "x", "documents": [\n\x00\x01\x02\xff\xfe\n' + story.encode() + b"\n")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "model"
    result = _train_command(cli, data, out, bad, empty)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert any("bad.jsonl: line 1:" in w for w in warnings)
    assert any("bad.jsonl: line 2:" in w for w in warnings)
    assert any(w.endswith("empty.jsonl: no story to score") for w in warnings)
    assert "left out 1 training stories" in result.stderr
    provenance = json.loads((out / "salience.json").read_text(encoding="utf-8"))
    assert set(provenance["scores_250_words_f"]) == {
        f"{tmp_path.name}/train.jsonl", f"{tmp_path.name}/bad.jsonl"}
