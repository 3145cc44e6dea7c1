"""The accuracy targets of the cross-source analysis, on the invented annotated stories.

Targets (from the issue): speaker attribution >= 90%, conflict precision >= 90% at recall
>= 80%. Quote detection and timeline resolution are held to 90% too, so a regression shows.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "analysis_accuracy.py"


@pytest.fixture(scope="module")
def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analysis_accuracy", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_targets_on_all_stories(benchmark: ModuleType) -> None:
    log: list[str] = []
    result = benchmark.evaluate(log=log)
    detail = "\n".join(line for line in log if line.startswith("  "))
    assert result["stories"] >= 6
    assert result["speaker_accuracy"] >= 0.90, detail
    assert result["conflict_precision"] >= 0.90, detail
    assert result["conflict_recall"] >= 0.80, detail
    assert result["quote_precision"] >= 0.90 and result["quote_recall"] >= 0.90, detail
    assert result["timeline_accuracy"] >= 0.90, detail


# holdout-3 (two stories, three conflicts predicted) keeps one false number conflict that its
# first run found ("Four riders abandoned" vs "more than 20 riders fell"): it is not tuned away.
@pytest.mark.parametrize("split", ["dev", "holdout-1", "holdout-2", "dev-names"])
def test_precision_targets_hold_on_every_split(benchmark: ModuleType, split: str) -> None:
    """Each split has only 4-12 planted conflicts, so one miss moves recall by 8-25 points:
    recall is asserted on all stories together; precision and attribution on each split."""
    log: list[str] = []
    result = benchmark.evaluate(split=split, log=log)
    detail = "\n".join(line for line in log if line.startswith("  "))
    assert result["stories"] >= 3
    assert result["speaker_accuracy"] >= 0.90, detail
    assert result["conflict_precision"] >= 0.90, detail
    assert result["quote_precision"] >= 0.90, detail


def test_fixtures_are_well_formed(benchmark: ModuleType) -> None:
    for path in sorted(benchmark.FIXTURES.glob("*.json")):
        story, articles, _ = benchmark.load(path)
        ids = {a["id"] for a in story["articles"]}
        assert 3 <= len(ids) <= 5, path.name
        assert story["split"] in {"dev", "holdout-1", "holdout-2", "dev-names", "holdout-3"}
        texts = {a["id"]: a["text"] for a in story["articles"]}
        for quote in story["quotes"]:
            for occ in quote["occurrences"]:
                assert occ["outlet"] in ids
                if not occ.get("degraded"):  # gold quotes are copied from the text itself
                    assert occ["text"] in texts[occ["outlet"]], (path.name, occ["text"])
        for conflict in story["conflicts"]:
            for outlet, value in conflict["values"].items():
                assert value.lower() in texts[outlet].lower(), (path.name, value)
