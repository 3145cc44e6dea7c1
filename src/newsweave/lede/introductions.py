"""Is the person a sentence is about introduced before it?

"Okafor said ..." or "Melquan was pronounced dead" name someone by one word; "He said"
names no one. Shown where no earlier sentence of the summary gave the full name ("Tomas
Okafor", "Melquan Brown") or, for a pronoun, any person's name, the reader cannot tell who
is meant.
"""

from __future__ import annotations

import re

from newsweave.text import STOPWORDS

_PRONOUN_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’-]*(?: [\w'’-]+){0,5}, )?(?:He|She|They|His|Her|Their|he|she|they|his|"
    r"her|their)\b"
)
# A one-word name as subject: "Okafor said", "Sette, 13, was", "Melquan was pronounced".
_BARE_NAME_SUBJECT = re.compile(
    r"^(?P<name>[A-Z][a-z][\w'’-]+)(?:, \d{1,3},)? (?:said|says|told|added|was|is|has|had|"
    r"wrote|did|does|will|would|could|also|then|later|died|began|called|asked|went)\b"
)
_NOT_NAMES = frozenset(
    """police officials authorities prosecutors investigators witnesses doctors experts
    residents officers firefighters researchers scientists critics analysts democrats
    republicans lawmakers parents students neighbors neighbours friends family everyone
    nobody someone something nothing everything today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday january february march april june july
    august september october november december this that there here what which""".split()
)
_FULL_NAME = re.compile(r"\b[A-Z][\w'’.-]+(?: (?:[A-Z]\. )?[A-Z][\w'’-]+)+")


def subject_needing_introduction(text: str) -> str | None:
    """The pronoun or one-word name a sentence opens on, or None."""
    if (match := _BARE_NAME_SUBJECT.match(text)):
        name = match.group("name")
        if name.lower() not in _NOT_NAMES and name.lower() not in STOPWORDS:
            return name
        return None
    return "" if _PRONOUN_SUBJECT.match(text) else None


def introduces(earlier: str, name: str) -> bool:
    """Does ``earlier`` give ``name`` as part of a full name ("" for a pronoun: any
    person's full name)?"""
    names = [m.group(0).split() for m in _FULL_NAME.finditer(earlier)]
    names = [n for n in names if n[0].lower() not in STOPWORDS and n[0].lower() not in _NOT_NAMES]
    return any(name == "" or name in n for n in names)


def unintroduced(sentences: list[str]) -> list[int]:
    """Indices of the sentences whose subject no earlier sentence introduces."""
    found = []
    for k, text in enumerate(sentences):
        name = subject_needing_introduction(text)
        if name is not None and not any(introduces(e, name) for e in sentences[:k]):
            found.append(k)
    return found
