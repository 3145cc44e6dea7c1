"""Who a story's articles name, and how: the ``Cast`` that ``introductions.py`` reads.

A one-word subject ("Okafor said ...") counts as a person's name only where the articles
show it is one: the last word of a full name ("Tomas Okafor"), a word after a title ("Mr.
Okafor", "Judge Okafor"), or a speaker marked as a person ("Okafor and his wife", "Okafor
said he"); never a word the articles also write in lower case ("passengers"). Multi-News's
val text is lower-cased but for each sentence's first letter (``Cast.cased`` is false):
names are then seen only after a title or in a name's place ("kristen tavares, 23,",
"said joe tavares").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.text import STOPWORDS

# A one-word speaker anywhere in an article: "Chen said", '"...," Wen says'.
_NAMED_SPEAKER = re.compile(r"\b(?P<name>[A-Z][a-z][\w'’-]+),? (?:also )?(?:said|says)\b")
# A one-word name the articles write as a person's: "Strickler and his co-founders",
# "Stahl's wife", "Sette, 13,": someone the reader must meet by full name, even where no
# article gives it.
_PERSON_MARK = re.compile(
    r"\b(?P<name>[A-Z][a-z][\w'’-]+)(?: and (?:his|her) |['’]s (?:wife|husband|son|daughter|"
    r"mother|father|brother|sister|lawyer|attorney|family|girlfriend|boyfriend) |, \d{1,3}, "
    r"|,? (?:also )?(?:said|says|added|adds) (?:he|she) )")
NOT_NAMES = frozenset(
    """police officials authorities prosecutors investigators witnesses doctors experts
    residents officers firefighters researchers scientists critics analysts democrats
    republicans lawmakers parents students neighbors neighbours friends family everyone
    nobody someone something nothing everything today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday january february march april june july
    august september october november december this that there here what which detectives
    deputies troopers agents sources""".split()
)
# "al-Bashir", "van Gogh", "bin Laden": a lower-case particle inside a name.
_PARTICLE = r"(?:al|el|bin|ibn|abu|de|del|der|di|du|da|dos|la|le|van|von)"
_HYPHENED_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|ben)-")
_NAME_WORD = rf"(?:{_PARTICLE}[ -])?[A-Z][\w'’-]+"
# A name's first word ends in a full stop only as a title or an initial ("Mr.", "St."):
# "... American. Passengers said" is two sentences.
_FULL_NAME = re.compile(rf"\b[A-Z](?:[\w'’-]+|[a-z]{{0,2}}\.)(?: (?:[A-Z]\. )?{_NAME_WORD})+")
# Words that open a sentence before a name ("However Remera said"): no first names.
_OPENERS = frozenset(
    """however meanwhile moreover furthermore instead although though yet thus hence indeed
    perhaps later earlier now still even already finally eventually besides unlike despite
    including among amid beyond since unless whereas whether outside inside near toward
    towards following across""".split()
)
# The person a title names: "Mr. Karp", "judge karen s. crawford", "President Obama".
_TITLE = (r"(?:mr|mrs|ms|dr|sir|dame|sen|rep|gov|gen|lt|sgt|col|capt|det|prof|rev|president|judge|"
          r"senator|governor|mayor|officer|chancellor|minister|coach|chairman|pope|king|"
          r"queen|prince|princess|sheriff|detective|justice|sheikh|emir)")
_TITLED = re.compile(rf"\b(?P<title>{_TITLE})\.? (?:[a-z]\. )?(?P<name>[\w'’-]+)", re.IGNORECASE)
# A courtesy title says no more of who someone is than the bare surname: "Mr. Choi had been
# in contact ..." introduces nobody that "Mr. Choi was ..." can lean on.
COURTESY = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame"})
# The same on lower-cased ASCII text, where it finds the same names (lower-cased) several
# times faster: Python's re compares every character twice over when ignoring case.
_TITLED_LOWER = re.compile(_TITLED.pattern)
# Lower-cased text: a name in a name's place: "kristen tavares, 23,", "sheriff duane piper
# said", "said joe tavares", "rafael carrion, a urologist", "albert einstein's".
_NAMED_LOWER = re.compile(
    r"\b(?P<first>[a-z][\w'’-]+) (?P<name>[a-z][\w-]+)(?:, \d{1,3},|, (?:a|an|the) "
    r"|,? (?:said|says|told)\b|['’]s\b)"
    r"|\b(?:said|says) (?P<first2>[a-z][\w'’-]+) (?P<name2>[a-z][\w'’-]+)\b"
)
# Lower-cased text: a participle in a first name's place is none ("implementing turkey's",
# "watching avatar, the ..."), nor before a possessive a past ("censored google's alphago
# match"): "Google is reportedly planning ..." was withheld as a person's unintroduced
# surname. A past before an apposition may name one: "asked james, the driver of ...".
_VERB_FORM = re.compile(r"^[a-z]{3,}(?:ing|ed)$")
_PARTICIPLE = re.compile(r"^[a-z]{3,}ing$")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’]+")
_DEFINITE_WORDS = frozenset("the this that these those its his her their our".split())
_POSSESSIVE = re.compile(r"['’]s$")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )[A-Z][a-z]")
_MID_SENTENCE_WORD = re.compile(r"(?<=[\w,;)] )[A-Z][a-z][\w'’-]*")
_MID_SENTENCE_LOWER = re.compile(r"(?<=[\w,;)] )[a-z][\w'’-]+")
# Text with fewer capitals than this share of its words, past each sentence's first, is
# lower-cased (Multi-News val: about 0.1%; news as written: 5% or more).
CASED_MIN_SHARE = 0.01


@dataclass(frozen=True)
class Cast:
    """Who a story's articles name (lower case): surnames, and the words the articles write
    in lower case more often than capitalised inside a sentence ("passengers", "countries"),
    which are no one's name; ``cased``: the text keeps its capitals."""

    surnames: frozenset[str]
    common: frozenset[str]
    cased: bool
    # the surest of the surnames: given after a title ("Ms. Rhimes") or as a speaker
    # ("Chen said") as well as in a full name; no place is ("Harvard China Fund")
    people: frozenset[str] = frozenset()
    # words of the articles' titles: the headline, shown first, names them ("Trump-Kim
    # Summit Breakdown ..." before "Trump and North Korean leader Kim Jong-un abruptly cut
    # short their two-day summit ...")
    titled: frozenset[str] = frozenset()
    # the articles, lower-cased: which things they bring in as new (``brings_in``)
    articles: tuple[str, ...] = ()
    # answers already read from the articles: (question, word) -> answer
    _answers: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False,
                                                 repr=False)

    def brings_in(self, thing: str) -> bool:
        """Do most articles that name ``thing`` first bring it in as new, "a passenger bus",
        "an engagement ring", rather than as known, "the bridge", "its owner"?"""
        if ("new", thing) not in self._answers:
            new = known = 0
            for text in self.articles:
                first = re.search(rf"\b{re.escape(thing)}\b", text)
                if first is None:
                    continue
                article = _nearest_article(text[max(0, first.start() - 60):first.start()])
                new += article == "new"
                known += article == "known"
            self._answers["new", thing] = new > known
        return self._answers["new", thing]

    def names_in_full(self, word: str) -> bool:
        """Do the articles write ``word`` after another word that is no stopword, as the
        surname of a full name ("benjamin netanyahu")?"""
        if ("full", word) not in self._answers:
            self._answers["full", word] = any(
                before.isalpha() and before not in STOPWORDS and before not in _OPENERS
                for text in self.articles
                for before in re.findall(rf"(\S+) {re.escape(word)}\b", text))
        return self._answers["full", word]


