"""Is "Mike Pompeo" the "Michael Pompeo" of another outlet? One person's full names.

Outlets name one person in full in several ways: with or without a middle name or initial
("Donald J. Trump", "John A. Boehner", "Alexander McDowell McCook" / "Alexander M.
McCook"), by a nickname ("Matt Lesser" / "Matthew Lesser", "Ed Snowden"), by initials
("L.C. Handy" / "Levin Corbin Handy"), a nickname in quotes ("James "Derek" Lovelace"),
with or without a suffix ("Jr."). Two full names are one person's where the surnames are
the same and the given names and middle names agree: the same word, a nickname of it
(the ``nicknames`` package's hand-curated table of English given names), or its initial,
and no two suffixes differ (a "Jr." and a "Sr." are father and son).
Names of one family ("Pat Dodson", "Jerry Dodson") stay apart, and so does a chain that
would join two people through one vague name ("J. Smith" with "John" and "Jane Smith").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer

from newsweave.links import Links

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$|^[A-Z]$")
_QUOTES = "\"“”'‘’"


@dataclass(frozen=True)
class PersonName:
    """A full name's parts, case- and accent-folded; an initial is a one-letter part."""

    given: str
    middles: tuple[str, ...]
    surname: str
    suffix: str = ""  # "jr", "sr", "ii": Irving Powless Jr. is not Irving Powless Sr.


def fold(word: str) -> str:
    """Case, accents and curly apostrophes away: "Yulín" and "Yulin", "O’Neill" and
    "O'Neill" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse(name: str) -> PersonName | None:
    """The parts of a person's full name as shown ("Donald J. Trump"), or None where it is
    not one given name and a surname at least."""
    parts: list[str] = []
    for token in name.replace("-", " ").split():
        if _INITIALS.match(token):
            parts.extend(fold(letter) for letter in token if letter.isalpha())
        else:
            parts.append(fold(token.strip(_QUOTES + ".,")))
    parts = [p for p in parts if p]
    suffix = parts.pop() if parts and parts[-1] in _SUFFIXES else ""
    if len(parts) < 2:
        return None
    return PersonName(parts[0], tuple(parts[1:-1]), parts[-1], suffix)


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()  # reads the package's table once per process


def nicknames_of(given: str) -> set[str]:
    """The given names ``given`` may stand for or be shortened to ("mike": "michael")."""
    namer = _nicknamer()
    return set(namer.nicknames_of(given)) | set(namer.canonicals_of(given))


def _agree(a: str, b: str, nicknames: Callable[[str], set[str]]) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    return b in nicknames(a)


def same_person(a: PersonName, b: PersonName,
                nicknames: Callable[[str], set[str]] = nicknames_of) -> bool:
    """Do the two full names name one person? The surname the same, the given names
    agreeing, and the middle names too where both give them (one may leave them out)."""
    if a.surname != b.surname or not _agree(a.given, b.given, nicknames):
        return False
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False  # a father and his son
    if not a.middles or not b.middles:
        return True
    return len(a.middles) == len(b.middles) and all(
        _agree(x, y, nicknames) for x, y in zip(a.middles, b.middles, strict=True))


def one_person_names(names: Sequence[str],
                     nicknames: Callable[[str], set[str]] = nicknames_of) -> list[list[int]]:
    """Indices of ``names`` (full names as shown) that name one person, in groups of two
    or more: names linked through others, where every two of them agree."""
    people = {i: person for i, name in enumerate(names) if (person := parse(name)) is not None}
    by_surname: dict[str, list[int]] = {}
    for index, person in people.items():
        by_surname.setdefault(person.surname, []).append(index)

    def agree(i: int, j: int) -> bool:
        return same_person(people[i], people[j], nicknames)

    groups = []
    for indices in by_surname.values():
        for group in _linked(indices, agree):
            if len(group) > 1 and all(agree(i, j) for k, i in enumerate(group)
                                      for j in group[k + 1:]):
                groups.append(group)
    return groups


def _linked(indices: list[int], agree: Callable[[int, int], bool]) -> list[list[int]]:
    """``indices`` in groups of those linked by ``agree``, directly or through others."""
    links = Links(len(indices))
    for a, i in enumerate(indices):
        for b in range(a + 1, len(indices)):
            if agree(i, indices[b]):
                links.link(a, b)
    return [[indices[k] for k in group] for group in links.groups()]
