"""The grouper's inverted index: per term and per time bucket, the stories listed under it.

Buckets are ``window_days`` wide (None holds the undated stories), so an article meets only
the stories of its own time, however long the store's history: a year of stories would
otherwise crowd its days out of the latest few hundred, and cost a date check each.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from newsweave.group.pairs import SECONDS_PER_DAY

# The latest stories listed under a term in the article's time: a word in every story of a
# year (a country's name) must not make every story a candidate.
POSTINGS_PER_TERM = 400


class TimePostings:
    """Stories listed under the terms of their centroids, in the bucket of their dates."""

    def __init__(self, window_days: float) -> None:
        self.window_days = window_days
        self._postings: dict[str, dict[int | None, list[str]]] = {}
        self._listed_at: dict[str, int | None] = {}  # per story: the bucket it is listed in

    def bucket(self, timestamp: float | None) -> int | None:
        if timestamp is None:
            return None
        return math.floor(timestamp / (self.window_days * SECONDS_PER_DAY))

    def listed(self, stem: str, timestamp: float | None) -> dict[str, None]:
        """The latest stories listed under the term in the buckets within the window of
        ``timestamp`` (and the undated ones); for an undated article, in every bucket,
        latest buckets first, up to ``POSTINGS_PER_TERM``."""
        buckets = self._postings.get(stem)
        if not buckets:
            return {}
        if len(buckets) == 1 and None in buckets:  # undated stories only: one list to read
            return dict.fromkeys(buckets[None][-POSTINGS_PER_TERM:])
        if timestamp is None:
            order: list[int | None] = [None, *sorted((b for b in buckets if b is not None),
                                                     reverse=True)]
        else:
            span = self.window_days * SECONDS_PER_DAY
            first = math.floor((timestamp - span) / span)
            order = [None, *range(first, math.floor((timestamp + span) / span) + 1)]
        # A dict, not a set: the order stories are met in breaks ties in shared weight,
        # and a set's order of strings changes from process to process.
        met: dict[str, None] = {}
        for bucket in order:
            listed = buckets.get(bucket)
            if listed:
                met.update(dict.fromkeys(listed[-(POSTINGS_PER_TERM - len(met)):]
                                         if timestamp is None else listed[-POSTINGS_PER_TERM:]))
                if timestamp is None and len(met) >= POSTINGS_PER_TERM:
                    break
        return met

    def add(self, story_id: str, timestamp: float | None, stems: Iterable[str],
            centroid: Iterable[str]) -> None:
        """List the story under ``stems`` (new terms of its ``centroid``) in the bucket of
        its mean date ``timestamp``; under all of the centroid's terms when its dates moved
        it to another bucket."""
        bucket = self.bucket(timestamp)
        if story_id not in self._listed_at or self._listed_at[story_id] != bucket:
            self._listed_at[story_id] = bucket
            stems = centroid
        for stem in stems:
            listed = self._postings.setdefault(stem, {}).setdefault(bucket, [])
            listed.append(story_id)
            if len(listed) > 2 * POSTINGS_PER_TERM:  # trimmed now and then, not per append
                del listed[:-POSTINGS_PER_TERM]

    def forget(self, story_id: str) -> None:
        """A story emptied by ``revise.py``: the lists keep its id, which the grouper
        skips; only where it is listed is forgotten."""
        self._listed_at.pop(story_id, None)
