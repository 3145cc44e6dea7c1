"""The pair judge grouping ships: it loads, it is refused when stale, it can be retrained."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from test_group import articles as fixture_articles

from newsweave.errors import NewsweaveError
from newsweave.group import Grouper
from newsweave.group.grouper import JOIN_THRESHOLD
from newsweave.group.judge import PAIR_MODEL, load_judge
from newsweave.group.pairs import PAIR_FEATURES
from newsweave.group.train import main as train_main
from newsweave.model import Article

TINY_TRAIN = Path(__file__).resolve().parents[1] / "fixtures" / "group" / "tiny_train.jsonl.gz"


def test_the_shipped_judge_prefers_the_story_of_the_same_event() -> None:
    judge = load_judge(PAIR_MODEL)
    # Undated, so that time does not decide: two storms over one harbour town.
    items = {a.id: replace(a, published=None) for a in fixture_articles()}
    grouper = Grouper(judge=judge)
    for name in ("courier-hollis", "courier-ines"):  # a flood; power cut by the next storm
        grouper.add(items[name])
    # Another outlet's report of the flood: offered both stories, the judge is sure of one.
    offered, rows = grouper.candidates(grouper.prepare(items["gazette-hollis"]))
    assert rows.shape[1] == len(PAIR_FEATURES)
    chances = dict(zip(offered, judge.probabilities(rows), strict=True))
    assert chances[grouper.story_of("courier-hollis")] >= JOIN_THRESHOLD
    assert all(p < JOIN_THRESHOLD for story, p in chances.items()
               if story != grouper.story_of("courier-hollis"))
    assert judge.probabilities(rows[:0]).shape == (0,)


def test_a_model_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    import lightgbm

    data = lightgbm.Dataset(np.random.default_rng(1).random((60, 2)), np.arange(60) % 2,
                            feature_name=["cosine", "size"])
    stale = tmp_path / "stale.txt"
    lightgbm.train({"objective": "binary", "verbose": -1}, data, 2).save_model(str(stale))
    with pytest.raises(NewsweaveError, match="cosine, size.*retrain it"):
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
