"""What a speaker phrase refers to: "Mr. Trump", "the president", "he" -> "Donald Trump".

A quote's attribution is a short phrase next to a speech verb. It is resolved against the
article's own introductions first and the whole story's second (one outlet may write only
"Petrakis" where another wrote "Dr Nikos Petrakis"). Pronouns take the topic of the nearest
sentence before them that names someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.analysis.names import (
    ANYONES_TITLES,
    DAYS,
    PRONOUN_GENDER,
    TITLES,
    NameIndex,
    bare,
    build_index,
    gender_of,
    name_runs,
    places,
    role_words,
)
from newsweave.summarizer.fragments import load_finite_verbs
from newsweave.text import STOPWORDS

# Words between a speaker and the verb: "Trump also said", "Mendes has repeatedly said".
_FILLER = frozenset(
    "also later then again once first repeatedly previously earlier has had have was is would "
    "will simply just".split()
)
_DEFINITE = frozenset("the his her their".split())
_HANDLE = re.compile(r"@\w{2,30}")
_ROLE_NOUNS = TITLES | frozenset("republican democrat conservative liberal".split())
_ROLE_BEFORE_NAME = (TITLES - ANYONES_TITLES) | frozenset(
    """doctor nurse teacher pilot driver farmer student mother father dad mum mom son
    daughter brother sister wife husband uncle aunt grandmother grandfather""".split())
_DESCRIPTOR = re.compile(
    r"^(?:and |but |then )?(the|his|her|their|a|an|one|another)\s+"
    r"((?:[\w’'\-.]+\s+){0,4}[\w’'\-]+)$",
    re.IGNORECASE,
)
# Unnamed speakers: their quotes stay unattributed rather than borrow a nearby name.
_GROUPS = frozenset(
    """officials authorities police prosecutors witnesses residents analysts experts sources
    they it we i you people critics observers another one others someone somebody""".split()
)
# Someone an article brings in unnamed, as a sentence's topic: "One rescue was delicate as a
# ranger in Capodacqua ... tried to keep an 80-year-old woman calm" (the "he" who speaks
# next is the ranger, whom no name before him is).
_SOMEONE = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<who>man|woman|boy|girl|ranger|"
    r"resident|official|officer|worker|witness|neighbou?r|driver|passenger|spokesman|"
    r"spokeswoman|mother|father|doctor|nurse|firefighter|rescuer|volunteer|soldier|farmer)\b")
_SOMEONE_GENDER = {"man": "m", "boy": "m", "father": "m", "spokesman": "m", "woman": "f",
                   "girl": "f", "mother": "f", "spokeswoman": "f"}
# A fronted subordinate clause: "Asked if he would run, Senator Ayers said" (he is not the topic).
_LEADING_CLAUSE = re.compile(
    r"\s*(?:asked|if|when|after|although|as|while|before|since|because|though|once|despite|"
    r"speaking|unlike|like)\b[^,.;:]*,", re.IGNORECASE)  # "Unlike Romney, Conard rejects"


@dataclass
class Phrase:
    """What a speaker phrase is: a ``name``, a ``pronoun``, a definite ``role``, or ``anon``."""

    kind: str
    value: str
    strong: bool = False  # a name with a title or two words: trusted away from the verb


def parse_phrase(chunk: str) -> Phrase | None:
    """Read a short stretch of text ending where a speech verb begins (or begins after one)."""
    words = chunk.replace("_", " ").split()
    while words and (words[-1].lower() in _FILLER
                     or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if not words:
        return None
    chunk = " ".join(words)
    if _HANDLE.fullmatch(words[-1]):  # "TOP TWEETS: @gabrielsherman: “...”"
        return Phrase("name", words[-1], strong=True)
    last = words[-1].lower()
    if last in PRONOUN_GENDER:
        return Phrase("pronoun", last)
    match = _DESCRIPTOR.match(chunk)
    if match and (match.group(2).split()[-1].islower() or bare(words[-1]) in _ROLE_NOUNS):
        kind = "role" if match.group(1).lower() in _DEFINITE else "anon"  # "the president",
        return Phrase(kind, match.group(2))  # "the Florida Republican", "a spokesman"
    # a day in the run is no one's name, nor an organisation's ("Reached Tuesday, ...")
    # ... nor a heading in capitals ("TOP TWEETS: @...: “...”")
    runs = [r for r in name_runs(chunk) if (r.is_person or (r.name and len(r.name) >= 2))
            and not any(bare(w) in DAYS for w in r.name)
            and not (len(r.name) >= 2 and all(w.isupper() for w in r.name))]
    # "Al Jazeera's Bays said": the name, not the possessive; "said Harvard China expert
    # Tony Saich": the last name in the phrase
    runs = [r for r in runs if not r.possessive] or runs
    strong = [r for r in runs if r.titled and r.name or len(r.name) >= 2]
    if strong:
        return Phrase("name", " ".join(strong[-1].name), strong=True)
    if runs and runs[-1].end == len(chunk) and len(words) <= 2:
        return Phrase("name", " ".join(runs[-1].name))
    # a role in lower case before a one-word name: "Heart doctor Gerry, 45, told
    # wellwishers: “...”" (raw dev), "his father Gerry said"
    if (runs and runs[-1].end == len(chunk) and len(runs[-1].name) == 1 and len(words) >= 2
            and words[-2].islower() and words[-2] in _ROLE_BEFORE_NAME):
        return Phrase("name", runs[-1].name[0], strong=True)
    if match:  # "the ICC urged": an organisation's name
        return Phrase("name", match.group(2))
    if last in _GROUPS or (len(words) <= 2 and words[0].lower() in ("one", "a", "an", "some")):
        return Phrase("anon", chunk)
    return None


@dataclass
class Mention:
    """Someone referred to outside quotes: a name or role resolved to a full name, or a pronoun."""

    pos: int
    end: int
    name: str | None  # None for a pronoun, "" for someone unnamed ("a ranger")
    gender: str | None
    possessive: bool = False


class StoryPeople:
    """Resolves speaker phrases in every article of one story, article first, then story-wide."""

    def __init__(self, texts: list[str], masked: list[str], bounds: list[list[int]]) -> None:
        self.places = places(texts)
        self.indexes = [build_index(t, self.places) for t in texts]
        self.story = NameIndex()
        for ix in self.indexes:
            self.story.extend(ix)
        self.masked = masked
        self.bounds = bounds
        self.mentions = [self._mentions(i) for i in range(len(texts))]

    def name(self, article: int, name: str) -> str:
        """The full name for a name as written: itself if full, else the introduced one."""
        words = name.split()
        if len(words) >= 2 and words[0] in self.places:  # "in Singapore Kim promised"
            rest = " ".join(w for w in words if w not in self.places)
            full = rest and (self.indexes[article].full_name(rest) or self.story.full_name(rest))
            return full or name  # "Colorado Pols" is a name, not Pols of Colorado
        if len(words) >= 2:
            return name
        return self.indexes[article].full_name(name) or self.story.full_name(name) or name

    def role(self, article: int, words: str) -> str | None:
        """Who holds a role ("president", "North Korean leader"), if an article says."""
        key = role_words(words.split())
        return self.indexes[article].by_role(key) or self.story.by_role(key)

    def gender(self, article: int, name: str) -> str | None:
        return gender_of(name, self.indexes[article], self.story)

    def resolve(self, article: int, phrase: Phrase, pos: int) -> str | None:
        """The full name a phrase at ``pos`` refers to, or None (anonymous, or not found)."""
        if phrase.kind == "name":
            return self.name(article, phrase.value)
        if phrase.kind == "role":
            return self.role(article, phrase.value)
        if phrase.kind == "pronoun":
            return self.antecedent(article, pos, PRONOUN_GENDER[phrase.value])
        return None

    def _mentions(self, article: int) -> list[Mention]:
        text = self.masked[article]
        found: list[Mention] = []
        for run in name_runs(text):
            if not run.is_person:
                continue
            full = self.name(article, " ".join(run.name))
            if len(full.split()) >= 2 or run.titled:  # a lone unknown capital may be anything
                found.append(Mention(run.start, run.end, full, self.gender(article, full),
                                     run.possessive))
        for match in re.finditer(r"\b[Tt]he\s+((?:[\w’'\-]+\s*){1,4})", text):
            words = match.group(1).split()
            while words and bare(words[-1]) in STOPWORDS:
                words.pop()
            for k in range(len(words), 0, -1):  # only titles: "the man" is anyone
                title = bare(words[k - 1])
                who = (title in TITLES and title not in ANYONES_TITLES
                       and self.role(article, " ".join(words[:k])))
                if who:
                    found.append(Mention(match.start(), match.end(), who,
                                         self.gender(article, who)))
                    break
        for match in _SOMEONE.finditer(text):  # "a ranger in Capodacqua ... he said": no name
            found.append(Mention(match.start(), match.end(), "",
                                 _SOMEONE_GENDER.get(match.group("who").lower())))
        for match in re.finditer(r"\b([Hh]e|[Ss]he)\b", text):
            found.append(Mention(match.start(), match.end(), None,
                                 PRONOUN_GENDER[match.group(1).lower()]))
        return sorted(found, key=lambda m: m.pos)

    def antecedent(self, article: int, pos: int, gender: str) -> str | None:
        """Who a pronoun at ``pos`` refers to: the topic of the nearest sentence that names one.

        The topic is a sentence's first person mention (news sentences open with their
        subject). A same-gender pronoun as topic passes the search to the sentence before;
        a possessive topic followed by an appositive ("Lanz's attorney, Denise Farrow") yields
        the apposed name.
        """
        bounds = self.bounds[article]
        cut = max((b for b in bounds if b < pos), default=0)
        windows = [(cut, pos)] + [
            (a, b) for a, b in reversed(list(zip(bounds, bounds[1:], strict=False))) if b <= cut
        ]
        text = self.masked[article]
        looked = 0
        for start, end in windows:
            if not text[start:end].strip(" _\n"):
                continue
            looked += 1
            if looked > 5:
                break
            lead = _LEADING_CLAUSE.match(text[start:end])
            if lead:  # "Asked if he would run, Senator Ayers said": the "he" is not the topic
                start += lead.end()
            inside = [m for m in self.mentions[article] if start <= m.pos and m.end <= end]
            inside = [m for m in inside if m.gender in (None, gender)]
            if not inside:
                continue
            first = inside[0]
            if first.name is None:
                continue  # "he" again: the sentence before says who
            if first.name == "":
                return None  # someone the article does not name: "a ranger ... he said"
            if first.possessive and len(inside) > 1 and inside[1].name and _apposed(
                    text[first.end:inside[1].pos]):
                return inside[1].name
            return first.name
        return None


def _apposed(between: str) -> bool:
    """Does the text between a possessive and the next name make that name the possessor's
    someone: "Lanz's attorney, Denise Farrow", "Laszlo's colleague Zhanpeng Jin" (with no
    comma, only where no word of it can be a verb: not "Lanz's lawyer met Farrow")?"""
    if re.fullmatch(r"(?:[’']s)?\s+(?:[\w\-]+\s+){0,2}[\w\-]+,\s+", between):
        return True
    words = re.fullmatch(r"(?:[’']s)?\s+((?:[a-z][\w\-]*\s+){1,2})", between)
    if words is None:
        return False
    verbs = load_finite_verbs()
    return not any(verbs.can_be_finite(w, first=False) for w in words.group(1).split())
