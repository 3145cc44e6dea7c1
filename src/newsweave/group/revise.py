"""A second look for a batch: every added article judged again against the finished stories.

The single pass (``Grouper.add``) judges an article against the stories as they stand
when it arrives. The first report of an event has nothing to join yet and may settle in a
neighbouring story; a story of one article is a weak candidate for the second report,
which then starts its own. Once the batch is in, each article is judged again, by the
same judge, against the stories it now meets (its own story without it: leave one out),
and moves to the likeliest one if that beats its own by ``REVISE_MARGIN``, or stands
alone if no story reaches the join threshold and the judge all but rules out its own.
Articles are judged in blocks (one call of the judge each) and moved in arrival order; an
article judged against a story the block has since changed waits for the next round. A
round judges every article, the next only those whose own story changed (an article left
or joined it) or whose judgement went stale, up to ``REVISE_ROUNDS``.

A reprint moves with its original; a page that is no news report stays alone. The judge
reads the ``JUDGED`` candidates closest to the article's centroid only (the rest of its
channels unchanged): the story an article belongs to is nearly always among them, and the
judge's time is most of a round's. Multi-News val pile: B³-F1 0.852 -> 0.87x at the
default threshold (docs/quality.md). A large batch's blocks have half their candidates
worked out by a forked copy of the grouper (``replica.py``), on the same stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from typing import Any

import numpy as np

from newsweave.group.grouper import (
    DEFAULT_WINDOW_DAYS,
    JOIN_THRESHOLD,
    JUDGED,
    Grouper,
    query_terms,
)
from newsweave.group.pages import read_pages
from newsweave.group.pairs import StoryState, closest_features
from newsweave.group.replica import Replica, replica_for
from newsweave.group.reprints import REPRINT_JACCARD
from newsweave.model import Article, Story
from newsweave.reading.read import article_from_value

# A move must beat the article's own story by this much: the judge's probabilities of
# two close stories differ by noise, and an article should not swing between them.
REVISE_MARGIN = 0.1
# ... and stands alone only when the judge all but rules out its own story (and no other
# story reaches the threshold): its probabilities for one story vary by a few tenths with
# the story's other members, and a report of an event must not be cut from its story.
ALONE_BELOW = 0.05
# Rounds of revision at most (each later round judges only what the last one touched).
REVISE_ROUNDS = 3
# Articles judged per call of the judge (its cost per call dwarfs its cost per row).
BLOCK = 256
# A story larger than this is judged with the article still in it: rebuilding it without
# each of its members would cost its size squared, and one article barely moves it.
LEAVE_ONE_OUT_LIMIT = 50
# A block this large has half its candidates worked out by the replica (replica.py).
SHARED_FROM = 32


def group(
    articles: Iterable[Article | str | Mapping[str, Any]],
    window_days: float = DEFAULT_WINDOW_DAYS,
    threshold: float = JOIN_THRESHOLD,
    reprint_jaccard: float = REPRINT_JACCARD,
    second_look: bool = True,
) -> list[Story]:
    """Group articles into stories: one pass in the order given, then a second look at
    every article (``revise.py``); each story lists its articles in arrival order, with
    ``copy_of`` and ``language`` set. ``second_look=False``: the single pass only.

    ``articles`` may be :class:`~newsweave.model.Article` objects, dicts with ``text``
    (and optional ``id``, ``source``, ``title``, ``url``, ``published``) or strings.
    """
    grouper = Grouper(window_days, threshold, reprint_jaccard, revisable=True)
    added: list[Article] = []
    given = (item if isinstance(item, Article) else article_from_value(
        item, index, f"article-{index + 1}") for index, item in enumerate(articles))
    for article, page in read_pages(given):
        grouper.add(article, page)
        added.append(article)
    if second_look:
        revise(grouper, [a.id for a in added])
    stories: dict[str, Story] = {}
    for article in added:
        story_id = grouper.story_of(article.id) or ""
        stories.setdefault(story_id, Story([], id=story_id)).articles.append(article)
    return list(stories.values())


def revise(grouper: Grouper, article_ids: Iterable[str],
           progress: Callable[[int], None] | None = None) -> dict[str, str]:
    """Move the given stored articles (in arrival order) to their likeliest stories; the
    others stay where they are. Returns each moved article's new story."""
    if not grouper.revisable:
        raise ValueError("revise needs a Grouper(revisable=True)")
    ids = list(article_ids)
    copies: dict[str, list[str]] = {}
    for article_id in ids:
        original = grouper.original_of(article_id)
        if original is not None:
            copies.setdefault(original, []).append(article_id)
    movable = [a for a in ids
               if grouper.original_of(a) is None and not grouper.prepared_of(a).not_news]
    with replica_for(grouper, len(movable), _candidates) or nullcontext() as replica:
        return _revise(grouper, movable, copies, replica, progress)


