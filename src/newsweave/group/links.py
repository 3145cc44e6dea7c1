"""Linked groups: articles joined pair by pair end up in one group (union-find)."""

from __future__ import annotations


class Links:
    """Disjoint sets over ``0..size-1``; ``link(i, j)`` puts i and j in one group."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]  # path halving keeps later look-ups short
            i = parent[i]
        return i

    def link(self, i: int, j: int) -> None:
        """Join j's group to i's (i's root stays the root)."""
        self._parent[self.root(j)] = self.root(i)
