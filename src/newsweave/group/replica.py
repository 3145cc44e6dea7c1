"""A second process for the second look: a forked copy of the grouper that works out half
of each block's candidates.

``revise.py`` judges blocks of articles against the stories as they stand, then moves
some. Working out an article's candidates (its shared terms, shortlist and pair features)
reads the grouper and changes nothing, and is most of a round's time, while the page
worker (``pages.py``) has finished and its core is idle. So a large batch's second look
forks a copy of the grouper when it starts, which holds the same stories; each move is
sent with the copy's next block and replayed there in the same order, so the copy works
on the same stories as this process, and its candidates are those this process would
have found. The judge stays here (LightGBM's OpenMP is not fork-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import get_all_start_methods
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType

import numpy as np

from newsweave.group.grouper import Grouper

Candidates = tuple[list[str], np.ndarray]  # the stories judged, their pair features
Find = Callable[[Grouper, str], Candidates]
Move = tuple[list[str], str | None]  # Grouper.move's arguments

# Fewer articles than this to revise are done in this process: forking the grouper and
# sending each block costs more than the half it saves (``--into``'s one added article).
REPLICA_FROM = 1024

_copy: tuple[Grouper, Find] | None = None  # in the forked process: its grouper


def replica_for(grouper: Grouper, articles: int, find: Find) -> Replica | None:
    """A forked copy of ``grouper`` that runs ``find`` (None where one core, a system that
    cannot fork, or too few ``articles`` make it not worth starting)."""
    from newsweave.batch.pool import usable_cpus

    if articles < REPLICA_FROM or usable_cpus() < 2 or "fork" not in get_all_start_methods():
        return None
    return Replica(grouper, find)


class Replica:
    """The copy: ``candidates`` for its part of a block, ``moved`` for each move here."""

    def __init__(self, grouper: Grouper, find: Find) -> None:
        from newsweave.batch.pool import forked_pool

        global _copy
        _copy = (grouper, find)  # what the forked process starts from
        try:
            self._pool: Pool = forked_pool(1)
        finally:
            _copy = None
        self._moves: list[Move] = []

    def moved(self, article_ids: list[str], story_id: str | None) -> None:
        """Record a ``Grouper.move`` made here, to be replayed there before its next block."""
        self._moves.append((article_ids, story_id))

    def candidates(self, article_ids: list[str]) -> AsyncResult[list[Candidates]]:
        """Each article's candidates, worked out there on the stories as they now stand."""
        moves, self._moves = self._moves, []
        return self._pool.apply_async(_find, (moves, article_ids))

    def __enter__(self) -> Replica:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._pool.terminate()
        self._pool.join()


def _find(moves: list[Move], article_ids: list[str]) -> list[Candidates]:
    assert _copy is not None, "runs in the forked copy only"
    grouper, find = _copy
    for leaving, story_id in moves:
        grouper.move(leaving, story_id)
    return [find(grouper, article_id) for article_id in article_ids]