def _revise(grouper: Grouper, movable: list[str], copies: dict[str, list[str]],
            replica: Replica | None, progress: Callable[[int], None] | None
            ) -> dict[str, str]:
    moved: dict[str, str] = {}
    pending = movable
    for rounds in range(REVISE_ROUNDS):
        touched: set[str] = set()  # stories this round moved articles out of or into
        deferred: list[str] = []
        for start in range(0, len(pending), BLOCK):
            block = pending[start:start + BLOCK]
            looked: dict[str, set[str]] = {}  # per article: the stories it was judged on
            moves = []
            for article_id, offered, chances in _judge_block(grouper, block, looked,
                                                             replica):
                own = grouper.story_of(article_id) or ""
                shares = bool(_others(grouper, own, article_id))
                target = _decide(own, offered, chances, grouper.threshold, shares)
                if target is not None:
                    # Those their own story rejects move first: a story that holds one
                    # misfiled report draws that report's fellows in (the judge reads
                    # a story's closest member), and once it has left, they need not go.
                    doubt = _chance(own, offered, chances) if shares else 1.0
                    moves.append((doubt, article_id, own, target))
            changed: set[str] = set()  # stories this block moved articles out of or into
            for _, article_id, own, target in sorted(moves, key=lambda move: move[0]):
                if changed & looked[article_id]:
                    deferred.append(article_id)  # judged against stories since changed
                    continue
                leaving = [article_id] + [c for c in copies.get(article_id, [])
                                          if grouper.story_of(c) == own]
                found = grouper.move(leaving, target or None)
                if replica is not None:
                    replica.moved(leaving, target or None)
                changed.update((own, found))
                moved.update(dict.fromkeys(leaving, found))
            touched |= changed
            if progress is not None and rounds == 0:  # later rounds are few and quick
                progress(len(block))
        again = set(deferred)
        pending = [a for a in movable if a in again or grouper.story_of(a) in touched]
        if not pending:
            break
    return {a: grouper.story_of(a) or "" for a in moved}


def _judge_block(grouper: Grouper, block: list[str], looked: dict[str, set[str]],
                 replica: Replica | None = None) -> list[tuple[str, list[str], np.ndarray]]:
    """Each article's judged candidate stories and their probabilities (one judge call);
    the ``replica`` works out the second half's candidates meanwhile."""
    here = len(block) // 2 if replica is not None and len(block) >= SHARED_FROM else len(block)
    there = replica.candidates(block[here:]) if replica is not None and here < len(block) \
        else None
    found = [_candidates(grouper, article_id) for article_id in block[:here]]
    if there is not None:
        found += there.get()
    offers: list[tuple[str, list[str]]] = []
    rows: list[np.ndarray] = []
    for article_id, (offered, features) in zip(block, found, strict=True):
        looked[article_id] = {*offered, grouper.story_of(article_id) or ""}
        offers.append((article_id, offered))
        rows.append(features)
    chances = grouper.judge.probabilities(np.concatenate(rows)) if rows else np.zeros(0)
    verdicts, at = [], 0
    for (article_id, offered), features in zip(offers, rows, strict=True):
        verdicts.append((article_id, offered, chances[at:at + len(features)]))
        at += len(features)
    return verdicts


def _candidates(grouper: Grouper, article_id: str) -> tuple[list[str], np.ndarray]:
    """The article's candidate stories (its own without it) and their pair features."""
    prepared = grouper.prepared_of(article_id)
    vector = prepared.vector
    own = grouper.story_of(article_id) or ""
    shared = grouper.shared_weights(vector, prepared.timestamp)
    shared.pop(own, None)
    offered = grouper.shortlist(shared, prepared.timestamp)
    states = [grouper.state(story_id) for story_id in offered]
    overlaps = [shared[story_id] for story_id in offered]
    left = _without(grouper, own, article_id)
    if left is not None and left.days_from(prepared.timestamp) <= grouper.window_days:
        offered.append(own)
        states.append(left)
        overlaps.append(sum(vector[stem] for stem in query_terms(vector)
                            if stem in left.centroid))
    kept, rows = closest_features(vector, prepared.numbers, states, overlaps, grouper.df,
                                  JUDGED)
    return [offered[i] for i in kept], rows


def _without(grouper: Grouper, story_id: str, article_id: str) -> StoryState | None:
    """The story as it would be without the article (None if it is alone there)."""
    if len(grouper.members(story_id)) > LEAVE_ONE_OUT_LIMIT:
        return grouper.state(story_id)
    rest = _others(grouper, story_id, article_id)
    return grouper.state_of(rest) if rest else None


def _others(grouper: Grouper, story_id: str, article_id: str) -> list[str]:
    """The story's articles other than this one and its reprints."""
    return [a for a in grouper.members(story_id)
            if a != article_id and grouper.original_of(a) != article_id]


def _decide(own: str, offered: list[str], chances: np.ndarray, threshold: float,
            shared_story: bool) -> str | None:
    """The story to move to ("" for a story of its own), or None to stay."""
    own_chance = _chance(own, offered, chances)
    if len(chances):
        best = int(np.argmax(chances))
        if chances[best] >= threshold:
            if offered[best] == own or chances[best] < own_chance + REVISE_MARGIN:
                return None
            return offered[best]
    if shared_story and own_chance < min(ALONE_BELOW, threshold - REVISE_MARGIN):
        return ""
    return None


def _chance(story_id: str, offered: list[str], chances: np.ndarray) -> float:
    return float(chances[offered.index(story_id)]) if story_id in offered else 0.0
