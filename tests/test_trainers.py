"""The training scripts: each stops in one line on a file it cannot read, and the lede
trainer writes a model the summarizer loads."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from corpora import write_training_corpus

from newsweave.group import train as group_train
from newsweave.group import train_not_news
from newsweave.lede import train as lede_train
from newsweave.lede.features import LEDE_FEATURES
from newsweave.lede.model import load_lede_model
from newsweave.summarizer import train_fragments
from newsweave.tree_model import TreeModel

TRAINERS: dict[str, Callable[[list[str]], object]] = {
    "group judge": group_train.main,
    "not-news detector": train_not_news.main,
    "finite verbs": train_fragments.main,
}


@pytest.mark.parametrize("trainer", sorted(TRAINERS))
@pytest.mark.parametrize("content", [None, b"", b"not gzip at all", "gzip:{not json",
                                     "gzip:[1, 2]", 'gzip:{"id": "s"}'])
def test_a_trainer_stops_in_one_line_on_input_it_cannot_read(
        tmp_path: Path, trainer: str, content: bytes | str | None,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "train.jsonl.gz"
    if isinstance(content, str):
        path.write_bytes(gzip.compress(content.removeprefix("gzip:").encode()))
    elif content is not None:
        path.write_bytes(content)
    out = tmp_path / "model.out"
    with pytest.raises(SystemExit) as stop:
        TRAINERS[trainer]([str(path), "--out", str(out)])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert ": error: " in error and str(path) in error
    assert not out.exists()


def test_finite_verbs_from_stories_without_words_write_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "train.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "s", "documents": [""]}\n'))
    out = tmp_path / "table.tsv.gz"
    with pytest.raises(SystemExit):
        train_fragments.main([str(path), "--out", str(out)])
    assert "no words" in capsys.readouterr().err and not out.exists()


def test_the_lede_trainer_writes_a_model_the_summarizer_loads(
        story_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    write_training_corpus(story_dir, data, copies=12)
    out = tmp_path / "lede.txt"
    assert lede_train.main(["--data", str(data), "--stories", "12", "--out", str(out),
                            "--jobs", "1"]) == 0
    assert TreeModel(out).feature_names == LEDE_FEATURES  # what load_lede_model checks
    scores = load_lede_model(out).scores(np.eye(3, len(LEDE_FEATURES), dtype=np.float32))
    assert scores.shape == (3,) and np.isfinite(scores).all()


def test_the_lede_trainer_names_a_missing_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "absent.jsonl.gz"
    assert lede_train.main(["--data", str(missing), "--out", str(tmp_path / "x")]) == 2
    assert str(missing) in capsys.readouterr().err
