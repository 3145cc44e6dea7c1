"""The people an article names: full names, the titles and roles they come with, genders.

News style introduces a person once in full with a title or role ("Fire Chief Marcus Delgado",
"North Korean leader Kim Jong-un", "Dana Whitfield, an analyst") and then uses the surname,
title or role. Regular expressions over capitalised runs find these introductions. We chose
them over spaCy NER on purpose: the titles, roles and appositives below are what resolution
needs and NER does not give, and patterns run in milliseconds where the small spaCy model
takes about a second per five articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsweave.text import STOPWORDS

# Words that introduce a name as a title or role ("Gov. Laura Mendes", "Fire Chief ...").
TITLES = frozenset(
    """mr mrs ms miss dr sen rep gov gen lt col capt sgt prof rev hon supt pres sir dame lord lady
    president senator governor mayor judge justice chief minister secretary chancellor premier
    ambassador commissioner councilman councilwoman councillor councilmember congressman
    congresswoman representative sheriff detective officer pope king queen prince princess
    speaker executive director coach ceo cfo chairman chairwoman chair leader envoy spokesman
    spokeswoman spokesperson seismologist professor attorney prosecutor inspector superintendent
    deputy vice general admiral colonel captain sergeant lieutenant assessor treasurer auditor
    comptroller controller provost dean principal administrator analyst economist lawyer host
    anchor columnist commentator correspondent strategist pollster researcher whip adviser
    advisor passenger reporter photographer resident witness""".split()
)
# Titles that, alone, are anyone: "the reporter" of one paragraph is not the reporter an
# article named paragraphs before ("... a question from David Nakamura, a Washington Post
# reporter" ... "a scrum ... was thrust at the reporter" from Voice of America).
ANYONES_TITLES = frozenset("passenger reporter photographer resident witness".split())
# Expansions so that "the governor" finds "Gov. Laura Mendes" and "the chief executive" "CEO X".
_ABBREVIATIONS = {
    "gov": ("governor",), "sen": ("senator",), "rep": ("representative",), "dr": ("doctor",),
    "ceo": ("chief", "executive"), "pres": ("president",), "gen": ("general",),
    "supt": ("superintendent",), "prof": ("professor",), "capt": ("captain",),
}
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that are organisations, places or peoples, never part of a person's name.
NOT_NAME = DAYS | frozenset(
    """house senate congress council committee department ministry agency institute university
    college school center centre court office party news post times press radio channel network
    systems capital holdings partners logistics group inc corp company co bank fund tower hotel
    street avenue road bridge port city county state states united nations north south east west
    korea korean america american americans washington vietnam vietnamese greek greece island
    hurricane storm white federal national international geodynamic europe european union new
    los las san santa hong kong electric weather service republican democrat democratic
    republicans democrats police fire army navy air force hospital clinic museum zoo airport
    station stadium library church cathedral prison hall january february september october
    november december bureau division
    commission association foundation authority board administration beach lake river valley
    mountain mountains bay springs falls heights hills harbor harbour coast creek canyon
    intelligence""".split()
)
# Capitalised only because they open a sentence or clause.
_COMMON = STOPWORDS | DAYS | frozenset(
    """asked speaking earlier later instead meanwhile however although though despite even yet
    unlike still since until because among every another several many most maybe perhaps yes
    please indeed now here there today tonight january february march april june july august
    september october november december""".split()
)
_ABBREV_DOT = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt prof rev st jr sr hon supt".split()
)
_LEADING = TITLES | NOT_NAME | _COMMON  # words a name's run may open with that are not it
_PARTICLES = frozenset("de van von der bin al da di la du del".split())
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-])*\.?")  # letters of any script: "Małgorzata"
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")  # "Trump's", "Sadie Riggs'"
_INITIAL = re.compile(r"[A-Z]\.")
GENDER_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
PRONOUN_GENDER = {"he": "m", "she": "f"}


@dataclass
class Run:
    """A run of capitalised words: ``titles`` then ``name`` ("Fire Chief" + "Marcus Delgado")."""

    start: int
    end: int
    titles: list[str]
    name: list[str]
    possessive: bool

    @property
    def titled(self) -> bool:
        """Introduced by a real title ("Gov.", "President"), not just a capitalised "The"."""
        return any(t in TITLES for t in self.titles)

    @property
    def is_person(self) -> bool:
        return any(len(w.rstrip(".")) > 1 for w in self.name) and not any(
            bare(w) in NOT_NAME for w in self.name
        )


@lru_cache(maxsize=65536)  # a story's words repeat: "Gov." is looked up once
def bare(word: str) -> str:
    """A word as a title lookup sees it: "Gov." -> "gov", "Governor-elect" -> "governor"."""
    word = _POSSESSIVE.sub("", word).rstrip(".").lower()
    parts = word.split("-")
    return next((p for p in parts if p in TITLES), word) if len(parts) > 1 else word


def name_runs(text: str, base: int = 0) -> list[Run]:
    """Every run of capitalised words in ``text``, split into leading titles and the name."""
    runs: list[Run] = []
    words: list[re.Match[str]] = []

    def flush() -> None:
        while words and words[-1].group()[0].islower():  # a run never ends on a particle
            words.pop()
        if words:
            tokens = [w.group() for w in words]
            possessive = bool(_POSSESSIVE.search(tokens[-1]))
            cut = 0  # strip leading titles, organisation words and sentence-initial words
            for tok in tokens:
                if bare(tok) not in _LEADING:
                    break
                cut += 1
            last = max((k for k, t in enumerate(tokens) if bare(t) in TITLES), default=-1)
            cut = max(cut, last + 1)
            name = tokens[cut:]
            if name:  # "Trump’s" -> "Trump"; "Trump." at a sentence end -> "Trump"
                name[-1] = _POSSESSIVE.sub("", name[-1])
                name[-1] = name[-1][:-1] if len(name[-1]) > 2 and name[-1][-1] == "." else name[-1]
            start = base + words[0].start()
            if (not cut and len(name) >= 2 and _INITIAL.fullmatch(name[0]) and runs
                    and runs[-1].end == start and not runs[-1].titles
                    and all(_INITIAL.fullmatch(t) for t in runs[-1].name)):
                # "H.R. McMaster": the first initial ends a run of its own ("H." then "R.
                # McMaster"); a lone "U.S." or "D.C." before other words stays no name
                earlier = runs.pop()
                start, name[0] = earlier.start, "".join(earlier.name) + name[0]
            runs.append(Run(start, base + words[-1].end(),
                            [bare(t) for t in tokens[:cut]], name, possessive))
        words.clear()

    for match in _WORD.finditer(text):
        tok = match.group()
        joined = bool(words) and text[words[-1].end():match.start()] == " "
        ends_prev = bool(words) and (
            (words[-1].group().endswith(".") and bare(words[-1].group()) not in _ABBREV_DOT
             and len(bare(words[-1].group())) > 1) or bool(_POSSESSIVE.search(words[-1].group())))
        if tok[0].isupper() or (tok in _PARTICLES and words):
            if words and (not joined or ends_prev):
                flush()
            words.append(match)
        else:
            flush()
    flush()
    return runs


def role_words(words: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        b = bare(w)
        out.update(_ABBREVIATIONS.get(b, (b,)))
    return frozenset(out - {"the", "a", "an", "his", "her", "their", "its", ""})


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")
_APPOS_AFTER = re.compile(  # "Dana Whitfield, an analyst at ..."
    r"^,\s+(?:the|a|an)\s+((?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)"
    r"(?=,|\.|\s+(?:at|of|for|who|in|from|with)\b)"
)
# "the chief executive, Priya Raman," and "Lanz's attorney, Denise Farrow,"
_APPOS_BEFORE = re.compile(
    r"(?:\b[Tt]he|\b[Hh]is|\b[Hh]er|\b[Tt]heir|[A-Z][\w\-]*[’']s)\s+"
    r"((?:[\w’'\-]+\s+){0,3}[\w’'\-]+),\s+$"
)


def _words_before(text: str, pos: int) -> list[str]:
    """Role words just before a name: "North Korean leader", "US president", "Seismologist"."""
    words: list[str] = []
    window = text[max(0, pos - 60):pos]
    for match in reversed(list(re.finditer(r"\S+", window))[-3:]):
        tok = match.group()
        word = bare(tok)
        abbreviation = tok.endswith(".") and (word in _ABBREV_DOT or len(word) == 1)
        if not re.fullmatch(r"[A-Za-z][\w’'\-.]*", tok) or (tok.endswith(".") and not abbreviation):
            break
        opens = _SENTENCE_START.search(text[:max(0, pos - 60) + match.start()]) is not None
        if word in _COMMON or (tok[0].isupper() and not tok.isupper() and word not in TITLES
                               and word not in NOT_NAME and not abbreviation and not opens):
            break
        words.insert(0, tok)
        if opens:  # "Plant manager Dennis Roper": a capital that only opens the sentence
            break
    return words


@dataclass
class NameIndex:
    """The people one article (or a whole story) names: full names, roles, genders.

    Lookups go through dictionaries built as names and roles arrive, so resolving every
    mention of a story of n articles costs O(mentions), not O(mentions × names).
    """

    full_names: list[str] = field(default_factory=list)
    # Role words, the full name they introduce, and where in the text that introduction is.
    roles: list[tuple[frozenset[str], str, int]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    # first-introduced full name by its last word, and by its first word; role answers
    _known: set[str] = field(default_factory=set, repr=False)
    _by_last: dict[str, str] = field(default_factory=dict, repr=False)
    _by_first: dict[str, str] = field(default_factory=dict, repr=False)
    _role_cache: dict[frozenset[str], str | None] = field(default_factory=dict, repr=False)
    _roles_with: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def add_name(self, name: str) -> None:
        if name in self._known:
            return
        self._known.add(name)
        self.full_names.append(name)
        words = name.split()
        self._by_last.setdefault(words[-1], name)
        self._by_first.setdefault(words[0], name)

    def add_role(self, words: frozenset[str], name: str, pos: int) -> None:
        for word in words:
            self._roles_with.setdefault(word, []).append(len(self.roles))
        self.roles.append((words, name, pos))
        self._role_cache.clear()

    def extend(self, other: NameIndex) -> None:
        for name in other.full_names:
            self.add_name(name)
        for role in other.roles:
            self.add_role(*role)
        for key, value in other.genders.items():
            self.genders.setdefault(key, value)

    def full_name(self, surname: str) -> str | None:
        """The first-introduced full name ending in ``surname`` (or, for Korean, Chinese or
        Vietnamese order, starting with it: "Mr. Kim" is "Kim Jong-un")."""
        return self._by_last.get(surname) or self._by_first.get(surname)

    def by_role(self, words: frozenset[str]) -> str | None:
        """The person first introduced with every one of these role words ("the president")."""
        if not words:
            return None
        if words not in self._role_cache:  # scan only the roles holding its rarest word
            rarest = min((self._roles_with.get(w, []) for w in words), key=len)
            self._role_cache[words] = next(
                (self.roles[k][1] for k in rarest if words <= self.roles[k][0]), None)
        return self._role_cache[words]


# "Pompano Beach resident Benjamin Miller", "the Marche province of Ascoli Piceno": the first
# word of a place's name before a word that says so, or after one.
_PLACE_BEFORE = re.compile(r"\b([A-Z][\w\-]*)(?:\s[A-Z][\w\-]*)*\s(?:residents?|natives?)\b")
_PLACE_AFTER = re.compile(r"\b(?:province|state|county|city|town|village|region|district)\s+of\s+"
                          r"(?:the\s+)?([A-Z][\w\-]*)\b(?![’'])")


def places(texts: list[str]) -> frozenset[str]:
    """Capitalised words used as places somewhere in the story ("in Singapore", "near Chora",
    "Pompano Beach resident", "the province of Ascoli Piceno"), so that "in Singapore Kim
    promised" does not make a person called "Singapore Kim"."""
    found: set[str] = set()
    for text in texts:
        for match in re.finditer(r"\b(?:in|near)\s+(?:the\s+)?([A-Z][\w\-]*)\b(?![’'])", text):
            found.add(match.group(1))
        found.update(m.group(1) for m in _PLACE_BEFORE.finditer(text))
        found.update(m.group(1) for m in _PLACE_AFTER.finditer(text))
    return frozenset(found)


