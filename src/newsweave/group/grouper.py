"""Incremental grouping: each arriving article joins the story it belongs to, or starts one.

An article is first checked for being a reprint of a stored article (``reprints.py``):
a reprint joins its original's story and records ``copy_of``. Otherwise its TF-IDF
vector (``features.py``) is compared with the centroids of the stories that share one of
its strongest terms (an inverted index, so the cost does not grow with the store) and
published within ``window_days`` of it; it joins the most similar one if the cosine
reaches ``threshold``, else it starts a story. Decisions are never revisited, so a story
id, once given, never changes.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsweave.group.features import (
    DocumentFrequency,
    Vector,
    dot,
    term_counts,
    weigh,
)
from newsweave.group.reprints import REPRINT_JACCARD, ReprintIndex, Signature, signature
from newsweave.group.text import news_text
from newsweave.languages import story_language
from newsweave.model import Article, Story
from newsweave.read import article_from_value

# Tuned on the Multi-News val pile (benchmarks/grouping.py; docs/quality.md).
JOIN_THRESHOLD = 0.30
# Articles whose publication dates lie further apart than this report different events,
# however alike their words (two hearings of one trial, two storms of one season).
DEFAULT_WINDOW_DAYS = 3.0
# A story's centroid keeps its strongest terms only (memory stays per story, not per word).
CENTROID_TERMS = 80
# Candidate stories are those sharing one of the article's strongest terms ...
QUERY_TERMS = 15
# ... among the latest stories listed under that term: a word in every story of a year
# (a country's name) must not make every story a candidate ...
POSTINGS_PER_TERM = 400
# ... and of those, the ones sharing the most of the article's weight are compared in full.
SHORTLIST = 20
SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, the article it reprints (if any), whether new."""

    story_id: str
    copy_of: str | None
    new_story: bool


@dataclass
class _StoryState:
    centroid: Vector = field(default_factory=dict)  # sum of member vectors, pruned
    norm: float = 0.0
    size: int = 0
    time_sum: float = 0.0
    timed: int = 0

    def similarity(self, vector: Vector) -> float:
        return dot(vector, self.centroid) / self.norm if self.norm else 0.0

    def add(self, vector: Vector, timestamp: float | None) -> None:
        merged = dict(self.centroid)
        for stem, weight in vector.items():
            merged[stem] = merged.get(stem, 0.0) + weight
        strongest = sorted(merged.items(), key=lambda item: -item[1])[:CENTROID_TERMS]
        self.centroid = dict(strongest)
        self.norm = sum(w * w for _, w in strongest) ** 0.5
        self.size += 1
        if timestamp is not None:
            self.time_sum += timestamp
            self.timed += 1

    def days_from(self, timestamp: float | None) -> float:
        if timestamp is None or not self.timed:
            return 0.0
        return abs(timestamp - self.time_sum / self.timed) / SECONDS_PER_DAY


