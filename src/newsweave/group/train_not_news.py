"""Train the not-a-news-report detector (``models/group_not_news.tsv.gz``).

    python -m newsweave.group.train_not_news ../shared/data/multinews/train.jsonl.gz
    python -m newsweave.group.train_not_news TRAIN.jsonl.gz --val VAL.jsonl.gz

The distinct documents of Multi-News train are the examples: template pages (an opening
that recurs across stories, its documents mostly outside their story's
``meta.llm_relevant_doc_indices``) against the relevant documents of their own wording
(``training_examples``). Sublinear TF-IDF of words and word pairs (scikit-learn, a
development dependency: ``pip install -e '.[dev]'``) and a logistic regression; the
vocabulary is capped so the shipped file stays small. ``--val`` prints, for the
documents of a second file, how many relevant and irrelevant ones the detector flags,
and the relevant ones it flags (to read: it must flag no real article).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from newsweave.group.not_news import (
    NOT_NEWS_MODEL,
    NOTICE_SHARE,
    TOKEN_PATTERN,
    load_model,
    notice_share,
    write_model,
)
from newsweave.group.piles import multinews_file, records

_TOKEN = re.compile(TOKEN_PATTERN)

VOCABULARY = 60000
OPENING_WORDS = 8
TEMPLATE_STORIES = 3
TEMPLATE_NOISE = 0.8
MIN_DF = 5
C = 4.0


def labelled_documents(path: Path) -> tuple[list[str], np.ndarray]:
    """Distinct non-empty documents and whether each is outside its story's relevant ones
    (the curators' label, which the report reads)."""
    texts: list[str] = []
    labels: list[int] = []
    seen: set[str] = set()
    for record in records(path):
        relevant = set((record.get("meta") or {}).get("llm_relevant_doc_indices") or [])
        for index, text in enumerate(record["documents"]):
            if text.strip() and text not in seen:
                seen.add(text)
                texts.append(text)
                labels.append(int(index not in relevant))
    return texts, np.array(labels)


def opening(text: str) -> str | None:
    """A document's first words: what a template page keeps from one copy to the next."""
    words = _TOKEN.findall(text.lower())[:OPENING_WORDS]
    return " ".join(words) if len(words) >= OPENING_WORDS // 2 else None


def training_examples(path: Path) -> tuple[list[str], np.ndarray]:
    """Template pages (1) against real reports (0).

    A template page opens as at least ``TEMPLATE_STORIES`` documents (copies counted)
    do, and at least ``TEMPLATE_NOISE`` of the documents opening so lie outside their
    story: a crawl notice, not a real article behind a shared sign-up line, which its
    story's curators kept. A real report is a relevant document whose opening is its
    own. Irrelevant documents of their own wording are left out: most are real articles
    on another matter, which the model is not to learn to reject."""
    stories: dict[str, int] = {}
    noise: dict[str, int] = {}
    for record in records(path):  # every copy counts, the distinct ones are learnt from
        relevant = set((record.get("meta") or {}).get("llm_relevant_doc_indices") or [])
        for index, text in enumerate(record["documents"]):
            key = opening(text)
            if key is not None:
                stories[key] = stories.get(key, 0) + 1
                noise[key] = noise.get(key, 0) + int(index not in relevant)
    texts, labels = labelled_documents(path)
    keys = [opening(text) for text in texts]
    kept: list[str] = []
    targets: list[int] = []
    for text, key, label in zip(texts, keys, labels, strict=True):
        copies = stories.get(key, 0) if key is not None else 0
        recurring = copies >= TEMPLATE_STORIES
        if recurring and noise.get(key or "", 0) >= TEMPLATE_NOISE * copies:
            kept.append(text)
            targets.append(1)
        elif not recurring and not label:
            kept.append(text)
            targets.append(0)
    return kept, np.array(targets)


def train(path: Path, out: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = training_examples(path)
    vectorizer = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2),
                                 min_df=MIN_DF, sublinear_tf=True, max_features=VOCABULARY)
    features = vectorizer.fit_transform(texts)
    # Template pages are few (about 450 distinct of 98,000 examples): weighted up, so that
    # a notice's wording, not its rarity, decides.
    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear", class_weight="balanced")
    model.fit(features, labels)
    terms = vectorizer.get_feature_names_out()
    idf = {str(term): float(value) for term, value in zip(terms, vectorizer.idf_, strict=True)}
    weight = {str(term): float(value) for term, value in zip(terms, model.coef_[0], strict=True)}
    write_model(out, idf, weight, float(model.intercept_[0]))
    print(f"{out}: {len(texts)} documents, {int(labels.sum())} template pages, "
          f"{len(idf)} terms")


def report(path: Path, model_path: Path) -> None:
    """How the shipped threshold splits another file's documents."""
    load_model.cache_clear()
    model = load_model(model_path)
    texts, labels = labelled_documents(path)
    scores = np.array([notice_share(text, model) for text in texts])
    flagged = scores >= NOTICE_SHARE
    print(f"{path}: flagged {int((flagged & (labels == 1)).sum())} of {int(labels.sum())} "
          f"irrelevant and {int((flagged & (labels == 0)).sum())} of "
          f"{int((labels == 0).sum())} relevant documents")
    for index in np.flatnonzero(flagged & (labels == 0)):
        print(f"  relevant, notice share {scores[index]:.2f}: {texts[index][:120]!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train", type=multinews_file, help="Multi-News train.jsonl.gz")
    parser.add_argument("--out", type=Path, default=NOT_NEWS_MODEL)
    parser.add_argument("--val", type=Path, help="a file to report the threshold on")
    args = parser.parse_args(argv)
    train(args.train, args.out)
    if args.val:
        report(args.val, args.out)


if __name__ == "__main__":
    main()
