"""What a news lede is not, though it may stand alone in the body of a summary.

Read by hand, the ledes that missed the news on Multi-News raw dev and val
(docs/quality.md, 2026-12-06 08:35) opened on: a person by surname alone in forms the
summary's subject rule lets through ("Chen, who wants ...", "Fey's first book ...",
"Speers started ..."); the past, as a column or a feature sets its scene ("A couple years
back, conservative columnist George Will wrote ...", "Back in 2012 ..."); an explainer
("Here's how it works: ..."); a quotation whose speaker is no one the reader knows ("The
writer adds: \"Let me tell you a story ...\""); a word that carries on from the sentence
before ("Indeed, for all his talk ...", "Sadly, the tablet itself ...").
"""

from __future__ import annotations

import re

from newsweave.lede.cast import Cast
from newsweave.lede.introductions import ROLE_ONE
from newsweave.summarizer.trim import HOOK
from newsweave.text import STOPWORDS

# "Chen, who ...", "Gurlitt, 81, ...", "Fey's first book", "Speers started", "Mr. Spicer,
# ...": a one-word name opening the sentence; the cast says whether it is a person's.
_OPENING_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<name>[A-Za-z][a-z][\w-]+)"
    r"(?P<after>, (?:who\b|\d{1,3},)|['’]s\b|,| [a-z][\w'’-]*)"
)
# The past as an opening: background, not the news.
_TIME_BACK = re.compile(
    r"^(?:(?:A|An|One) (?:couple|few|number) (?:of )?(?:years|months|decades|weeks) (?:back|ago)"
    r"|(?:[\w-]+ )?(?:years|decades|months|centuries) (?:ago|back|earlier|before)\b"
    r"|Back (?:in|when|then)\b|Long (?:before|ago)\b|Once upon a time\b"
    r"|In (?:the )?(?:early |late |mid-?)?(?:19|20)\d\d(?:s)?,)",
    re.IGNORECASE,
)
# "Here's how it works:", "Here is what we know", "This is how ...", "Picture this:".
# (Not the AP's "Background on Tuesday's leadership transition in Qatar from the
# 61-year-old emir to his 33-year-old son, ...": it names the news, and leaving it out cost
# multinews-raw dev's lede score 0.21, 11.39 -> 11.18.)
_EXPLAINER = re.compile(
    r"^(?:Here(?:['’]s| is| are)\b|This is (?:how|what|why)\b|How (?:it|this) works\b"
    r"|Picture this\b|Imagine\b|Consider\b)",
    re.IGNORECASE,
)
# "The writer adds: "...", "As one commenter put it, "...": a quotation introduced by a
# speaker with no name (a capital past the first word would be one).
_UNNAMED_QUOTE = re.compile(
    r"^(?:The|A|An|One|As (?:the|a|an|one)) [a-z][\w'’ -]{0,40}?\b(?:adds|added|writes|wrote"
    r"|says|said|explains|explained|notes|noted|reads|continues|put it|puts it)[:,]\s*[\"“]"
)
# "Indeed, ...", "Sadly, ...", "In fact, ...", "Meanwhile the ...": carries on from the
# sentence before. Not "Earlier this week" or "Later today": news says when.
_CARRIES_ON = re.compile(
    r"^(?:(?:Indeed|In fact|Meanwhile|Again|Even so|That said|Of course|After all"
    r"|In other words|At the same time|For example|For instance|Likewise|Similarly"
    r"|Otherwise|Worse|Better yet|Even worse|Sadly|Unfortunately|Fortunately|Ironically"
    r"|Interestingly|Curiously|Oddly|Luckily|Predictably|Naturally|Obviously|Clearly"
    r"|Apparently|Notably|Importantly|Inevitably|Understandably|Not surprisingly"
    r"|Separately|Elsewhere|Since then|By then|Specifically|In short|In sum|In turn"
    r"|By comparison|In comparison|By contrast|In contrast|As a result|On the other hand"
    r"|Then again|Even then|Still|Instead|Yet),"
    r"|(?:Meanwhile|Indeed) "
    # "By that measure, ...", "In this case, ...", "To that end, ...": what "that" is was
    # said before
    r"|(?:By|In|At|On|To|For|Under|With|Despite|Given) (?:that|this|those|these|such) "
    r"[a-z]+(?: [a-z]+)?,"
    # "What is new is that the council ...": a hook trim.py could not cut off
    r"|" + HOOK + r"\b)"
)


