"""Train what grouping ships: the pair judge and the document-frequency table.

    python -m newsweave.group.train ../shared/data/multinews/train.jsonl.gz
    python -m newsweave.group.train TRAIN.jsonl.gz --piles 3 --pile-stories 5600 --df

The judge (``models/group_pairs.txt``) learns from piles of Multi-News train built as the
benchmark builds its val pile (``piles.py``): each pile is streamed through a grouper
that files every article under its gold story (teacher forcing), and every candidate
story the inverted index offers an article on the way is one example, positive when it
is the article's own story. Piles of about val's size keep the number of competing
stories per article what it is in use. ``--df`` first rebuilds ``models/group_df.json.gz``
(how many train documents use each content stem; stems in fewer than ``MIN_DF`` are left
out, the grouper treating unseen stems as rarest anyway).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import numpy as np
from tqdm import tqdm

from newsweave.group.features import DF_TABLE, term_counts
from newsweave.group.grouper import Grouper
from newsweave.group.judge import PAIR_MODEL, PairJudge
from newsweave.group.pairs import PAIR_FEATURES
from newsweave.group.piles import multinews_file, multinews_pile
from newsweave.group.text import news_text
from newsweave.reading.jsonl import iter_jsonl

MIN_DF = 3
PARAMS = {
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 31,
    "min_data_in_leaf": 50, "feature_fraction": 0.9, "bagging_fraction": 0.8,
    "bagging_freq": 1, "seed": 13, "verbose": -1, "num_threads": 2,
}
ROUNDS = 300


def count_document_frequency(path: Path) -> tuple[int, Counter[str]]:
    documents, df = 0, Counter[str]()
    for line in tqdm(iter_jsonl(path), desc="counting", unit="story"):
        if line.story is None:
            continue
        for article in line.story.articles:
            df.update(set(term_counts(None, news_text(article))))
            documents += 1
    return documents, df


def write_df_table(path: Path) -> None:
    documents, df = count_document_frequency(path)
    kept = {stem: n for stem, n in sorted(df.items()) if n >= MIN_DF}
    with gzip.open(DF_TABLE, "wt", encoding="utf-8") as stream:
        json.dump({"documents": documents, "df": kept}, stream, separators=(",", ":"))
    print(f"{DF_TABLE}: {documents} documents, {len(kept)} stems")


def pile_examples(path: Path, skip: int, stories: int) -> tuple[np.ndarray, np.ndarray]:
    """Pair features and same-story labels of every candidate offered in one pile."""
    pile = multinews_pile(path, stories, skip=skip)
    grouper = Grouper(judge=PairJudge(None))  # files by gold story: never asks the judge
    rows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for article in tqdm(pile.articles, desc=f"pile from story {skip}", unit="article"):
        prepared = grouper.prepare(article)
        story = pile.gold[article.id]
        offered, features = grouper.candidates(prepared)
        rows.append(features)
        labels.append(np.array([s == story for s in offered], dtype=np.float32))
        grouper.index(article.id, story, None, prepared)
    return np.vstack(rows), np.concatenate(labels)


def train_judge(path: Path, piles: int, pile_stories: int, out: Path) -> None:
    import lightgbm

    parts = [pile_examples(path, k * pile_stories, pile_stories) for k in range(piles)]
    features = np.vstack([p[0] for p in parts])
    labels = np.concatenate([p[1] for p in parts])
    data = lightgbm.Dataset(features, labels, feature_name=list(PAIR_FEATURES))
    booster = lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)
    booster.save_model(str(out))
    gains = booster.feature_importance("gain")
    ranked = sorted(zip(PAIR_FEATURES, gains, strict=True), key=lambda item: -item[1])
    print(f"{out}: {len(labels)} pairs, {int(labels.sum())} same-story; gain: "
          + ", ".join(f"{name} {gain / gains.sum():.2f}" for name, gain in ranked[:6]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train", type=multinews_file, help="Multi-News train.jsonl.gz")
    parser.add_argument("--piles", type=int, default=3, help="piles to learn from")
    parser.add_argument("--pile-stories", type=int, default=5600, help="stories per pile")
    parser.add_argument("--out", type=Path, default=PAIR_MODEL)
    parser.add_argument("--df", action="store_true", help="rebuild the DF table first")
    args = parser.parse_args(argv)
    if args.df:
        write_df_table(args.train)
    train_judge(args.train, args.piles, args.pile_stories, args.out)


if __name__ == "__main__":
    main()
