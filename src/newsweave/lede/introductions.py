"""Is the person a sentence is about introduced before it?

"Okafor said ..." or "Melquan was pronounced dead" name someone by one word; "He said"
names no one. Shown where no earlier sentence of the summary gave the full name ("Tomas
Okafor", "Melquan Brown", "Omar al-Bashir" for "Bashir") or, for a pronoun, some person
(a full name, a surname the story gives, or a role: "a police officer", "the boy"), the
reader cannot tell who is meant.

A capitalised word opening a sentence is not always a person: "Qatar has ...", "Methane
is ...", "Passengers said ...". Given the story's ``Cast`` (``cast.py``: who its articles
name, and how), a one-word subject counts only where the articles show it is someone's
name. In lower-cased text (Multi-News val) "tavares" is introduced where it follows
another word in a name's place ("said joe tavares").

A quotation's speaker named after it by surname alone ('"...," Henderson said.') needs the
same introduction, and a name may put the surname first ("Chen Guangcheng ... Chen said"):
read by hand, raw dev summaries had 34 unintroduced subjects in 40, most of them these
(docs/quality.md, 2026-12-06).
"""

from __future__ import annotations

import re

from newsweave.lede.cast import (
    COURTESY,
    NOT_NAMES,
    Cast,
    full_names,
    name_parts,
    plain_words,
    titled_names,
)
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
THING = "the "  # what ``subject_needing_introduction`` puts before such a thing


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
    if lowered in NOT_NAMES or lowered in STOPWORDS:
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
                w in cast.surnames for w in plain_words(earlier)):
            return True
    wanted = name.lower()
    if any(name == "" or wanted in name_parts(w) for words in full_names(earlier)
           for w in words):
        return True
    if any(name == "" or wanted in name_parts(titled)
           for titled in titled_names(earlier, courtesy=name == "")):
        return True
    if cast is not None and not cast.cased and name:
        words = plain_words(earlier)
        return any(wanted in name_parts(w) and k and words[k - 1] not in STOPWORDS
                   and words[k - 1] not in COURTESY for k, w in enumerate(words))
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
