"""Train the lede model on Multi-News train: what a summary's first sentence is.

    python -m newsweave.lede.train --stories 20000 --out src/newsweave/models/lede.txt \\
        --dev ../shared/data/multinews/val.jsonl.gz --dev ../shared/data/multinews-raw/dev.jsonl.gz

Each shown-able sentence of a training story is a row: its ``features.LEDE_FEATURES``
(computed exactly as the summarizer computes them, salience included) and, as label, how
much of the reference summary's first sentence it says (ROUGE-2 recall plus a quarter of
ROUGE-1 recall, graded 0-4 against the story's best sentence). A LightGBM lambdarank model
learns to put the best first within each story. Stories whose reference is a dev set's are
left out, as ``newsweave train`` does. Seeded and single-threaded: the same file each time.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import numpy as np
from tqdm import tqdm

from newsweave.batch.pool import process_pool
from newsweave.errors import InputError
from newsweave.evaluate import prepare_reference
from newsweave.lede.choose import may_open, opinion_articles
from newsweave.lede.features import LEDE_FEATURES, lede_features
from newsweave.lede.model import DEFAULT_LEDE_MODEL
from newsweave.model import Story
from newsweave.summarizer.oracle import sentence_scores
from newsweave.summarizer.pipeline import salience_for
from newsweave.summarizer.prepare import prepare
from newsweave.summarizer.select import is_candidate
from newsweave.summarizer.train import TrainingStories, dev_references
from newsweave.summarizer.trim import trim

GRADES = 4
ROUNDS = 150


def first_sentence(reference: str) -> str:
    """A reference summary's first sentence (nupunkt, as ``rougeLsum`` splits references)."""
    return prepare_reference(reference).split("\n", 1)[0]


def story_rows(story: Story, reference: str) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows of one story: every sentence that may open a summary (training only on
    those the summarizer chooses, among which the lede is picked, did no better: 56.7%
    against 57.4% of the oracle on Multi-News val, 6,000 stories against 20,000)."""
    try:
        prepared = prepare(story)
    except InputError:
        return None
    salience, _ = salience_for(prepared, "auto")
    shown = [trim(s) for s in prepared.sentences]
    candidates = np.array([is_candidate(s) for s in shown], dtype=bool)
    opinion = opinion_articles(prepared.sentences, len(prepared.articles))
    rows = candidates & np.array([may_open(s, opinion) for s in shown], dtype=bool)
    if rows.sum() < 2:
        return None
    features = lede_features(shown, prepared.features, salience, prepared.alignment.overlap(),
                             len(prepared.articles), candidates)
    scores = sentence_scores([s.text for s in shown], first_sentence(reference))
    value = (scores[:, 3] + 0.25 * scores[:, 1])[rows]
    best = value.max()
    grades = np.round(GRADES * value / best) if best > 0 else np.zeros_like(value)
    return features[rows], grades


def _rows(pair: tuple[Story, str]) -> tuple[np.ndarray, np.ndarray] | None:
    return story_rows(*pair)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path,
                        default=Path("../shared/data/multinews/train.jsonl.gz"))
    parser.add_argument("--stories", type=int, default=20000)
    parser.add_argument("--dev", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, default=DEFAULT_LEDE_MODEL)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    for path in [args.data, *args.dev]:
        if not path.exists():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    stories = TrainingStories(args.data, args.stories, dev_references(args.dev))
    pairs = ((line.story, line.references[0]) for line in stories
             if line.story is not None and line.references)
    features, grades, groups = [], [], []
    with process_pool(args.jobs) as pool:
        for rows in tqdm(pool.imap(partial(_rows), pairs, chunksize=8), total=args.stories,
                         desc="stories", unit="story"):
            if rows is not None and rows[1].max() > 0:
                features.append(rows[0])
                grades.append(rows[1])
                groups.append(len(rows[1]))
    import lightgbm

    params = {"objective": "lambdarank", "learning_rate": 0.05, "num_leaves": 15,
              "min_data_in_leaf": 50, "lambdarank_truncation_level": 5,
              "eval_at": [1], "seed": args.seed, "deterministic": True, "num_threads": 1,
              "verbose": -1}
    data = lightgbm.Dataset(np.vstack(features), np.concatenate(grades), group=groups,
                            feature_name=list(LEDE_FEATURES))
    booster = lightgbm.train(params, data, num_boost_round=ROUNDS)
    booster.save_model(str(args.out))
    print(f"{args.out}: {len(groups)} stories ({stories.left_out} left out: in a dev set), "
          f"{sum(groups)} rows, {ROUNDS} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
