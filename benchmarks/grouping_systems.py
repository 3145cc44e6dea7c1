"""The systems benchmarks/grouping.py compares: newsweave and the issue's two TF-IDF
baselines (sublinear tf, unigrams + bigrams, cosine), implemented with scikit-learn."""

from __future__ import annotations

import numpy as np

from newsweave.model import Article

SINGLE_PASS_THRESHOLD = 0.225
AVERAGE_LINK_DISTANCE = 0.80
BLOCK = 1000


def newsweave_labels(articles: list[Article]) -> dict[str, str]:
    from newsweave.group import group

    return {a.id: story.id or "" for story in group(articles) for a in story.articles}


def _tfidf(articles: list[Article]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))
    return vectorizer.fit_transform([a.text for a in articles]).astype(np.float32)


def single_pass_labels(articles: list[Article]) -> dict[str, str]:
    """Each document joins the cluster whose centroid is most similar, from 0.225."""
    vectors = _tfidf(articles)
    n = vectors.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    norms_squared: list[float] = []  # per cluster: |sum of member vectors|^2
    for start in range(0, n, BLOCK):
        block = (vectors[start : start + BLOCK] @ vectors[: start + BLOCK].T).toarray()
        for row in range(block.shape[0]):
            i = start + row
            clusters = len(norms_squared)
            if clusters:
                dots = np.bincount(labels[:i], weights=block[row, :i], minlength=clusters)
                sims = dots / np.sqrt(np.maximum(norms_squared, 1e-12))
                best = int(np.argmax(sims))
                if sims[best] >= SINGLE_PASS_THRESHOLD:
                    labels[i] = best
                    norms_squared[best] += 2 * dots[best] + 1.0
                    continue
            labels[i] = clusters
            norms_squared.append(1.0)
    return {a.id: f"c{label}" for a, label in zip(articles, labels, strict=True)}


def average_link_labels(articles: list[Article]) -> dict[str, str]:
    """Average-link agglomerative clustering, cut at cosine distance 0.80."""
    from sklearn.cluster import AgglomerativeClustering

    vectors = _tfidf(articles)
    distances = 1.0 - (vectors @ vectors.T).toarray()
    np.clip(distances, 0.0, None, out=distances)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=AVERAGE_LINK_DISTANCE)
    labels = model.fit_predict(distances)
    return {a.id: f"c{label}" for a, label in zip(articles, labels, strict=True)}


SYSTEMS = {
    "newsweave": newsweave_labels,
    "tfidf-single-pass": single_pass_labels,
    "tfidf-average-link": average_link_labels,
}
