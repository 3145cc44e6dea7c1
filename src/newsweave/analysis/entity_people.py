"""Which tagged names are people's: the small English model's mistakes, mended.

It tags full names as organisations or places ("Philip Bump", "Pam Parsons"), a person's
bare surname as an organisation ("Trump" 49 times an organisation, 44 a person in one raw
dev story), and splits one person over the spellings outlets use ("Donald J. Trump",
"Donald Trump"). What the text itself says settles it: a surname written as a speaker's
("Pelosi said", "Ms. Pelosi"), a role before a name ("actress Stormy Daniels"), a list of
people only.
"""

from __future__ import annotations

import re
from collections import Counter

from newsweave.analysis.entity_groups import (
    ORG_HEADS,
    PLACE_HEADS,
    Group,
    full_person_names,
    group_type,
    name_key,
)
from newsweave.analysis.names import places
from newsweave.analysis.person_names import one_person_names


def one_person(groups: dict[str, Group]) -> dict[str, Group]:
    """``groups`` with each person's full names as outlets vary them ("Donald J. Trump",
    "Donald Trump") merged into the most mentioned one, which a surname alone may then
    name ("Trump") as it names any full name."""
    full = full_person_names(groups)
    keys, shown = list(full), list(full.values())
    merged = dict(groups)
    for indices in one_person_names(shown):
        ranked = sorted((keys[i] for i in indices),
                        key=lambda k: (-groups[k].mentions.total(), -len(k.split()), k))
        for key in ranked[1:]:
            merged[ranked[0]].absorb(merged.pop(key))
    return merged


# A bare surname the text itself writes as a person's: "Pelosi said", "Ms. Pelosi". Not
# "the House said" nor "Santé Publique France said": the word before is no name's nor "the".
_SPEAKS_AFTER = r",?\s+(?:said|says|told|tells|added|adds|asked|explained|wrote|writes)\b"
_COURTESY_BEFORE = r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+"
_DETERMINERS = frozenset("the a an this that its their his her our".split())


def named_as_person(word: str, texts: list[str]) -> bool:
    for text in texts:
        if re.search(_COURTESY_BEFORE + re.escape(word) + r"\b", text):
            return True
        for match in re.finditer(rf"(?:(\S+)\s+)?\b{re.escape(word)}{_SPEAKS_AFTER}", text):
            before = match.group(1) or ""
            if not before[:1].isupper() and before.lower() not in _DETERMINERS:
                return True
    return False


# A role written before a name: "adult film actress Stormy Daniels", "attorney Ann Vos".
_ROLE_BEFORE = (r"\b(?:actress|actor|singer|rapper|model|comedian|host|anchor|writer|author|"
                r"attorney|lawyer|judge|senator|governor|mayor|officer|agent|spokesman|"
                r"spokeswoman|spokesperson|ceo|founder|chairman|chairwoman|director|coach|"
                r"player|star|wife|husband|son|daughter|mother|father|brother|sister|"
                r"girlfriend|boyfriend|widow|victim|suspect|president) ")
_LISTED_NAME = r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}"
_LISTED = re.compile(rf"(?:{_LISTED_NAME}, )*{_LISTED_NAME},? and {_LISTED_NAME}")


def _introduced_as_person(name: str, texts: list[str], people: set[str]) -> bool:
    """Does the text give ``name`` a person's role ("actress Stormy Daniels"), or list it
    with nobody but people (``people``: full names tagged a person's; "Sean Smith, Glen
    Doherty and Tyrone Woods", "Barbara Bezant and Lyn Jeffries")?"""
    named = re.escape(name)
    for text in texts:
        if name not in text:
            continue
        if re.search(_ROLE_BEFORE + named + r"\b", text):
            return True
        for match in _LISTED.finditer(text):
            members = re.split(r",? and |, ", match.group(0))
            others = set(members) - {name}
            if name in members and others and others <= people:
                return True
    return False


def _as_person(group: Group) -> Group:
    """``group`` with every mention labelled a person's."""
    return Group(group.forms, Counter({"person": group.labels.total()}), group.mentions)


# Articles that open names of things, never of people: "El Ninos and La Ninas" lists no one.
_NAME_ARTICLES = frozenset("el la las los le les il".split())
_TITLE_CASE_NAME = re.compile(r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}")


def full_names_as_people(groups: dict[str, Group], texts: list[str]) -> dict[str, Group]:
    """``groups`` with a full name the small model tagged an organisation or a place
    ("Philip Bump", "Pam Parsons") made a person's where the text writes its last word as
    a person's ("Bump said", "Ms. Parsons"), no word of it is an organisation's or a
    place's head ("... Board", "... Road") nor a place of the story's ("in Latin America";
    "Project Venezuela": "Venezuela said" is its government)."""
    place_words = places(texts)
    people = set(full_person_names(groups).values())
    result = dict(groups)
    for key, group in groups.items():
        name = group.forms.most_common(1)[0][0]
        words = name.split()
        if (group_type(group) == "person" or not _TITLE_CASE_NAME.fullmatch(name)
                or words[0].casefold() in _DETERMINERS | _NAME_ARTICLES
                or place_words.intersection(words)
                or any(w.casefold() in ORG_HEADS or w.casefold() in PLACE_HEADS
                       for w in words)):
            continue
        if group.labels["place"] == 0 and (named_as_person(words[-1], texts)
                                           or _introduced_as_person(name, texts, people)):
            # the surname alone ("Parsons", "Mendez") is the same person's, on the same
            # evidence
            for each in (key, name_key(words[-1])):
                if each in result and result[each].labels["place"] == 0:
                    result[each] = _as_person(result[each])
    return result


def surnames_as_people(groups: dict[str, Group], texts: list[str]) -> dict[str, Group]:
    """``groups`` with a person's bare surname that the small model mostly tagged an
    organisation or a place ("Trump" 49 times an organisation and 44 a person in one raw
    dev story; "Boehner", "Pelosi", "Zyuganov") made the person's: where the tagger also
    read it as a person or the text names it as one ("Pelosi said"), and the person's
    labels, the full name's and its own, are at least half its others ("France", of
    "Santé Publique France" once tagged a person, stays a place)."""
    owners: dict[str, list[str]] = {}
    for key, name in full_person_names(groups).items():
        if name[:1].isupper():  # not the tagger's "degrees Fahrenheit"
            owners.setdefault(key.split()[-1], []).append(key)
    result = dict(groups)
    for key, group in groups.items():
        if " " in key or key not in owners or group_type(group) == "person":
            continue
        people = group.labels["person"] + sum(groups[o].labels["person"] for o in owners[key])
        others = group.labels.total() - group.labels["person"]
        named = group.labels["person"] > 0 or named_as_person(
            group.forms.most_common(1)[0][0], texts)
        if named and 2 * people >= others:
            result[key] = _as_person(group)
    return result


# A one-word "person" the small model made of a word or a heading: "Marijuana", "Lung" (the
