"""Does this article belong to that story? The similarity channels a judge reads.

Each candidate story (found through the grouper's inverted index) is described, relative
to the arriving article, by several channels that fail in different ways: the cosine to
the story's centroid (blurred by a large story's many words), to its closest and its
average member (the centroid of a story about two days of a trial hides that the article
matches only one), the rare words and the numbers they share (an event's names, counts,
scores and dates; a topic's words are common), the story's size, the article's length,
and how the candidate compares with the other candidates (a clear best or one of many).
``judge.py`` turns these into a probability with a model trained on Multi-News train.
"""

from __future__ import annotations

import math
import re
from collections import deque
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

from newsweave.group.features import DocumentFrequency, Vector, dot

PAIR_FEATURES = (
    "centroid_cosine", "best_member_cosine", "mean_member_cosine", "shared_terms",
    "shared_rare_terms", "shared_idf", "shared_numbers", "article_numbers", "story_size",
    "article_terms", "candidates", "rank", "margin", "best_other_cosine", "index_overlap",
)
# A story remembers its latest members' vectors only: a long-running story is compared
# with what it says now, and memory stays bounded per story.
MEMBERS_KEPT = 8
# ... and the numbers its articles mention, up to this many.
NUMBERS_KEPT = 200
# A shared stem this rare (in fewer Multi-News train documents than this) names the event.
RARE_DF = 30
SECONDS_PER_DAY = 86_400.0
_NUMBER = re.compile(r"\d[\d,.:]*\d|\d")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text mentions (counts, scores, sums, times), one-digit ones aside."""
    return frozenset(n for n in _NUMBER.findall(text) if len(n) > 1)


@dataclass
class StoryState:
    """What the grouper keeps of a story: centroid, latest members, numbers, dates."""

    centroid: Vector = field(default_factory=dict)  # sum of member vectors, pruned
    norm: float = 0.0
    size: int = 0
    time_sum: float = 0.0
    timed: int = 0
    members: deque[Vector] = field(default_factory=lambda: deque(maxlen=MEMBERS_KEPT))
    numbers: set[str] = field(default_factory=set)

    def similarity(self, vector: Vector) -> float:
        return dot(vector, self.centroid) / self.norm if self.norm else 0.0

    def add(self, vector: Vector, numbers: frozenset[str], timestamp: float | None,
            centroid_terms: int) -> None:
        merged = dict(self.centroid)
        for stem, weight in vector.items():
            merged[stem] = merged.get(stem, 0.0) + weight
        strongest = sorted(merged.items(), key=itemgetter(1), reverse=True)[:centroid_terms]
        self.centroid = dict(strongest)
        self.norm = sum(w * w for _, w in strongest) ** 0.5
        self.size += 1
        self.members.append(vector)
        for number in sorted(numbers):  # which are kept must not follow a set's hash order
            if len(self.numbers) >= NUMBERS_KEPT:
                break
            self.numbers.add(number)
        if timestamp is not None:
            self.time_sum += timestamp
            self.timed += 1

    def mean_time(self) -> float | None:
        return self.time_sum / self.timed if self.timed else None

    def days_from(self, timestamp: float | None) -> float:
        if timestamp is None or not self.timed:
            return 0.0
        return abs(timestamp - self.time_sum / self.timed) / SECONDS_PER_DAY


def pair_features(
    vector: Vector,
    numbers: frozenset[str],
    stories: list[StoryState],
    overlaps: list[float],
    df: DocumentFrequency,
    centroid: list[float] | None = None,
) -> np.ndarray:
    """One row of ``PAIR_FEATURES`` per candidate story (``overlaps``: the inverted
    index's shared weight for each; ``centroid``: the cosines to their centroids, where
    the caller has them)."""
    rows = np.zeros((len(stories), len(PAIR_FEATURES)), dtype=np.float32)
    if not stories:
        return rows
    if centroid is None:
        centroid = [s.similarity(vector) for s in stories]
    order = sorted(range(len(stories)), key=lambda i: -centroid[i])
    rank = {index: place for place, index in enumerate(order)}
    for i, story in enumerate(stories):
        member = [dot(vector, m) for m in story.members]
        shared = vector.keys() & story.centroid.keys()
        others = [centroid[j] for j in order[:2] if j != i]
        best_other = others[0] if others else 0.0
        rows[i] = (
            centroid[i],
            max(member),
            sum(member) / len(member),
            len(shared),
            sum(1 for stem in shared if df.prior.get(stem, 0) < RARE_DF),
            math.fsum([vector[stem] * idf  # any order
                       for stem, idf in zip(shared, df.idfs(shared), strict=True)]),
            len(numbers & story.numbers),
            len(numbers),
            math.log1p(story.size),
            len(vector),
            len(stories),
            rank[i],
            centroid[i] - best_other,
            best_other,
            overlaps[i],
        )
    return rows


def closest_features(
    vector: Vector,
    numbers: frozenset[str],
    stories: list[StoryState],
    overlaps: list[float],
    df: DocumentFrequency,
    judged: int,
) -> tuple[list[int], np.ndarray]:
    """``pair_features`` of the ``judged`` candidates closest by centroid cosine only (and
    their indices): the story an article belongs to is nearly always among them, and the
    member comparisons of the rest cost most of an article's time. The ``candidates``
    column still counts every candidate offered, as the judge was trained."""
    kept = list(range(len(stories)))
    centroid = [s.similarity(vector) for s in stories]
    if len(stories) > judged:
        kept = sorted(kept, key=lambda i: -centroid[i])[:judged]
    rows = pair_features(vector, numbers, [stories[i] for i in kept],
                         [overlaps[i] for i in kept], df, [centroid[i] for i in kept])
    rows[:, PAIR_FEATURES.index("candidates")] = len(stories)
    return kept, rows