# "The suspects are still on the loose, ...", "The find was presented ...", "The lawyer,
# according to ...": a bare definite description names what an earlier sentence
# introduced ("The ad, for a 1999 Corolla, appeared ..." says what it is), an age or size
# before it too ("The 2,000-year-old vessel, discovered off ...", "The 34-year-old was ...").
# Only in text that keeps its capitals: lower-cased, "the white house said" reads the same.
_BARE_DEFINITE = re.compile(
    r"^(?:(?:While|When|As|After|Although|Though|Because|If|Since|Before|Once) the"
    r"|The) (?:(?:[a-z][\w-]*|\d[\d,.]*-[\w-]+) )?[a-z][\w-]*"
    r"(?:,(?! (?:for|of|from|in|on|at|with) )| (?:is|are|was|were|has|have|had|will|would"
    r"|could|can|did|does|said|says|told|[a-z]+ed)\b)")

# "In relatively short order they uncovered human remains ...": a subject pronoun after a
# short opening phrase with no comma (the comma's case is ``stands_alone``'s).
_PHRASE_THEN_SUBJECT = re.compile(
    r"^(?:In|On|At|By|After|Before|Within|During|Over|Since|For|Then|Soon|Later)"
    r"(?: [a-z][\w'’-]*){0,5} (?:he|she|they) [a-z]")


# "... to look underground for clues to her disappearance": a pronoun whose person the
# sentence has not named before it (by a name, a role or one of the story's surnames).
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers)\b")
_CAPITALISED = re.compile(r"(?<=\S )[A-Z][a-z]")
CATAPHORA_WORDS = 3  # words after the pronoun's phrase that may name its person


def unanchored_pronoun(text: str, cast: Cast | None) -> bool:
    """Does a "he", "her" or "his" in ``text`` stand for someone the sentence has not
    named before it? (The sentence's own opening "He" is ``stands_alone``'s.) Only in
    text that keeps its capitals: lower-cased text hides the names that would say so."""
    if cast is None or not cast.cased or (match := _PERSON_PRONOUN.search(text)) is None:
        return False
    # "On her podcast last week, Lena Dunham told ...": the name may come after the
    # opening phrase the pronoun is in
    comma = text.find(",", match.end())
    after_phrase = text[comma:].split()[:CATAPHORA_WORDS + 1] if comma >= 0 else []
    before = text[:match.start()] + " " + " ".join(after_phrase)
    if _CAPITALISED.search(before) or ROLE_ONE.search(before):
        return False
    return not any(w in cast.surnames for w in before.lower().split())


def surname_opening(text: str, cast: Cast | None) -> str | None:
    """The one-word name the sentence opens on: any before ", who" or an age ("Brokaw,
    who ...": a person, and lower-cased text rarely shows whose name it is), else one the
    story's ``cast`` gives after a title or as a speaker ("Fey's first book", "Speers
    started"); None otherwise."""
    if cast is None or (match := _OPENING_NAME.match(text)) is None:
        return None
    name, after = match.group("name").lower(), match.group("after").lower()
    if name in cast.common or name in STOPWORDS or after.strip() in cast.surnames:
        return None  # "Chen Guangcheng" lower-cased is "Chen guangcheng"
    if name in cast.titled:  # the headline above the lede names them
        return None
    sure = after.startswith(", ") and (after.endswith("who") or after[2:3].isdigit())
    return match.group("name") if sure or name in cast.people else None


def not_a_lede(text: str, cast: Cast | None = None) -> bool:
    """Can the sentence stand alone and still not be the news a summary opens on?"""
    return bool(surname_opening(text, cast) or unanchored_pronoun(text, cast)
                or (cast is not None and cast.cased and _BARE_DEFINITE.match(text))
                or _PHRASE_THEN_SUBJECT.match(text)
                or _TIME_BACK.match(text)
                or _EXPLAINER.match(text) or _UNNAMED_QUOTE.match(text)
                or _CARRIES_ON.match(text))
