"""Train the learned salience model on Multi-News train: seeded, reproducible, on a laptop.

    newsweave train --data ../shared/data/multinews/train.jsonl.gz --out src/newsweave/models \
        --dev ../shared/data/multinews/val.jsonl.gz --dev ../shared/data/multinews-raw/dev.jsonl.gz

First the lexical prior of :mod:`newsweave.summarizer.word_importance` is estimated on
the training stories. Then each candidate sentence of each story becomes a row: the
features of :mod:`newsweave.summarizer.features` and a label from
:mod:`newsweave.summarizer.oracle` (how much of the reference it recovers), with its text
for the lexicon of :mod:`newsweave.summarizer.lexical`, whose score is one more feature
(each row scored by a lexicon fitted on the other half of the
stories). A LightGBM classifier learns the label; its text model file, the lexicon, the
prior and a provenance record (data, command, date, scores) are written to ``--out``.

A training story whose reference summary is also a reference of a dev set is left out:
81 of the 92 multinews-raw dev stories are Multi-News training stories in another form,
and a model trained on them would be scored on what it has seen.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import Path

import numpy as np
from tqdm import tqdm

from newsweave.batch.pool import process_pool
from newsweave.errors import NewsweaveError
from newsweave.reading.jsonl import JsonlLine, iter_jsonl
from newsweave.summarizer.learned import LEXICAL_FEATURE, MODEL_FEATURES, SalienceModel
from newsweave.summarizer.lexical import LEXICON_NAME, Lexicon
from newsweave.summarizer.lexical import fit as fit_lexicon
from newsweave.summarizer.oracle import greedy_oracle, sentence_scores
from newsweave.summarizer.prepare import prepare
from newsweave.summarizer.select import is_candidate
from newsweave.summarizer.trim import trim
from newsweave.summarizer.word_importance import (
    DEFAULT_TABLE,
    TABLE_NAME,
    WordImportance,
    estimate,
    stem_sets,
)

ORACLE_WORDS = 250
LABEL_NAMES = ("r1_precision", "r1_recall", "r2_precision", "r2_recall", "oracle")


REFERENCE_KEY_WORDS = 40


def reference_key(reference: str) -> str:
    """A reference summary's identity in any of the data's forms (Multi-News's lowercased,
    re-tokenized text or the raw one): its first words, case and punctuation ignored."""
    return " ".join(re.findall(r"[a-z0-9]+", reference.lower())[:REFERENCE_KEY_WORDS])


def dev_references(paths: Iterable[Path]) -> frozenset[str]:
    """The reference keys of every story in ``paths``: what training must not see."""
    return frozenset(
        reference_key(r) for path in paths for line in iter_jsonl(path) for r in line.references
    )


@dataclass
class TrainingStories:
    """The first ``limit`` stories of ``path``, less those whose reference is in
    ``leave_out``. Each pass counts those it leaves out, and names the ones it keeps by a
    digest of their reference keys (what a ``--cache`` was built from)."""

    path: Path
    limit: int | None = None
    leave_out: frozenset[str] = frozenset()
    left_out: int = 0
    digest: str = ""

    def __iter__(self) -> Iterator[JsonlLine]:
        self.left_out = 0
        kept = hashlib.sha256()
        for line in islice(iter_jsonl(self.path), self.limit):
            keys = [reference_key(r) for r in line.references]
            if any(key in self.leave_out for key in keys):
                self.left_out += 1
                continue
            if keys:
                kept.update(keys[0].encode("utf-8") + b"\n")
            yield line
        self.digest = kept.hexdigest()


@dataclass
class Dataset:
    features: np.ndarray  # (rows, len(MODEL_FEATURES))
    labels: np.ndarray  # (rows, len(LABEL_NAMES))
    story: np.ndarray  # story number of each row, for grouping
    texts: list[str]  # each row's sentence, for the lexicon
    stories_digest: str = ""  # which stories the rows come from (TrainingStories.digest)

    def save(self, path: Path) -> None:
        encoded = [t.encode("utf-8") for t in self.texts]
        np.savez_compressed(path, features=self.features, labels=self.labels, story=self.story,
                            text_bytes=np.frombuffer(b"".join(encoded), dtype=np.uint8),
                            text_lengths=np.array([len(e) for e in encoded], dtype=np.int64),
                            stories_digest=np.array(self.stories_digest))

    @classmethod
    def load(cls, path: Path, stories_digest: str) -> Dataset:
        """The cached rows, if they were built from the same training stories."""
        data = np.load(path)
        cached = str(data["stories_digest"]) if "stories_digest" in data else "none recorded"
        if cached != stories_digest or "text_bytes" not in data:
            raise NewsweaveError(
                f"{path}: this cache was built from other training stories (or by an older "
                "newsweave); delete it or name another --cache"
            )
        blob = data["text_bytes"].tobytes()
        ends = np.cumsum(data["text_lengths"])
        starts = ends - data["text_lengths"]
        texts = [blob[a:b].decode("utf-8") for a, b in zip(starts, ends, strict=True)]
        return cls(data["features"], data["labels"], data["story"], texts, cached)


def _stem_sets(line: JsonlLine) -> tuple[set[str], set[str]] | None:
    if line.story is None or not line.references:
        return None
    return stem_sets([a.text for a in line.story.articles], line.references[0])


def estimate_prior(stories: TrainingStories, jobs: int, progress: bool = True) -> WordImportance:
    """The lexical prior of the training stories."""
    sets: list[tuple[set[str], set[str]]] = []
    with process_pool(jobs) as pool, tqdm(
        total=stories.limit, desc=f"word prior {stories.path.name}", unit="story",
        disable=not progress,
    ) as bar:
        for result in pool.imap(_stem_sets, stories, chunksize=64):
            bar.update(1)
            if result is not None:
                sets.append(result)
    return estimate(sets)


def story_rows(
    line: JsonlLine, word_prior: Path = DEFAULT_TABLE
) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
    """Features, labels and texts of a story's candidate sentences (None if it has none)."""
    if line.story is None or not line.references:
        return None
    try:
        prepared = prepare(line.story, word_prior)
    except NewsweaveError:
        return None
    rows = [i for i, s in enumerate(prepared.sentences) if is_candidate(trim(s))]
    if not rows:
        return None
    texts = [trim(prepared.sentences[i]).text for i in rows]
    reference = line.references[0]
    labels = np.zeros((len(rows), len(LABEL_NAMES)), dtype=np.float32)
    labels[:, :4] = sentence_scores(texts, reference)
    labels[greedy_oracle(texts, reference, ORACLE_WORDS), 4] = 1.0
    columns = [prepared.features.names.index(name) for name in MODEL_FEATURES]
    features = prepared.features.values[np.ix_(rows, columns)].astype(np.float32)
    return features, labels, [prepared.sentences[i].text for i in rows]


