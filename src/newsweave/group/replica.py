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
from multiprocessing import Pipe, get_all_start_methods
from multiprocessing.connection import Connection
from types import TracebackType

import numpy as np

from newsweave.group.grouper import Grouper

Candidates = tuple[list[str], np.ndarray]  # the stories judged, their pair features
Find = Callable[[Grouper, str], Candidates]
Move = tuple[list[str], str | None]  # Grouper.move's arguments

# Fewer articles than this to revise are done in this process: forking the grouper and
# sending each block costs more than the half it saves (``--into``'s one added article).
REPLICA_FROM = 1024


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
        from newsweave.batch.pool import forked_process

        self._here, there = Pipe()
        self._process = forked_process(_serve, (grouper, find, there, self._here))
        there.close()
        self._moves: list[Move] = []

    def moved(self, article_ids: list[str], story_id: str | None) -> None:
        """Record a ``Grouper.move`` made here, to be replayed there before its next block."""
        self._moves.append((article_ids, story_id))

    def candidates(self, article_ids: list[str]) -> Answer:
        """Each article's candidates, worked out there on the stories as they now stand;
        one block at a time (its answer read before the next is asked)."""
        moves, self._moves = self._moves, []
        self._here.send((moves, article_ids))
        return Answer(self._here)

    def __enter__(self) -> Replica:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._here.close()  # the copy reads the end of its pipe and returns
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


class Answer:
    """The copy's answer to one block, read when it is needed."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def get(self) -> list[Candidates]:
        found = self._connection.recv()
        if isinstance(found, BaseException):
            raise found
        return found


def _serve(grouper: Grouper, find: Find, connection: Connection, parents_end: Connection
           ) -> None:
    """In the forked copy: replay each block's moves, then work out its candidates, until
    the parent closes its end."""
    parents_end.close()  # inherited: open here, it would keep the pipe from ever ending
    while True:
        try:
            moves, article_ids = connection.recv()
        except EOFError:
            return
        try:
            for leaving, story_id in moves:
                grouper.move(leaving, story_id)
            found: list[Candidates] | BaseException = [
                find(grouper, article_id) for article_id in article_ids]
        except Exception as error:  # noqa: BLE001 - raised again in the parent
            found = error
        connection.send(found)
