"""The pair judge grouping ships: it loads, it is refused when stale, it can be retrained."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsweave.errors import NewsweaveError
from newsweave.group import Grouper
from newsweave.group.judge import PAIR_MODEL, load_judge
from newsweave.group.pairs import PAIR_FEATURES
from newsweave.group.train import main as train_main
from newsweave.model import Article

TINY_TRAIN = Path(__file__).resolve().parent / "fixtures" / "group" / "tiny_train.jsonl.gz"


def test_the_shipped_judge_loads_and_reads_the_pair_features() -> None:
    judge = load_judge(PAIR_MODEL)
    rows = np.zeros((2, len(PAIR_FEATURES)), dtype=np.float32)
    column = {name: k for k, name in enumerate(PAIR_FEATURES)}
    # One candidate alike in every channel, one alike in none: the judge tells them apart.
    for name, value in (("centroid_cosine", 0.8), ("best_member_cosine", 0.85),
                        ("mean_member_cosine", 0.85), ("shared_terms", 30),
                        ("shared_rare_terms", 8), ("shared_idf", 6.0), ("margin", 0.7)):
        rows[0, column[name]] = value
    rows[:, column["candidates"]] = 2
    rows[1, column["rank"]] = 1
    rows[1, column["best_other_cosine"]] = 0.8
    rows[1, column["margin"]] = -0.8
    same, other = load_judge(PAIR_MODEL).probabilities(rows)
    assert same > 0.9 > 0.1 > other
    assert judge.probabilities(rows[:0]).shape == (0,)


def test_a_model_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    import lightgbm

    data = lightgbm.Dataset(np.random.default_rng(1).random((60, 2)), np.arange(60) % 2,
                            feature_name=["cosine", "size"])
    stale = tmp_path / "stale.txt"
    lightgbm.train({"objective": "binary", "verbose": -1}, data, 2).save_model(str(stale))
    with pytest.raises(NewsweaveError, match="retrain it"):
        load_judge(stale)
    with pytest.raises(NewsweaveError, match="missing"):
        load_judge(tmp_path / "absent.txt")


def test_train_writes_a_judge_the_grouper_uses(tmp_path: Path) -> None:
    out = tmp_path / "pairs.txt"
    train_main([str(TINY_TRAIN), "--piles", "1", "--pile-stories", "16", "--out", str(out)])
    # Sixteen invented stories teach little, so any probability joins the likeliest story:
    # the new judge must still prefer the article's own story to a rival on its words.
    grouper = Grouper(judge=load_judge(out), threshold=0.0)
    school = "The Alder school board voted 7 to 2 on Monday to close the old gymnasium."
    rival = "The Alder bridge over the river will shut for 9 weeks of repairs, the board said."
    first = grouper.add(Article("a", "x", school + " Parents of Alder objected at once."))
    grouper.add(Article("c", "z", rival + " Drivers in Alder face a long detour on Monday."))
    again = grouper.add(Article("b", "y", "Parents objected on Tuesday. " + school))
    assert again.story_id == first.story_id
