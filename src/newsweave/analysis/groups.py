"""Grouping by a "these two are the same" relation, closed transitively (union-find)."""

from __future__ import annotations


class Groups:
    """Items 0..count-1, joined pair by pair into groups."""

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def _root(self, k: int) -> int:
        parent = self._parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        self._parent[self._root(b)] = self._root(a)

    def together(self, a: int, b: int) -> bool:
        return self._root(a) == self._root(b)

    def groups(self) -> list[list[int]]:
        """Each group's items in ascending order; groups in order of their first item."""
        found: dict[int, list[int]] = {}
        for k in range(len(self._parent)):
            found.setdefault(self._root(k), []).append(k)
        return list(found.values())
