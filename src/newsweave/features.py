"""Per-sentence features: the signals salience is computed from.

One table, named columns, shared by the unsupervised scorer and the learned model, so
that the two can never disagree about what "position" or "support" means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from newsweave.align import Alignment
from newsweave.model import Article, Sentence
from newsweave.readability import starts_with_anaphor, starts_with_quote
from newsweave.represent import Representation
from newsweave.text import STOPWORDS, content_stems, tokens, word_count
from newsweave.word_importance import WordImportance

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


def _bigram_support(rep: Representation, article_of: np.ndarray) -> np.ndarray:
    """Share of each sentence's content-stem bigrams that some other article also has."""
    owners: dict[tuple[str, str], set[int]] = {}
    bigrams = [list(zip(stems, stems[1:], strict=False)) for stems in rep.stems]
    for i, pairs in enumerate(bigrams):
        for pair in pairs:
            owners.setdefault(pair, set()).add(int(article_of[i]))
    share = np.zeros(len(bigrams))
    for i, pairs in enumerate(bigrams):
        if pairs:
            share[i] = sum(len(owners[p] - {article_of[i]}) > 0 for p in pairs) / len(pairs)
    return share


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
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    article_of = np.array([s.article_index for s in sentences])
    per_article = np.bincount(article_of, minlength=n_articles)
    article_centroids = np.zeros((n_articles, vectors.shape[1]))
    for a in range(n_articles):
        rows = np.flatnonzero(article_of == a)
        if rows.size:
            c = np.asarray(vectors[rows].sum(axis=0)).ravel()
            article_centroids[a] = c / (np.linalg.norm(c) or 1.0)
    title_stems = {s for a in articles if a.title for s in content_stems(a.title)}
    others = max(n_articles - 1, 1)
    strength = alignment.strength
    support_share = alignment.support_counts() / others
    own = np.zeros_like(strength, dtype=bool)
    own[np.arange(n), article_of] = True
    support_soft = np.where(own, 0.0, strength).sum(axis=1) / others
    degree = (similarity.sum(axis=1) - 1.0) / max(n - 1, 1)
    dense = vectors.toarray() if vectors.shape[1] else np.zeros((n, 0))
    bigram_support = _bigram_support(rep, article_of)
    same_article = article_of[:, None] == article_of[None, :]
    max_other = np.where(same_article, 0.0, similarity).max(axis=1)
    words_before = np.zeros(n)
    running = np.zeros(n_articles)
    for i, sentence in enumerate(sentences):
        words_before[i] = running[sentence.article_index]
        running[sentence.article_index] += word_count(sentence.text)
    for i, sentence in enumerate(sentences):
        stems = rep.stems[i]
        words = sentence.text.split()
        frequencies = [rep.article_frequency[rep.vocabulary[s]] for s in stems]
        capitalised = sum(1 for w in words[1:] if w[:1].isupper())
        word_tokens = tokens(sentence.text)
        stopword_share = sum(t in STOPWORDS for t in word_tokens) / max(len(word_tokens), 1)
        priors = [importance(s) for s in stems] if importance else [0.0] * len(stems)
        values[i] = (
            sentence.position,
            1.0 / (1.0 + sentence.position),
            sentence.position / max(per_article[sentence.article_index], 1),
            word_count(sentence.text),
            float(dense[i] @ centroid) if dense.shape[1] else 0.0,
            float(dense[i] @ article_centroids[sentence.article_index]) if dense.shape[1] else 0.0,
            support_share[i] if n_articles > 1 else 0.0,
            support_soft[i] if n_articles > 1 else 0.0,
            degree[i],
            len(set(stems) & title_stems) / max(len(set(stems)), 1),
            float(np.mean(frequencies)) if frequencies else 0.0,
            1.0 if starts_with_quote(sentence.text) else 0.0,
            1.0 if starts_with_anaphor(sentence.text) else 0.0,
            1.0 if _NUMBER.search(sentence.text) else 0.0,
            capitalised / max(len(words) - 1, 1),
            n_articles,
            per_article[sentence.article_index],
            words_before[i],
            bigram_support[i],
            max_other[i],
            stopword_share,
            1.0 if _SPEECH_FEATURE.search(sentence.text) else 0.0,
            float(np.mean(priors)) if priors else 0.0,
            float(np.sum(priors)),
            float(np.dot(priors, frequencies)) / max(len(priors), 1) / max(n_articles, 1),
        )
    return FeatureTable(FEATURE_NAMES, values)
