"""Linked groups: items joined pair by pair end up in one group (union-find). Grouping
links articles into stories and reprints; the analysis links quotes and versions of a
figure."""

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

    def together(self, i: int, j: int) -> bool:
        return self.root(i) == self.root(j)

    def groups(self) -> list[list[int]]:
        """Each group's items in ascending order; groups in order of their first item."""
        found: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            found.setdefault(self.root(i), []).append(i)
        return list(found.values())
