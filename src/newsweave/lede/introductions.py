"""Is the person a sentence is about introduced before it?

"Okafor said ..." or "Melquan was pronounced dead" name someone by one word; "He said"
names no one. Shown where no earlier sentence of the summary gave the full name ("Tomas
Okafor", "Melquan Brown", "Omar al-Bashir" for "Bashir") or, for a pronoun, some person
(a full name, a surname the story gives, or a role: "a police officer", "the boy"), the
reader cannot tell who is meant.

A capitalised word opening a sentence is not always a person: "Qatar has ...", "Methane
is ...", "Passengers said ...". Given the story's articles (``cast_of``), a one-word
subject counts only where the articles show it is someone's name: the last word of a
full name, or a word after a title ("Mr.", "Judge"), and never a word they also write in
lower case. Multi-News's val text is lowercased but for each sentence's first letter
("cased" is false there): names are then seen only after a title or another word in a
name's place ("kristen tavares, 23,", "said joe tavares"), and "tavares" follows another
word where it is introduced.

A quotation's speaker named after it by surname alone ('"...," Henderson said.') needs the
same introduction, and a name may put the surname first ("Chen Guangcheng ... Chen said"):
read by hand, raw dev summaries had 34 unintroduced subjects in 40, most of them these
(docs/quality.md, 2026-12-06).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.text import STOPWORDS

# ... and inside a subject that is a share of theirs: "Much of her work is with police".
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’-]*(?: [\w'’-]+){0,5}, |(?:Much|Most|Many|Some|All|Part|One|None|Each|"
    r"Both|Half|Several|Few|Two|Three) of )?(?P<pronoun>He|She|They|His|Her|Their|he|she|"
    r"they|his|her|their)\b"
)
# "who was sworn in as president", "who is the port's harbour master": a who-clause that
# gives a role introduces the person (DUC 2006: "Bagabandy, who was sworn in as Mongolia's
# new president Sunday, said ...").
_ROLE_CLAUSE = (r"(?:is|was|has been|had been|became|becomes|serves as|served as|heads|headed|"
                r"leads|led|runs|ran|chairs|chaired)\b")
# A courtesy title before a name, which says no more of who someone is ("Mr. Choi",
# "Sir Paul"): the name after it still needs its introduction.
_COURTESY_PREFIX = r"(?:(?:Mr|Mrs|Ms|Dr)\.? |(?:Sir|Dame) )?"
# A one-word name as subject: "Okafor said", "Sette, 13, was", "Melquan was pronounced",
# "Mr. Brennick said" (a courtesy title says no more of who he is), "Mr. Nauimi, who said
# he has known the incoming emir since ..., said".
# An adverb may come between ("James previously told us ..."), and a possessive is the
# person's too ("Stahl's wife filed a missing person's report").
_BARE_NAME_SUBJECT = re.compile(
    r"^" + _COURTESY_PREFIX + r"(?P<name>[A-Z][a-z][\w'’-]+)"
    r"(?:(?:, \d{1,3},|, (?:who|whose) (?!" + _ROLE_CLAUSE + r")[^,]{1,80},)? (?:\w+ly )?"
    r"(?:said|says|told|added|was|is|has|had|wrote|did|does|will|would|could|also|then|"
    r"later|died|began|called|asked|went|declined|refused|spoke|blames|claims|accuses|denies|"
    r"insists|believes|argues|admits|warns|calls|wants|hopes|thinks|knows|feels|gets|takes|"
    r"faces|remains|seems|needs|plans|tells|keeps|lives|loves|likes|leaves|explains|"
    r"continues|tries|sees)\b|['’]s (?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|girlfriend|boyfriend|fiancee?|widow|mom|dad|parents|family|rep|publicist|lawyer|"
    r"attorney|remarks|comments)\b)"
)
# A one-word name opening a sentence as its subject, whatever the verb: "Colls takes",
# "Romano too acknowledged", "Conard concludes", "Conard doesn't", "Colls and her team
# excavate"; not "Greenpeace protesters" (a plural's -s is no verb's, so present verbs are
# listed), nor "Valcourt, who was sworn in as harbour master," (the clause gives his role).
_OPENING_SURNAME = re.compile(
    r"^" + _COURTESY_PREFIX + r"(?P<name>[A-Z][a-z][\w-]+)"
    r"(?:, (?:who|whose) (?!" + _ROLE_CLAUSE + r")[^,]{1,80},)?"
    r" (?:(?:\w+ly|too|also|then|later|now|still|never|just|even|only|soon) )?"
    r"(?:[a-z]+ed|is|was|has|had|will|would|can|could|may|might|must|does|did|says|takes|"
    r"(?:does|did|is|was|has|had|wo|ca|could|would)n['’]t|concludes|argues|writes|notes|"
    r"admits|acknowledges|contends|maintains|describes|recalls|suggests|estimates|"
    r"makes|gets|goes|comes|tells|adds|wants|hopes|plans|and (?:his|her|their)|"
    r"spoke|said|told|took|made|gave|went|came|saw|found|left|won|lost|got|began|ran|wrote|"
    r"sent|kept|held|brought|thought|felt|became|met|paid|led|sold|built|bought|knew|fell)"
    r"\b")
# The speaker of a quotation, named after it: '"...," Henderson said.', "The substance of
# the letter, Heinonen said, ...", '"...," she explains.': the reader must know them too.
_SPEAKER = re.compile(
    r"(?:[,?!][\"”’']?|[\"”’']) (?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<name>[A-Z][a-z][\w'’-]+|he|she) "
    r"(?:said|says|added|adds|explained|explains|told|tells|wrote|writes|asked|recalled)\b"
    # the verb first: '"... that situation," said Rubinstein.'
    r"|[,?!][\"”’'] (?:said|says|added|asked) (?:(?:Mr|Mrs|Ms|Dr)\.? )?"
    r"(?P<inverted>[A-Z][a-z][\w'’-]+)[.,]"
)
# The verb first in lower-cased text, where only a title or the story's cast tells a name:
# '"... outrageous, " said netanyahu, who ...', '... over the years, â said mr leigh in an
# article ...' (Multi-News val spaces its quotation marks; some of its pages spell them
# "â"). Not '"...," trump said': withheld, those quotes left val summaries short of words
# that its truncated articles had nothing to fill with (docs/quality.md, 2026-12-07).
_SPEAKER_LOWER = re.compile(
    r"[,?!] ?[\"”’'â] (?:said|says|added|asked) (?:(?:mr|mrs|ms|dr)\.? (?P<titled>[a-z][\w'’-]+)"
    # not where a role follows: "said elizabeth, the girl's grandmother" introduces her
    r"|(?P<inverted>[a-z][\w'’-]+)(?:\.|,(?! (?:a|an|the|his|her|their|its) )))"
)
# A one-word speaker anywhere in an article: "Chen said", '"...," Wen says'.
_NAMED_SPEAKER = re.compile(r"\b(?P<name>[A-Z][a-z][\w'’-]+),? (?:also )?(?:said|says)\b")
# A one-word name the articles write as a person's: "Strickler and his co-founders",
# "Stahl's wife", "Sette, 13,": someone the reader must meet by full name, even where no
# article gives it.
_PERSON_MARK = re.compile(
    r"\b(?P<name>[A-Z][a-z][\w'’-]+)(?: and (?:his|her) |['’]s (?:wife|husband|son|daughter|"
    r"mother|father|brother|sister|lawyer|attorney|family|girlfriend|boyfriend) |, \d{1,3}, "
    r"|,? (?:also )?(?:said|says|added|adds) (?:he|she) )")
_NOT_NAMES = frozenset(
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
_COURTESY = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame"})
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
# Someone introduced by role: "A police officer ... She", "the boy's mother ... her";
# "they" may also be a group: "Residents ... They".
_ONE_PERSON = (r"man|woman|boy|girl|child|mother|father|mom|dad|son|daughter|wife|husband|"
               r"brother|sister|officer|president|judge|doctor|teacher|student|suspect|victim|"
               r"senator|governor|mayor|minister|official|spokesman|spokeswoman|spokesperson|"
               r"lawyer|attorney|actor|actress|singer|star|player|coach|ceo|founder|driver|"
               r"pilot|soldier|veteran|researcher|scientist")
ROLE_ONE = re.compile(rf"\b(?:{_ONE_PERSON})\b", re.IGNORECASE)
_ROLE = {
    "one": ROLE_ONE,
    "many": re.compile(
        rf"\b(?:{_ONE_PERSON}|men|women|boys|girls|children|officers|students|officials|"
        r"researchers|scientists|residents|people|passengers|friends|family|parents|"
        r"witnesses|investigators|authorities|police|prosecutors|firefighters|lawmakers|"
        r"leaders|workers|employees|fans|experts|voters)\b", re.IGNORECASE),
}
_PLURAL = frozenset({"they", "their"})
# A thing the articles bring in as new ("plunging a passenger bus and several cars into the
# water") and go on to call "the bus": a summary opening on "The bus, which was carrying 22
# passengers, ..." (or "The fish tank was ...") before anything brought the bus in leaves
# the reader asking which bus.
_DEFINITE_SUBJECT = re.compile(
    r"^The (?P<phrase>(?:[a-z][a-z-]* ){0,2}?(?P<thing>[a-z][a-z-]+))"
    r"(?:,| (?:which|that|was|were|is|are|had|has|will|would|could|came|went|did|[a-z]+ed)\b)")
_DEFINITE_WORDS = frozenset("the this that these those its his her their our".split())
THING = "the "  # what ``subject_needing_introduction`` puts before such a thing
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


def _titled_names(text: str, courtesy: bool = True) -> list[str]:
    """The names that a title names ("Mr. Karp", "judge karen s. crawford": "Karp", ...),
    lower-cased where the text is ASCII; without ``courtesy``, only those a title of role
    names ("Judge Crawford", not "Mr. Karp")."""
    matches = (_TITLED_LOWER.finditer(text.lower()) if text.isascii()
               else _TITLED.finditer(text))
    return [match.group("name") for match in matches
            if courtesy or match.group("title").lower() not in _COURTESY]


def _name_parts(word: str) -> set[str]:
    """"al-Bashir" is also "Bashir"; "O'Neill" and "France-Presse" stay whole."""
    lowered = word.lower().strip(".")
    particle = _HYPHENED_PARTICLE.match(lowered)
    return {lowered, lowered[particle.end():]} if particle else {lowered}


def _full_names(text: str) -> list[list[str]]:
    """The full names in ``text``, each as its words, less a leading stopword ("The") or
    courtesy title ("Mr. Choi" is no full name)."""
    names = []
    for match in _FULL_NAME.finditer(text):
        words = match.group(0).split()
        while words and (words[0].lower() in STOPWORDS or words[0].lower() in _NOT_NAMES
                         or words[0].lower() in _OPENERS
                         or words[0].lower().rstrip(".") in _COURTESY):
            words = words[1:]
        if len(words) >= 2:
            names.append(words)
    return names


def _words(text: str) -> list[str]:
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
    titled_parts = [{part for name in _titled_names(text) for part in _name_parts(name)}
                    for text in texts]
    full_names = [_full_names(text) for text in texts] if cased else []
    for index, text in enumerate(texts):
        surnames |= titled_parts[index]
        if cased:  # not "Make Poland ...": a first name is no common word
            surnames.update(part for words in full_names[index]
                            if words[0].lower() not in common
                            for part in _name_parts(words[-1]))
        else:
            for match in _NAMED_LOWER.finditer(text):
                first = match.group("first") or match.group("first2")
                name = match.group("name") or match.group("name2")
                possessive = match.group(0)[-2:] in ("'s", "’s")
                verb = (_VERB_FORM if possessive else _PARTICIPLE).match(first)
                if first not in STOPWORDS and name not in STOPWORDS and not verb:
                    surnames |= _name_parts(name)
    people = set().union(*titled_parts)
    if cased:  # "Chen Guangcheng" and "Chen said": a name may put the surname first
        named = {w.lower() for names in full_names for words in names for w in words}
        speakers = {m.group("name").lower() for text in texts
                    for m in _NAMED_SPEAKER.finditer(text)}
        surnames |= named & speakers
        surnames |= speakers & {m.group("name").lower() for text in texts
                                for m in _PERSON_MARK.finditer(text)}
        people |= surnames & speakers
    surnames -= STOPWORDS | _NOT_NAMES
    titled = frozenset(w.lower() for title in titles for w in _TITLE_WORD.findall(title))
    return Cast(frozenset(surnames), common, cased, frozenset(people & surnames - common),
                titled, tuple(text.lower() for text in texts))


def subject_needing_introduction(text: str, cast: Cast | None = None) -> str | None:
    """The one-word name a sentence opens on or, given the story's ``cast``, that speaks in
    it ('"...," Graves said'), "" for "he" or "she" ("they" for "they" or "their"), or
    None; with the ``cast``, a one-word name only where the story shows it is a person's
    name, and "the bus" for "The bus, which was carrying ..." where the articles bring the
    bus in as new (``Cast.brings_in``)."""
    if cast is not None and not cast.cased:  # "james previously told us ..."
        text = text[:1].upper() + text[1:]
    if (match := _BARE_NAME_SUBJECT.match(text)):
        return _person(match.group("name"), cast)
    if (pronoun := _PRONOUN_SUBJECT.match(text)):
        return "" if pronoun.group("pronoun").lower() not in _PLURAL else "they"
    if cast is not None and cast.cased and (opening := _opening_person(text, cast)):
        return opening
    if cast is not None and (thing := new_thing(text, cast)):
        return THING + thing
    # Speakers only with the story's cast: without it "..., Google said." would count too.
    if cast is not None and (speaker := _SPEAKER.search(text)):
        name = speaker.group("name") or speaker.group("inverted")
        return "" if name in ("he", "she") else _person(name, cast)
    if cast is not None and not cast.cased and (speaker := _SPEAKER_LOWER.search(text)):
        name = speaker.group("titled") or speaker.group("inverted")
        if _person(name, None) is None:  # '" said police.'
            return None
        # '" said netanyahu, who ...' where the articles write "benjamin netanyahu"
        return name if _person(name, cast) or cast.names_in_full(name) else None
    return None


# A person of the story named by surname in a possessive opening: "Fey's first book, ...";
# not "China's Foreign Ministry" (a country speaks too, so it may pass for a person's name).
_OPENING_POSSESSIVE = re.compile(
    r"^" + _COURTESY_PREFIX + r"(?P<name>[A-Z][a-z][\w-]+)['’]s (?=[a-z])")


# A short phrase setting the scene before the subject: "In the letter, ", "Under the new
# rules, ", "In addition to starring on 30 Rock, ".
_SCENE_PHRASE = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,6}, (?=[A-Z])")


def _opening_person(text: str, cast: Cast) -> str | None:
    """The story's surname a cased sentence opens on as its subject, whatever its verb
    ("Romano too acknowledged ...", "Conard concludes ..."), or in a possessive where the
    articles show it is a person's ("Fey's first book ..."), also after a phrase setting
    the scene ("In addition to starring on 30 Rock, Fey is ...")."""
    scene = _SCENE_PHRASE.match(text)
    for opening in (text, text[scene.end():]) if scene else (text,):
        if (surname := opening_surname(opening, cast)) is not None:
            return surname
        match = _OPENING_POSSESSIVE.match(opening)
        if match and match.group("name").lower() in cast.people:
            return match.group("name")
    return None


def new_thing(text: str, cast: Cast) -> str | None:
    """The thing a sentence opens on as known ("The bus, which was carrying ...") where the
    story's articles bring it in as new ("a passenger bus"), or None. Not a person's role:
    "The suspect" after "A man opened fire" is whom the reader has met."""
    thing = _DEFINITE_SUBJECT.match(text[:1].upper() + text[1:])
    if thing is None or _ROLE["many"].fullmatch(thing.group("thing")):
        return None
    # the articles' first "passenger bus", not their first "bus" of any kind
    return thing.group("thing") if cast.brings_in(thing.group("phrase")) else None


def opening_surname(text: str, cast: Cast) -> str | None:
    """The story's surname a sentence opens on, whatever its verb ("Colls and her team
    excavate ...", "Romano too acknowledged ..."): the reader should meet the full name
    first. In cased text ``subject_needing_introduction`` reads these too; in lower-cased
    text (Multi-News val) they are only moved behind their introduction, never withheld."""
    match = _OPENING_SURNAME.match(text)
    return _person(match.group("name"), cast) if match and cast.surnames else None


# What a thing named by one word is, said where the story names it: "director of the group
# Remera", "a start-up called Knightscope", "Remera, a public body which ..." (raw dev).
_KIND = (r"(?:group|organi[sz]ation|company|firm|charity|agency|registry|body|network|"
         r"association|start-?up|institute|foundation|party|union|watchdog|website|site|app|"
         r"service|platform|project|brand|chain|bank|fund|band|label|newspaper|magazine|"
         r"channel|club|team|school|university|hospital|clinic|lab|laboratory|cent(?:er|re)|"
         r"council|committee|department|ministry|outlet|retailer|maker|manufacturer)")


def opening_thing(text: str, cast: Cast) -> str | None:
    """The one-word name of something, no person of the ``cast``, that a sentence opens on
    as its subject ("Remera has said it can't go any further")."""
    match = _OPENING_SURNAME.match(text) or _BARE_NAME_SUBJECT.match(text)
    if match is None or not cast.cased:
        return None
    lowered = match.group("name").lower()
    unknown = lowered not in cast.surnames and lowered not in cast.common
    return match.group("name") if unknown and _person(lowered, None) else None


def names(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def says_what_it_is(text: str, name: str) -> bool:
    """Does ``text`` say what the thing ``name`` is ("the group Remera", "Remera, a public
    body")?"""
    named = re.escape(name)
    return re.search(rf"\b(?:the|a|an|its|their) (?:[\w-]+ ){{0,3}}?{_KIND} "
                     rf"(?:called |named |known as )?{named}\b|\b{named}, (?:a|an|the) ",
                     text) is not None


def _person(name: str, cast: Cast | None) -> str | None:
    lowered = name.lower()
    if lowered in _NOT_NAMES or lowered in STOPWORDS:
        return None
    if cast is not None and (lowered not in cast.surnames or lowered in cast.common):
        return None
    return name


def introduces(earlier: str, name: str, cast: Cast | None = None) -> bool:
    """Does ``earlier`` give ``name`` as part of a full name (or after a title or, in
    lower-cased text, another word), or for a pronoun (``name`` "", or "they") some
    person: a full name, one of the ``cast``'s surnames, or a role (for "they", a group)?"""
    if name.startswith(THING):  # "the bus": any "bus" or "buses" before
        return re.search(rf"\b{re.escape(name[len(THING):])}", earlier.lower()) is not None
    if name in ("", "they"):
        if _ROLE["many" if name else "one"].search(earlier):
            return True
        name = ""
        if cast is not None and cast.surnames and any(
                w in cast.surnames for w in _words(earlier)):
            return True
    wanted = name.lower()
    if any(name == "" or wanted in _name_parts(w) for words in _full_names(earlier)
           for w in words):
        return True
    if any(name == "" or wanted in _name_parts(titled)
           for titled in _titled_names(earlier, courtesy=name == "")):
        return True
    if cast is not None and not cast.cased and name:
        words = _words(earlier)
        return any(wanted in _name_parts(w) and k and words[k - 1] not in STOPWORDS
                   and words[k - 1] not in _COURTESY for k, w in enumerate(words))
    return False


def unintroduced(sentences: list[str], cast: Cast | None = None) -> list[int]:
    """Indices of the sentences whose subject no earlier sentence introduces (``cast``:
    ``cast_of`` the story's articles)."""
    found = []
    for k, text in enumerate(sentences):
        name = subject_needing_introduction(text, cast)
        if name is not None and not any(introduces(e, name, cast) for e in sentences[:k]):
            found.append(k)
    return found
