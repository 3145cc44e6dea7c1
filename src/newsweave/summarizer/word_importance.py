"""How likely a word of the sources is to reach a human summary: a lexical prior.

Estimated on Multi-News train as P(stem in reference | stem in sources), smoothed
towards the average (Hong & Nenkova 2014 show such priors are among the strongest single
signals for news summarization). ``newsweave train`` estimates it on the stories it trains
on and writes it beside the model, as a small gzipped TSV; stems seen in fewer than
``MIN_STORIES`` training stories fall back to the prior mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsweave.summarizer.float_table import load_float_table, save_float_table
from newsweave.text import content_stems

TABLE_NAME = "word_importance.tsv.gz"
DEFAULT_TABLE = Path(__file__).resolve().parents[1] / "models" / TABLE_NAME
MIN_STORIES = 20
SMOOTHING = 10.0


@dataclass(frozen=True)
class WordImportance:
    table: dict[str, float]
    default: float

    def __call__(self, stem: str) -> float:
        return self.table.get(stem, self.default)

    def save(self, path: Path) -> None:
        save_float_table(path, ("__default__", self.default), self.table, 4)

    @classmethod
    def load(cls, path: Path) -> WordImportance:
        table, default = load_float_table(path, "__default__")
        return cls(table, default)


def stem_sets(documents: Iterable[str], reference: str) -> tuple[set[str], set[str]]:
    """The content stems of a story's sources, and those of its reference summary."""
    return {s for d in documents for s in content_stems(d)}, set(content_stems(reference))


def estimate(stories: Iterable[tuple[set[str], set[str]]]) -> WordImportance:
    """From each story's :func:`stem_sets`: the share of stories using a stem that keep it."""
    in_source: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for source, summary in stories:
        in_source.update(source)
        kept.update(source & summary)
    total_source = sum(in_source.values()) or 1
    mean = sum(kept.values()) / total_source
    table = {
        stem: (kept[stem] + SMOOTHING * mean) / (count + SMOOTHING)
        for stem, count in in_source.items()
        if count >= MIN_STORIES
    }
    return WordImportance(table, mean)


def table_beside(model_path: Path | None) -> Path:
    """The prior a learned model was trained with: the table written next to it by
    ``newsweave train``, else the shipped one."""
    if model_path is not None and (model_path.parent / TABLE_NAME).exists():
        return model_path.parent / TABLE_NAME
    return DEFAULT_TABLE


@lru_cache(maxsize=4)
def load_table(path: Path = DEFAULT_TABLE) -> WordImportance | None:
    """The shipped table, read once per process (it is immutable); None if absent."""
    return WordImportance.load(path) if path.exists() else None