def build_index(text: str, place_words: frozenset[str] = frozenset()) -> NameIndex:
    """The people named in ``text``; ``place_words`` never start a name."""
    index = NameIndex()
    runs = name_runs(text)
    for run in runs:
        while len(run.name) > 1 and run.name[0] in place_words:
            run.name.pop(0)
    for run in runs:
        if run.is_person and len(run.name) >= 2:
            index.add_name(" ".join(run.name))
    for run in runs:
        if not run.is_person:
            continue
        known = " ".join(run.name) if len(run.name) >= 2 else index.full_name(run.name[0])
        if known is None:
            continue
        full = known
        for title in run.titles:
            if title in GENDER_TITLES:
                index.genders.setdefault(full, GENDER_TITLES[title])
        role = [t for t in run.titles if t not in _COMMON] + _words_before(text, run.start)
        after = _APPOS_AFTER.search(text[run.end:run.end + 80])
        if after:  # "Dana Whitfield, an analyst at ..."
            role += after.group(1).split()
        appos = _APPOS_BEFORE.search(text[max(0, run.start - 60):run.start])
        if appos:  # "the chief executive, Priya Raman,"
            role += appos.group(1).split()
        words = role_words(role)
        if words:
            index.add_role(words, full, run.start)
    return index


def gender_of(name: str, *indexes: NameIndex) -> str | None:
    return next((ix.genders[name] for ix in indexes if name in ix.genders), None)

