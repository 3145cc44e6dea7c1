"""The systems benchmarks/grouping.py compares: newsweave and the issue's two TF-IDF
baselines (sublinear tf, unigrams + bigrams, cosine), implemented with scikit-learn and
SciPy, at thresholds tuned on the val pile (``--parts baselines`` sweeps them)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsweave.model import Article

# The thresholds (0.225 and 0.80) were tuned on its own TF-IDF; on this one (terms
# in one document only dropped, as is usual) the val sweep (--parts baselines) puts the
# best B3-F1 here: single pass 0.832, average link 0.852 (docs/quality.md).
SINGLE_PASS_THRESHOLD = 0.175
AVERAGE_LINK_DISTANCE = 0.85
MIN_DF = 2
BLOCK = 1000
Labels = dict[str, str]


def newsweave_labels(articles: list[Article], threshold: float | None = None,
                     second_look: bool = True) -> Labels:
    from newsweave.group import group

    options = {} if threshold is None else {"threshold": threshold}
    return {a.id: story.id or "" for story in group(articles, second_look=second_look,
                                                     **options)
            for a in story.articles}


def system(name: str) -> Callable[[list[Article]], Labels]:
    """A system by name; ``newsweave@0.4`` is newsweave at another join threshold,
    ``newsweave-single-pass`` (``@0.4`` too) without the second look (group/revise.py)."""
    base, _, threshold = name.partition("@")
    if base in ("newsweave", "newsweave-single-pass"):
        second_look = base == "newsweave"
        return lambda articles: newsweave_labels(
            articles, float(threshold) if threshold else None, second_look)
    return SYSTEMS[name]


def tfidf(articles: list[Article], min_df: int = MIN_DF):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=min_df)
    return vectorizer.fit_transform([a.text for a in articles]).astype(np.float32)


def single_pass(vectors, threshold: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Each document joins the cluster whose centroid is most similar, from ``threshold``."""
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
                if sims[best] >= threshold:
                    labels[i] = best
                    norms_squared[best] += 2 * dots[best] + 1.0
                    continue
            labels[i] = clusters
            norms_squared.append(1.0)
    return labels


def average_link_tree(vectors) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The average-link merge tree over cosine distances (cut it with ``cut``)."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    distances = 1.0 - (vectors @ vectors.T).toarray().astype(np.float64)
    np.clip(distances, 0.0, None, out=distances)
    np.fill_diagonal(distances, 0.0)
    condensed = squareform(distances, checks=False)
    del distances
    return linkage(condensed, method="average")


def cut(tree: np.ndarray, distance: float) -> np.ndarray:
    """Clusters merged below ``distance`` (sklearn's distance_threshold)."""
    from scipy.cluster.hierarchy import fcluster

    return fcluster(tree, t=np.nextafter(distance, 0), criterion="distance")


def _named(articles: list[Article], labels: np.ndarray) -> Labels:
    return {a.id: f"c{label}" for a, label in zip(articles, labels, strict=True)}


def single_pass_labels(articles: list[Article]) -> Labels:
    return _named(articles, single_pass(tfidf(articles), SINGLE_PASS_THRESHOLD))


def average_link_labels(articles: list[Article]) -> Labels:
    return _named(articles, cut(average_link_tree(tfidf(articles)), AVERAGE_LINK_DISTANCE))


SYSTEMS: dict[str, Callable[[list[Article]], Labels]] = {
    "newsweave": newsweave_labels,
    "tfidf-single-pass": single_pass_labels,
    "tfidf-average-link": average_link_labels,
}
