"""Who is "he", who is "Okafor"? An independent count of unintroduced subjects.

``readability.py``'s "unintroduced" column asks the pipeline's own rule
(``newsweave.lede.introductions``), so newsweave passes it by construction. This count asks
spaCy's named-entity model instead (en_core_web_sm, the one ``analyze`` uses), which the
summarizer never runs: a sentence opening on "He"/"She"/"His" with no person named in an
earlier summary sentence, or on a one-word person's name ("Okafor said", "Mr. Okafor
...", or a quotation's speaker: '"...," Okafor said', '"...," she said') that no earlier
sentence gives in a full name ("Dana Okafor", either part) or after a title ("Mayor
Okafor"). The model misses names and a speaker may be named otherwise, so it is a floor,
not a census. Multi-News val lower-cases all but a
sentence's first word ("Dan brown has topped ..."): a one-word name followed by a noun or
an adjective (spaCy's tagger) is taken for the first half of a full name there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsweave import spacy_model
from newsweave.analysis.entities import NerUnavailable

PRONOUNS = frozenset({"he", "she", "his"})
# The speaker after a quotation: '"...," Henderson said.', '"...?" she asked', '..." said
# Henderson.' (Multi-News val spaces its quote marks and lower-cases the name).
_SPEAKER = re.compile(
    r"[,!?]\s?[\"”]\s+(?:(?P<who>[A-Za-z][\w'’-]+)\s+(?:said|says|added|told|asked|"
    r"explained|wrote|writes|continued|noted|recalled)\b|(?:said|says|added)\s+"
    r"(?P<after>[A-Za-z][\w'’-]+)\s?[.,])")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."})
_TITLES = _HONORIFICS | frozenset(
    "sgt lt capt det gov sen rep gen col maj officer deputy judge president mayor".split())
# A role introduces a "he" or "she" as well as a name does ("A woman in Arlington heard
# noises ... '...,' she said").
_ROLES = frozenset(
    "man woman boy girl mother father son daughter wife husband officer teacher student "
    "driver victim suspect owner spokesman spokeswoman doctor nurse lawyer judge pilot "
    "mayor governor president senator chief actor actress singer player coach "
    "teen teenager resident neighbor neighbour parent".split())


def load_tagged_ner() -> Any:
    """spaCy's pipeline with its tagger (unlike ``analyze``'s: it needs no tags)."""
    try:
        return spacy_model.load(exclude=["parser", "lemmatizer"])
    except (ImportError, OSError) as exc:
        raise NerUnavailable(f"named-entity model unavailable ({type(exc).__name__})") from None


def _first_word(doc: Any) -> Any | None:
    return next((t for t in doc if t.is_alpha), None)


def _opening_name(doc: Any) -> str | None:
    """The one-word person's name the sentence opens on, after an honorific perhaps."""
    first = _first_word(doc)
    if first is None:
        return None
    ent = _one_word_person(doc, first.i + 1 if first.lower_ in _HONORIFICS else first.i)
    if ent is None:
        return None
    after = doc[ent.end].tag_ if ent.end < len(doc) else ""
    return None if after.startswith(("NN", "JJ")) else ent.text.lower()


def _one_word_person(doc: Any, start: int) -> Any | None:
    """The entity of a person named by one word at token ``start``, if the model saw one."""
    return next((ent for ent in doc.ents
                 if ent.label_ == "PERSON" and ent.start == start and len(ent) == 1), None)


def _speaker(doc: Any) -> str | None:
    """A quotation's speaker named by one word: "he"/"she", or a person's one-word name."""
    match = _SPEAKER.search(doc.text)
    if match is None:
        return None
    group = "who" if match.group("who") else "after"
    who = match.group(group).lower()
    if who in ("he", "she"):
        return ""
    if who in _TITLES:  # '..." said Sgt. Rick Romero': named in full right there
        return None
    span = doc.char_span(match.start(group), match.end(group))
    return who if span is not None and _one_word_person(doc, span.start) else None


def _introduced(doc: Any) -> tuple[bool, set[str]]:
    """Whether the sentence names a person at all (by a name or a role), and the surnames
    it introduces: a name in full, or one after a capitalised title ("President Obama",
    "Coach Magwood")."""
    surnames: set[str] = set()
    named = any(t.lower_ in _ROLES and t.tag_.startswith("NN") for t in doc)
    first = _first_word(doc)
    sentence_start = first.i if first is not None else 0
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        named = True
        before = doc[ent.start - 1] if ent.start > 0 else None
        titled = (before is not None and before.is_title and before.i > sentence_start
                  and before.lower_ not in _HONORIFICS)
        # every part of a full name: "Chen Guangcheng" gives his surname first, and "Angela
        # said" after "Angela Shymanski" is clear
        if len(ent) >= 2 or titled:
            surnames.update(t.lower_.removesuffix("'s").removesuffix("’s") for t in ent)
    return named, surnames


def unintroduced(summary: Sequence[str], nlp: Any) -> list[int]:
    """Indices of the summary's sentences that open on a person it has not introduced."""
    found = []
    anyone_named = False
    surnames: set[str] = set()
    for k, doc in enumerate(nlp.pipe(summary)):
        first = _first_word(doc)
        name = _opening_name(doc)
        speaker = _speaker(doc)
        pronoun = first is not None and first.lower_ in PRONOUNS and first.is_title
        if pronoun or speaker == "":
            if not anyone_named:
                found.append(k)
        elif any(who is not None and who not in surnames for who in (name, speaker)):
            found.append(k)
        named, introduced = _introduced(doc)
        anyone_named |= named
        surnames |= introduced
    return found