def _nearest_article(before: str) -> str | None:
    """"new" where "a"/"an" comes at most three words before a noun, "known" where a
    definite word does, None where neither does (or a punctuation mark comes first)."""
    for word in reversed(before.split()[-4:]):
        if word[-1] in ",.;:!?)\"”":
            return None
        if word in ("a", "an"):
            return "new"
        if word in _DEFINITE_WORDS:
            return "known"
    return None


def titled_names(text: str, courtesy: bool = True) -> list[str]:
    """The names that a title names ("Mr. Karp", "judge karen s. crawford": "Karp", ...),
    lower-cased where the text is ASCII; without ``courtesy``, only those a title of role
    names ("Judge Crawford", not "Mr. Karp")."""
    matches = (_TITLED_LOWER.finditer(text.lower()) if text.isascii()
               else _TITLED.finditer(text))
    return [match.group("name") for match in matches
            if courtesy or match.group("title").lower() not in COURTESY]


def name_parts(word: str) -> set[str]:
    """"al-Bashir" is also "Bashir"; "O'Neill" and "France-Presse" stay whole."""
    lowered = word.lower().strip(".")
    particle = _HYPHENED_PARTICLE.match(lowered)
    return {lowered, lowered[particle.end():]} if particle else {lowered}


def full_names(text: str) -> list[list[str]]:
    """The full names in ``text``, each as its words, less a leading stopword ("The") or
    courtesy title ("Mr. Choi" is no full name)."""
    names = []
    for match in _FULL_NAME.finditer(text):
        words = match.group(0).split()
        while words and (words[0].lower() in STOPWORDS or words[0].lower() in NOT_NAMES
                         or words[0].lower() in _OPENERS
                         or words[0].lower().rstrip(".") in COURTESY):
            words = words[1:]
        if len(words) >= 2:
            names.append(words)
    return names