def build_dataset(
    stories: TrainingStories, jobs: int, word_prior: Path = DEFAULT_TABLE, progress: bool = True
) -> Dataset:
    features: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    story: list[np.ndarray] = []
    texts: list[str] = []
    rows = partial(story_rows, word_prior=word_prior)
    with process_pool(jobs) as pool, tqdm(
        total=stories.limit, desc=f"features {stories.path.name}", unit="story",
        disable=not progress,
    ) as bar:
        for number, result in enumerate(pool.imap(rows, stories, chunksize=16)):
            bar.update(1)
            if result is not None:
                features.append(result[0])
                labels.append(result[1])
                texts.extend(result[2])
                story.append(np.full(len(result[0]), number, dtype=np.int32))
    if not features:
        raise NewsweaveError(
            f"{stories.path}: no story with a reference and a usable sentence"
            + (f" ({stories.left_out} left out: also in a dev set)" if stories.left_out else "")
        )
    return Dataset(np.vstack(features), np.vstack(labels), np.concatenate(story), texts)


def target(dataset: Dataset) -> np.ndarray:
    """Oracle membership: on val it beat regression on ROUGE gains and LambdaRank."""
    return np.ascontiguousarray(dataset.labels[:, LABEL_NAMES.index("oracle")])


LEXICON_FOLDS = 2


