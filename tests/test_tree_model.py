"""The shipped LightGBM models scored through lib_lightgbm directly (tree_model.py): the
same scores as the lightgbm package gives, to the last bit, without importing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsweave.errors import NewsweaveError
from newsweave.tree_model import TreeModel

lightgbm = pytest.importorskip("lightgbm")
MODELS = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "models"


@pytest.mark.parametrize("name", ["salience.txt", "lede.txt"])
def test_scores_are_the_lightgbm_packages_to_the_bit(name: str) -> None:
    path = MODELS / name
    model, booster = TreeModel(path), lightgbm.Booster(model_file=str(path))
    assert model.feature_names == tuple(booster.feature_name())
    rng = np.random.default_rng(7)
    for rows in (1, 2, 17, 60):
        values = rng.normal(size=(rows, len(model.feature_names))) * 10.0
        values[rng.random(values.shape) < 0.2] = 0.0  # zeros take their own path in LightGBM
        expected = np.asarray(booster.predict(values, num_threads=1))
        assert np.array_equal(model.predict(values), expected)
        assert np.array_equal(model.predict(np.asfortranarray(values)), expected)


def test_the_grouping_judge_scores_float32_rows_as_the_lightgbm_package_does() -> None:
    path = MODELS / "group_pairs.txt"
    model, booster = TreeModel(path), lightgbm.Booster(model_file=str(path))
    assert model.feature_names == tuple(booster.feature_name())
    rng = np.random.default_rng(11)
    for rows in (1, 5, 64):
        values = (rng.random((rows, len(model.feature_names))) * 3.0).astype(np.float32)
        values[rng.random(values.shape) < 0.2] = 0.0
        expected = np.asarray(booster.predict(values, num_threads=1))
        assert np.array_equal(model.predict(values), expected)


def test_grouping_does_not_import_the_lightgbm_package() -> None:
    script = (
        "import sys\n"
        "from newsweave.group import group\n"
        "from newsweave.model import Article\n"
        "text = 'The council approved the new bridge on Monday after a long debate. ' * 5\n"
        "group([Article(id=str(k), source=str(k), text=text) for k in range(3)])\n"
        "assert 'lightgbm' not in sys.modules\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_wrong_number_of_columns_is_an_error() -> None:
    model = TreeModel(MODELS / "lede.txt")
    with pytest.raises(NewsweaveError, match="lightgbm"):
        model.predict(np.zeros((3, len(model.feature_names) + 1)))


def test_a_missing_model_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NewsweaveError, match="lightgbm"):
        TreeModel(tmp_path / "absent.txt")


def test_summarizing_does_not_import_the_lightgbm_package() -> None:
    # Each worker process of a batch would pay the import (about a second with
    # scikit-learn installed): scoring goes through the C library alone.
    script = (
        "import sys, newsweave\n"
        "text = 'The council approved the new bridge on Monday after a long debate. ' * 3\n"
        "summary = newsweave.summarize([text, text.replace('Monday', 'Tuesday')], "
        "method='learned')\n"
        "assert summary.method == 'learned', summary.method\n"
        "assert 'lightgbm' not in sys.modules\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
