"""Per-sentence features: the signals salience is computed from.

One table, named columns, shared by the unsupervised scorer and the learned model, so
that the two can never disagree about what "position" or "support" means.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsweave.model import Article, Sentence
from newsweave.summarizer.align import Alignment
from newsweave.summarizer.readability import starts_with_anaphor, starts_with_quote
from newsweave.summarizer.represent import (
    Matrix,
    Representation,
    article_membership,
    row_sums,
    scale_rows,
    to_dense,
)
from newsweave.summarizer.word_importance import WordImportance
from newsweave.text import STOPWORDS, content_stems

FEATURE_NAMES = (
    "position",  # index of the sentence in its article
    "inverse_position",  # 1 / (1 + position)
    "relative_position",  # position / sentences in the article
    "words",
    "centroid_similarity",  # cosine to the story centroid
    "article_centroid_similarity",  # cosine to its own article's centroid
    "support_share",  # share of other articles that report it
    "support_soft",  # mean containment in other articles
    "degree_centrality",  # mean cosine to all other sentences (LexRank-like)
    "title_overlap",  # share of its content stems in any headline
    "article_frequency_mean",  # mean number of articles using its stems
    "is_quote",  # starts with a quotation mark
    "starts_with_pronoun",
    "has_number",
    "capitalised_share",  # share of words capitalised past the first (names, places)
    "n_articles",
    "article_sentences",
    "words_before",  # words of the article before this sentence
    "bigram_support",  # share of its content bigrams found in another article
    "max_other_similarity",  # best cosine to a sentence of another article
    "stopword_share",
    "has_speech_verb",  # said, says, told: attributed statements
    "importance_mean",  # mean lexical prior of its content stems (word_importance.py)
    "importance_sum",
    "importance_support",  # prior weighted by how many articles use each stem
)

_NUMBER = re.compile(r"\d")
# The speech-verb feature as the learned model was trained with it.
_SPEECH_FEATURE = re.compile(r"\b(?:said|says|told|added|stated|announced)\b", re.IGNORECASE)
# In ASCII text a match is one of these tokens (text.tokens): where the sentence has none,
# the (case-blind, so slow) pattern is not run.
_SPEECH_FEATURE_WORDS = frozenset({"said", "says", "told", "added", "stated", "announced"})


def _speech_verb(text: str, words: list[str]) -> bool:
    if text.isascii() and _SPEECH_FEATURE_WORDS.isdisjoint(words):
        return False
    return bool(_SPEECH_FEATURE.search(text))


def _bigram_support(rep: Representation, article_of: np.ndarray) -> np.ndarray:
    """Share of each sentence's content-stem bigrams that some other article also has."""
    first_owner: dict[tuple[str, str], int] = {}
    shared: set[tuple[str, str]] = set()  # bigrams of two articles or more
    bigrams = [list(zip(stems, stems[1:], strict=False)) for stems in rep.stems]
    for pairs, article in zip(bigrams, article_of.tolist(), strict=True):
        for pair in pairs:
            if first_owner.setdefault(pair, article) != article:
                shared.add(pair)
    share = np.zeros(len(bigrams))
    for i, pairs in enumerate(bigrams):
        if pairs:
            share[i] = sum(map(shared.__contains__, pairs)) / len(pairs)
    return share


def _product(a: Matrix, b: Matrix) -> Matrix:
    return a.multiply(b) if sparse.issparse(a) else a * to_dense(b)


def _squared(matrix: Matrix) -> Matrix:
    return _product(matrix, matrix)


@dataclass
class FeatureTable:
    names: tuple[str, ...]
    values: np.ndarray  # shape (n_sentences, len(names))

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.names.index(name)]


def compute_features(
    articles: list[Article],
    sentences: list[Sentence],
    rep: Representation,
    alignment: Alignment,
    importance: WordImportance | None = None,
) -> FeatureTable:
    n = len(sentences)
    n_articles = len(articles)
    values = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return FeatureTable(FEATURE_NAMES, values)
    similarity = rep.similarity
    vectors = rep.vectors
    article_of = np.array([s.article_index for s in sentences])
    per_article = np.bincount(article_of, minlength=n_articles)
    # Centroids are sums of unit vectors; cosine to them needs only their direction.
    membership = article_membership(article_of, n_articles)
    article_centroids = membership @ vectors  # (n_articles, vocabulary), sparse if vectors are
    centroid = np.asarray(article_centroids.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    norms = np.sqrt(row_sums(_squared(article_centroids)))
    own_centroids = scale_rows(article_centroids, 1.0 / np.maximum(norms, 1e-12))[article_of]
    centroid_similarity = np.asarray(vectors @ centroid).ravel()
    # row by row: a sentences × articles product would be 160 MB at 10,000 articles
    own_centroid_similarity = row_sums(_product(vectors, own_centroids))
    title_stems = {s for a in articles if a.title for s in content_stems(a.title)}
    others = max(n_articles - 1, 1)
    support_share = alignment.support_counts() / others
    support_soft = alignment.soft_support() / others
    if n_articles == 1:
        support_share = support_soft = np.zeros(n)
    degree = (similarity.sum(axis=1) - 1.0) / max(n - 1, 1)
    bigram_support = _bigram_support(rep, article_of)
    same_article = article_of[:, None] == article_of[None, :]
    max_other = np.where(same_article, 0.0, similarity).max(axis=1)
    # Per sentence, in plain Python numbers: numpy's per-element indexing and row
    # assignment cost more than the arithmetic (the values, and their order of addition,
    # are those of numpy's scalars).
    frequency_of = rep.article_frequency.tolist()
    vocabulary = rep.vocabulary
    prior = importance.table.get if importance else None
    default_prior = importance.default if importance else 0.0
    sentence_counts = per_article.tolist()
    running = [0.0] * n_articles
    rows = []
    for i, sentence in enumerate(sentences):
        stems = rep.stems[i]
        text = sentence.text
        words = text.split()
        frequencies = [float(frequency_of[vocabulary[s]]) for s in stems]
        capitalised = sum([w[:1].isupper() for w in words[1:]])
        word_tokens = rep.tokens[i]
        stopwords = sum(map(STOPWORDS.__contains__, word_tokens))
        priors = ([prior(s, default_prior) for s in stems] if prior is not None
                  else [0.0] * len(stems))
        distinct = set(stems)
        count = max(len(stems), 1)
        article = sentence.article_index
        rows.append((
            sentence.position,
            1.0 / (1.0 + sentence.position),
            sentence.position / max(sentence_counts[article], 1),
            len(words),
            centroid_similarity[i],
            own_centroid_similarity[i],
            support_share[i],
            support_soft[i],
            degree[i],
            len(distinct & title_stems) / max(len(distinct), 1),
            sum(frequencies) / count,
            1.0 if starts_with_quote(text) else 0.0,
            1.0 if starts_with_anaphor(text) else 0.0,
            1.0 if _NUMBER.search(text) else 0.0,
            capitalised / max(len(words) - 1, 1),
            n_articles,
            sentence_counts[article],
            running[article],
            bigram_support[i],
            max_other[i],
            stopwords / max(len(word_tokens), 1),
            1.0 if _speech_verb(text, word_tokens) else 0.0,
            sum(priors) / count,
            sum(priors),
            sum(map(operator.mul, priors, frequencies)) / count / n_articles,
        ))
        running[article] += len(words)
    values[:] = rows
    return FeatureTable(FEATURE_NAMES, values)