def plain_words(text: str) -> list[str]:
    """Lower-cased words without the punctuation around them or a possessive "'s"."""
    return [_POSSESSIVE.sub("", w.strip(".,;:'’\"“”()")) for w in text.lower().split()]


def is_cased(texts: Iterable[str]) -> bool:
    words = capitals = 0
    for text in texts:
        words += text.count(" ") + 1
        capitals += len(_MID_SENTENCE_CAPITAL.findall(text))
    return capitals >= CASED_MIN_SHARE * words


def cast_of(texts: Sequence[str], titles: Sequence[str] = ()) -> Cast:
    """What the story's articles (or sentences) ``texts`` and their ``titles`` show about
    its people's names."""
    cased = is_cased(texts)
    surnames: set[str] = set()
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    if cased:
        for text in texts:
            lower.update(_MID_SENTENCE_LOWER.findall(text))
            capitalised.update(w.lower() for w in _MID_SENTENCE_WORD.findall(text))
    common = frozenset(w for w, n in lower.items() if n > capitalised[w])
    # Each text's titled names and full names are found once: both loops below read them.
    titled_parts = [{part for name in titled_names(text) for part in name_parts(name)}
                    for text in texts]
    names_by_text = [full_names(text) for text in texts] if cased else []
    for index, text in enumerate(texts):
        surnames |= titled_parts[index]
        if cased:  # not "Make Poland ...": a first name is no common word
            surnames.update(part for words in names_by_text[index]
                            if words[0].lower() not in common
                            for part in name_parts(words[-1]))
        else:
            for match in _NAMED_LOWER.finditer(text):
                first = match.group("first") or match.group("first2")
                name = match.group("name") or match.group("name2")
                possessive = match.group(0)[-2:] in ("'s", "’s")
                verb = (_VERB_FORM if possessive else _PARTICIPLE).match(first)
                if first not in STOPWORDS and name not in STOPWORDS and not verb:
                    surnames |= name_parts(name)
    people = set().union(*titled_parts)
    if cased:  # "Chen Guangcheng" and "Chen said": a name may put the surname first
        named = {w.lower() for names in names_by_text for words in names for w in words}
        speakers = {m.group("name").lower() for text in texts
                    for m in _NAMED_SPEAKER.finditer(text)}
        surnames |= named & speakers
        surnames |= speakers & {m.group("name").lower() for text in texts
                                for m in _PERSON_MARK.finditer(text)}
        people |= surnames & speakers
    surnames -= STOPWORDS | NOT_NAMES
    titled = frozenset(w.lower() for title in titles for w in _TITLE_WORD.findall(title))
    return Cast(frozenset(surnames), common, cased, frozenset(people & surnames - common),
                titled, tuple(text.lower() for text in texts))