def timestamp_of(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO date or date-time; None when absent or unreadable."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.timestamp() - moment.astimezone().utcoffset().total_seconds()  # type: ignore[union-attr]
    return moment.timestamp()


class Grouper:
    """An in-memory index of stories that assigns each new article to one.

    ``window_days``: articles further apart in time than this never share a story
    (articles without a date are compared with every story). ``threshold``: the cosine
    between an article and a story's centroid from which the article joins the story.
    ``reprint_jaccard``: the estimated shingle overlap from which an article is a reprint.
    """

    def __init__(
        self,
        window_days: float = DEFAULT_WINDOW_DAYS,
        threshold: float = JOIN_THRESHOLD,
        reprint_jaccard: float = REPRINT_JACCARD,
    ) -> None:
        if window_days <= 0:
            raise ValueError("window_days must be positive")
        self.window_days = window_days
        self.threshold = threshold
        self._df = DocumentFrequency.shipped()
        self._reprints = ReprintIndex(reprint_jaccard)
        self._stories: dict[str, _StoryState] = {}
        self._postings: defaultdict[str, deque[str]] = defaultdict(
            lambda: deque(maxlen=POSTINGS_PER_TERM)
        )
        self._story_of: dict[str, str] = {}
        self._original_of: dict[str, str] = {}
        self._next_number = 1

    def __len__(self) -> int:
        """How many articles the index holds."""
        return len(self._story_of)

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def add(self, article: Article) -> Assignment:
        """Decide the article's story (and whether it is a reprint), and index it.

        Sets ``article.language`` and ``article.copy_of`` as decided.
        """
        text = news_text(article)
        if article.language is None:
            article.language = story_language([article])
        minhash = signature(text)
        copied = self._reprints.best_match(minhash)
        counts = term_counts(None, text)
        self._df.add(set(counts))
        vector = weigh(counts, self._df)
        timestamp = timestamp_of(article.published)
        copy_of: str | None = None
        if copied is not None and self._within_window(self._story_of[copied[0]], timestamp):
            copy_of = self._original_of.get(copied[0], copied[0])
            found: str | None = self._story_of[copied[0]]
        else:
            found = self._best_story(vector, timestamp)
        story_id = found or self._new_id()
        article.copy_of = copy_of
        self._index(article.id, story_id, copy_of, vector, timestamp, minhash)
        return Assignment(story_id, copy_of, found is None)

    def add_existing(self, article: Article, story_id: str, copy_of: str | None = None) -> None:
        """Index an article whose story was decided before (a store read at start-up)."""
        text = news_text(article)
        counts = term_counts(None, text)
        self._df.add(set(counts))
        self._index(
            article.id, story_id, copy_of, weigh(counts, self._df),
            timestamp_of(article.published), signature(text),
        )

    def _best_story(self, vector: Vector, timestamp: float | None) -> str | None:
        shared: defaultdict[str, float] = defaultdict(float)
        for stem in sorted(vector, key=lambda stem: -vector[stem])[:QUERY_TERMS]:
            weight = vector[stem]
            for story_id in self._postings.get(stem, ()):
                shared[story_id] += weight
        shortlist = sorted(shared, key=lambda story_id: -shared[story_id])[:SHORTLIST]
        best, best_score = None, self.threshold
        for story_id in shortlist:
            if not self._within_window(story_id, timestamp):
                continue
            score = self._stories[story_id].similarity(vector)
            if score >= best_score:
                best, best_score = story_id, score
        return best

    def _within_window(self, story_id: str, timestamp: float | None) -> bool:
        return self._stories[story_id].days_from(timestamp) <= self.window_days

    def _index(
        self,
        article_id: str,
        story_id: str,
        copy_of: str | None,
        vector: Vector,
        timestamp: float | None,
        minhash: Signature | None,
    ) -> None:
        state = self._stories.get(story_id)
        if state is None:
            state = self._stories[story_id] = _StoryState()
            self._claim_number(story_id)
        before = set(state.centroid)
        state.add(vector, timestamp)
        for stem in state.centroid.keys() - before:
            self._postings[stem].append(story_id)
        self._story_of[article_id] = story_id
        if copy_of is not None:
            self._original_of[article_id] = self._original_of.get(copy_of, copy_of)
        self._reprints.add(article_id, minhash)

    def _new_id(self) -> str:
        while f"story-{self._next_number}" in self._stories:
            self._next_number += 1
        return f"story-{self._next_number}"

    def _claim_number(self, story_id: str) -> None:
        number = story_id.removeprefix("story-")
        if number.isdigit() and int(number) >= self._next_number:
            self._next_number = int(number) + 1


def group(
    articles: Iterable[Article | str | Mapping[str, Any]],
    window_days: float = DEFAULT_WINDOW_DAYS,
    threshold: float = JOIN_THRESHOLD,
    reprint_jaccard: float = REPRINT_JACCARD,
) -> list[Story]:
    """Group articles into stories, in the order given; each story lists its articles in
    arrival order, with ``copy_of`` and ``language`` set.

    ``articles`` may be :class:`~newsweave.model.Article` objects, dicts with ``text``
    (and optional ``id``, ``source``, ``title``, ``url``, ``published``) or strings.
    """
    grouper = Grouper(window_days, threshold, reprint_jaccard)
    stories: dict[str, Story] = {}
    for index, item in enumerate(articles):
        article = item if isinstance(item, Article) else article_from_value(
            item, index, f"article-{index + 1}")
        assignment = grouper.add(article)
        story = stories.setdefault(assignment.story_id, Story([], id=assignment.story_id))
        story.articles.append(article)
    return list(stories.values())