def lexical_column(train: Dataset, progress: bool = True) -> tuple[np.ndarray, Lexicon]:
    """The lexicon's score of every row, each from a lexicon fitted on the other folds'
    stories (so the model learns from scores like those of stories the lexicon has not
    seen), and the lexicon fitted on all rows, which ships."""
    labels = target(train)
    fold = train.story % LEXICON_FOLDS
    column = np.zeros(len(labels))
    with tqdm(total=LEXICON_FOLDS + 1, desc="lexicon", unit="fit", disable=not progress) as bar:
        for k in range(LEXICON_FOLDS):
            inside, outside = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            lexicon = fit_lexicon([train.texts[i] for i in inside], labels[inside])
            column[outside] = lexicon.scores([train.texts[i] for i in outside])
            bar.update(1)
        lexicon = fit_lexicon(train.texts, labels)
        bar.update(1)
    return column, lexicon


def fit(train: Dataset, lexical: np.ndarray, seed: int, rounds: int = 400) -> object:
    import lightgbm

    params = {
        "objective": "binary",
        "learning_rate": 0.05,
        "num_leaves": 63,
        "min_data_in_leaf": 200,
        "feature_fraction": 0.9,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "seed": seed,
        "deterministic": True,
        "num_threads": 2,
        "verbose": -1,
    }
    data = lightgbm.Dataset(np.column_stack([train.features, lexical]), target(train),
                            feature_name=[*MODEL_FEATURES, LEXICAL_FEATURE])
    return lightgbm.train(params, data, num_boost_round=rounds)


def write_model(
    booster: object, lexicon: Lexicon, out: Path, provenance: dict[str, object]
) -> SalienceModel:
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / "salience.txt"
    booster.save_model(str(model_path))  # type: ignore[attr-defined]
    lexicon.save(out / LEXICON_NAME)
    record = {
        **provenance,
        "features": [*MODEL_FEATURES, LEXICAL_FEATURE],
        "written": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
    }
    (out / "salience.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return SalienceModel.load(model_path)


def train(
    data: Path,
    out: Path,
    limit: int | None = None,
    jobs: int = 2,
    seed: int = 13,
    command: str = "",
    cache: Path | None = None,
    leave_out: frozenset[str] = frozenset(),
    progress: bool = True,
) -> SalienceModel:
    """Estimate the word prior, build the dataset (or load it from ``cache``), fit, and
    write the model, the prior and the provenance to ``out``.

    Stories whose reference key (:func:`reference_key`) is in ``leave_out`` are not used.
    """
    stories = TrainingStories(data, limit, leave_out)
    prior = estimate_prior(stories, jobs, progress)
    if cache is not None and cache.exists():
        dataset = Dataset.load(cache, stories.digest)
    else:
        # Features are built with the new prior, kept apart until the model is written:
        # a run that fails must not leave a prior beside a model trained with another.
        with tempfile.TemporaryDirectory() as scratch:
            prior.save(Path(scratch) / TABLE_NAME)
            dataset = build_dataset(stories, jobs, Path(scratch) / TABLE_NAME, progress)
        dataset.stories_digest = stories.digest
        if cache is not None:
            dataset.save(cache)
    lexical, lexicon = lexical_column(dataset, progress)
    booster = fit(dataset, lexical, seed)
    provenance: dict[str, object] = {
        "data": str(data),
        "stories": int(dataset.story.max()) + 1,
        "left_out": {
            "stories": stories.left_out,
            "why": "their reference summary is a reference of a --dev set",
        },
        "word_prior": f"{TABLE_NAME}, estimated on the same stories",
        "rows": int(len(dataset.features)),
        "seed": seed,
        "command": command or "newsweave train",
        "learner": "lightgbm binary classifier of greedy-oracle membership, 400 rounds",
        "lexicon": f"{LEXICON_NAME}, fitted on the same rows ({LEXICON_FOLDS}-fold scores "
                   "for training)",
        "max_articles": int(dataset.features[:, MODEL_FEATURES.index("n_articles")].max()),
        "max_words_before": float(
            np.percentile(dataset.features[:, MODEL_FEATURES.index("words_before")], 99)
        ),
    }
    model = write_model(booster, lexicon, out, provenance)
    prior.save(out / TABLE_NAME)
    return model

