"""The lede's core clause: a headline for a story without titles, in the lede's words.

The lede without its attribution ("..., police said", or ", Det. Joe Harris told NBC
News, ..." inside it); if long, without its asides ("(who's accused of ...)", ", a
celebrated hacker who ...,") and a fronted phrase ("In the annals of crowdfunding
history, ..."); then cut where a clause ends, or where a phrase begins ("... will be
debated by the city commission | at a special meeting Tuesday night"), keeping its verb,
so that it stays a headline's length. Where the words after that cut suggest that the
clause wanted them ("... acknowledged on Friday | that ...", "... would like | to delay
..."), spaCy's parse (the model `cut_short` loads) says whether it did, and if so a cut
it finds whole is taken instead. The parse is asked too where the clause kept may have
no verb of its own (only a participle: "A Calgary mother convicted in her son's death |
after ...") or leaves one it opened without its verb ("... allege that a nurse-midwife at
Blanchfield Hospital | at Fort Campbell ...", "... bragging: On President Trump's way to
the summit | , he is ..."). Where no cut brings a long clause to a headline's length, or
the parse finds every one hanging, its subordinate parts are left out by the parse
(``compress.py``: "A man who was freed on ... was put back behind bars ..." becomes "A man
was put back behind bars ..."); failing that, the first cut the parse finds whole is
taken up to ``LONGEST_WHOLE`` words: a long headline reads better than one left hanging.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from newsweave.lede.compress import without_subordinates
from newsweave.summarizer.cut_short import ends_a_clause, load_parser
from newsweave.text import balanced_quotes

MAX_WORDS = 14
MIN_WORDS = 3
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the |a |an )?[\w.'’ -]{1,40}?\s+)?(?:said|says|reported|reports|told [\w ]{1,30}|"
    r"announced|according to [^,]{1,60})\s*[.!]?$|,\s+according to [^,]{1,80}[.!]?$"
)
# (", selecting a seasoned lawyer who ...", ", saying ...": a participle's clause after a comma)
_LATER_CLAUSE = re.compile(r",\s+(?:who|which|where|as|after|while|when|but|and|with|[a-z]+ing)\s"
                           r"|\s(?:that|when|after|in what|while|because)\s|\s[–—]\s|[;:]\s")
# "..., nearly six months | after it ignited", "... and hours | after ...": a span of time
# measured from what a cut took away is a stub
_SPAN_STUB = re.compile(
    r"(?:(?P<mark>,\s*[\"”’]?)|\s+and)\s+"
    r"(?:(?:just|nearly|about|almost|only|some|barely|more than|less than|over|within)\s+)?"
    r"(?:[\w-]+\s+)?(?:seconds|minutes|hours|days|weeks|months|years|decades)$")
_SUBJECT_GOES_ON = re.compile(r",\s+and\s")
# ... and a participle after the subject is no clause's end: "Sundar Pichai, speaking at a
# coding event, emphasized ..."
_PARTICIPLE = re.compile(r",\s+[a-z]+ing\s")
# "The suspects are still on the loose, Det. Joe Harris ... told NBC News Friday, a week
# after ...": the news is before the speaker.
# (the quotation a comma closes keeps its mark: '... both “stunning and not surprising,”
# the next leader of Senate Democrats said')
_MID_ATTRIBUTION = re.compile(
    r",(?P<quote>[\"”’]?)\s+(?:[^,]{1,120}?\s)?(?:said|says|say|told|according to|revealed|"
    r"announced|confirmed)\b")
# Where a long clause can still end: before a phrase of place, time or topic; failing
# that, before an aside, a "to"/"by" phrase or a comma.
_PHRASE = re.compile(r"\s(?:at|on|in|about|for|with|from|during|over|amid|near|into)\s")
_LAST_RESORT = re.compile(r"\s(?:by|to|and|as|using|than)\s|\s\(|,\s")
_WORD_GAP = re.compile(r"\s(?=\w)")
# What, after a cut, most often leaves its clause wanting ("... acknowledged on Friday |
# that ...", "... would like | to delay ...", a list's "and", a colon or a dash): only
# there is spaCy's parse asked whether the clause is whole (a parse takes about 6 ms; in
# 885 Multi-News ledes these words follow a third of the cuts and most that it mends).
_MAY_WANT = re.compile(r"\s*(?:[:;—–]|,?\s*(?:that|and|to|than|with|over|where|while|because|"
                       r"using|whether|if)\b)", re.IGNORECASE)
# Asides a headline does without: "(who's accused of ...)", ", most of them taking up
# romantic themes,", ", a celebrated computer hacker who ...,". A comma-bounded one is an
# aside only where a verb follows it ("..., died in San Francisco"), not a list ("...
# nemtsov, an attempt to destabilize the state, islamic extremism, ...") or "including".
_BRACKETED = re.compile(r"\s*\([^()]{1,200}\)")
_ASIDE = re.compile(
    r",\s+(?P<opening>who|whom|whose|which|most of|many of|some of|one of|all of|both of|"
    r"a|an|the|[a-z]+ed)\s(?P<body>[^,;:]{1,200}?),\s+(?P<next>[^,;:]*)")
_RELATIVE_WORDS = frozenset(("who", "whom", "whose", "which", "that", "that's", "who's"))
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_NOUN_PHRASE_NEXT = re.compile(r"(?:a|an|the|and)\s")
_LIST_GOES_ON = re.compile(r"^(?:including|and|or|but|as well as|such as)\b")
# "In the annals of crowdfunding history, ...", "On Monday, ...": a fronted phrase of time,
# place or circumstance; the headline starts at the subject.
_FRONTED = re.compile(
    r"^(?:in|on|at|after|since|during|following|amid|despite|as|when|while|with|for|from|"
    r"over|under|last|this|earlier|late|early|before|until|by)\s[^,;:]{1,100}(?:,\s\d{4})?,\s+"
    # "Weeks into their standoff at the refuge, ...", "Two decades after the ship sank, ..."
    r"|^(?:[\w-]+\s)?(?:seconds|minutes|hours|days|weeks|months|years|decades)\s"
    r"(?:into|after|before|since)\s[^,;:]{1,100},\s+"
    # a fronted clause may run longer and hold dashes: "While the businesses that profit
    # from that innovation — like seed companies — have made their owners rich, ..."
    r"|^(?:while|although|though|whereas|even though|even as)\s[^,;:]{1,160},\s+"
    # "According to a report by Army Times, ...", "Opening the window just a little further
    # into his secret war on terrorists, President Obama ..."
    # (not a title: "Acting President Vladimir Putin dominated ..., promising ...")
    r"|^(?:according to|(?!(?-i:Acting [A-Z]))[a-z]+ing)\s[^,;:]{1,100},\s+",
    re.IGNORECASE)
# A cut after one of these leaves the clause hanging: "... he is surprised by what's",
# "... the tapered 310m glass tower next".
_DANGLING = frozenset(
    "a an the to of and or but by as than that which who what what's whose is are was were "
    "be been being has have had will would can could should may might must not his her "
    "their its our my your next according due prior close such rather other came went "
    # a journey cut off before where it goes: "... he is coming | to Poland first"
    "going coming heading headed travelling traveling flying bound twice".split())
# A cut after a verb that takes an infinitive leaves it hanging: "the US decision to sell
# arms to Taiwan threatens | to undermine US-Chinese relations".
_WANTS_INFINITIVE = re.compile(
    r"^(?:threaten|plan|want|aim|hope|expect|tr(?:y|ie)|vow|seek|agree|refuse|decide|fail|"
    r"promise|need|intend|attempt|prepare|vote|choose|manage|pledge|offer|seem|appear|"
    r"continue|struggle|rush|scramble|move|hesitate|wish|ask|urge|order|allow|force)"
    r"(?:s|es|ed|d|ing|ned|ning)?$|^sought$")
# A cut that leaves a verb of saying or showing among its last words has cut off what was
# said: "James Clapper said on Sunday | that ...", "researchers ... have now demonstrated |
# that ...", "The family ... says in her obituary | that ...".
_SAID_AT_END = re.compile(
    r"\b(?:said|says|say|told|tells|announced|reported|reports|demonstrated|demonstrate|"
    r"show|shows|showed|believe|believes|revealed|reveals|suggest|suggests|warned|warns|"
    r"claimed|claims|confirmed|added|explained|acknowledged|admitted|allege|alleges|alleged|"
    r"argue|argues|argued|insisted|noted)(?:\s+\S+){0,3}$", re.IGNORECASE)
# A clause cut must keep a verb: "A wonky beast about the size of a labrador retriever
# with a long neck" is not the news that it "may be the world's earliest known dinosaur".
# A list, not the tagger: it is asked of every place a cut is weighed, the parse (about
# 6 ms) only of the cut made, and only where _MAY_WANT says so. A verb the list misses
# stops a cut, which only leaves the headline long.
_VERBS = frozenset(
    "is are was were has have had will would can could may might must shall should do does "
    "did says said found made took gave told won lost hit set put kept held led fell rose ran "
    "saw got sent built began became brought bought caught thought felt paid sold spent "
    "stood struck wrote broke chose drove flew grew knew shot shut spoke stole threw left "
    "came went met quit sank swept shows finds reveals suggests warns urges aims remains "
    "seems becomes argues expects faces wants tells asks adds gets takes gives makes comes "
    "goes died dies used allege alleges didn't doesn't don't won't can't isn't wasn't aren't "
    "weren't hasn't haven't hadn't wouldn't couldn't".split())
# "The team found that although even five portions a day reduced disease risk, | the
# greatest benefit came from ...": a clause that opens before its main clause is left
# hanging by a cut before the comma that closes it.
_OPENS_BEFORE_MAIN = re.compile(
    r"\bthat\s+(?:although|though|while|whereas|if|unless|because|when|once|even though|"
    r"even if)\b", re.IGNORECASE)
_OPENS_CLAUSE = re.compile(_SAID_AT_END.pattern.removesuffix(r"(?:\s+\S+){0,3}$")
                           + r"(?:\s+\S+){0,3}?\s+that\s|:\s", re.IGNORECASE)
_PREPOSITIONS = frozenset("of from in on at with for into about by to over under".split())
LONGEST = MAX_WORDS + 6
# ... and where the parse finds every cut up to LONGEST hanging, a whole clause up to this,
# not cut before "of" ("... the expansion | of networks", "at the end | of the year")
LONGEST_WHOLE = LONGEST + 8
_OF_NEXT = re.compile(r"of\b", re.IGNORECASE)
SHORTEST = MIN_WORDS + 3


def _words_before(text: str, at: int) -> int:
    return len(text[:at].split())


def _ends_whole(kept: str, hanging: frozenset[str]) -> bool:
    """Does a cut that keeps ``kept`` leave nothing hanging: no last word of ``hanging``,
    no verb of saying without what was said, no quotation and no clause that needs its
    main clause left open?"""
    last = _last_word(kept)
    if (last in hanging or _WANTS_INFINITIVE.match(last) or _SAID_AT_END.search(kept)
            or not balanced_quotes(kept)):
        return False
    opened = [m.end() for m in _OPENS_BEFORE_MAIN.finditer(kept)]
    return not opened or "," in kept[opened[-1]:]


def _opens_without_verb(kept: str) -> bool:
    """A clause opened by "that" after a verb of saying or showing, or by a colon, that the
    cut leaves without its verb: "Amy Herbst and her husband allege that a nurse-midwife at
    Blanchfield Army Community Hospital", "Polish officials are bragging: On President
    Trump's way to the Group of 20 summit this week"."""
    opened = [m.end() for m in _OPENS_CLAUSE.finditer(kept)]
    return bool(opened) and not _has_verb(kept[opened[-1]:])


def _is_aside(found: re.Match[str]) -> bool:
    after = found["next"]
    if (not _has_verb(after, from_word=0) or _LIST_GOES_ON.match(after)
            or not balanced_quotes(found[0])):
        return False
    if found["opening"] in ("a", "an", "the"):
        if _NOUN_PHRASE_NEXT.match(after):
            return False  # a list: "a nail gun, an electric knife, a jerry-rigged defibrillator"
        # ", a pair of employees allegedly laughed at, ..." is a clause, not a noun
        # phrase ("a celebrated hacker who ..." is one: an -ed word first is an adjective)
        head = _RELATIVE.split(found["body"], maxsplit=1)[0]
        return not _has_verb(head)
    return True


def _without_asides(text: str) -> str:
    text = _BRACKETED.sub("", text).strip()
    fronted = _FRONTED.match(text)
    # not where the subject is no nearer: "With a couple of clears of the throat, literal
    # and metaphorical, the series arrives ..."
    if (fronted and balanced_quotes(fronted[0]) and len(text[fronted.end():].split()) >= SHORTEST
            and "," not in " ".join(text[fronted.end():].split()[:4])):
        rest = text[fronted.end():]
        text = rest[:1].upper() + rest[1:]
    found = next((m for m in _ASIDE.finditer(text) if _is_aside(m)), None)
    if found:
        text = text[:found.start()] + " " + text[found.start("next"):]
    return " ".join(text.split())


def lede_clause(lede: str) -> str:
    """The lede's core clause: its attribution cut off, and a long sentence cut where a
    clause or, failing that, a phrase ends, never mid-phrase. Where spaCy's parse says the
    rules' cut leaves no whole clause ("President Obama publicly acknowledged for the first
    time on Friday | that ..."), the cut the rules make among the places it finds whole
    (failing those, before any word it finds whole), if that is a headline's length."""
    text = _ATTRIBUTION.sub("", " ".join(lede.split())).rstrip(" .!")
    # (not where nothing before it has a verb: "Kellogg Co., citing the deterioration of
    # the country, said Tuesday it was closing ..." says who did what after the comma)
    speaker = next((m.end("quote") for m in _MID_ATTRIBUTION.finditer(text)
                    if _words_before(text, m.start()) >= SHORTEST
                    and _has_verb(text[:m.start()])), None)
    if speaker is not None:
        text = text[:speaker]
    if len(text.split()) > MAX_WORDS:
        text = _without_asides(text)
    if len(text.split()) <= LONGEST:
        return _tidy_end(text)
    cut = _cut(text, None)
    # (and where its only verb may be a participle: "A Calgary mother convicted in her
    # son's death | after failing to ..." has none of its own)
    unsure = (_MAY_WANT.match(text, len(cut)) or _verb_unsure(cut, text[len(cut):])
              or _opens_without_verb(cut))
    parser = load_parser() if unsure or len(cut.split()) > LONGEST else None
    if parser is None:
        return _tidy_end(cut)
    parse = lru_cache(maxsize=2)(parser)  # a text is parsed once: a parse takes ~5 ms
    whole = _clause_test(parse(text)) if unsure else None
    if whole is not None and not whole(len(cut)):
        parsed = _cut(text, whole)  # every cut it made, the parse found whole
        if len(parsed.split()) <= LONGEST:
            cut = parsed
        else:
            # a hanging headline is worse than a long one: "Amy Herbst and her husband
            # allege that a nurse-midwife at Blanchfield Army Community Hospital | at ..."
            cut = (without_subordinates(parse(text), MAX_WORDS, LONGEST)
                   or _first_whole(text, whole) or cut)
    if len(cut.split()) > LONGEST:
        cut = without_subordinates(parse(cut), MAX_WORDS, LONGEST) or cut
    return _tidy_end(cut)


def _cut(text: str, whole: Callable[[int], bool] | None) -> str:
    """``text`` cut to a headline's length by the rules; with ``whole``, only where it
    says a clause is whole."""
    # ("... profit from | that innovation": there "that" is no clause's start)
    # (", and" keeps the clause's verb: not "The deaths last month of Barry Sherman, the
    # billionaire founder of Apotex Inc. | , and his wife are being investigated ...")
    verb_known = _has_verb(text)
    cut = next((m.start() for m in _LATER_CLAUSE.finditer(text)
                if _words_before(text, m.start()) >= SHORTEST
                and _ends_whole(text[:m.start()], _PREPOSITIONS)
                and not (verb_known and (_SUBJECT_GOES_ON.match(m.group(0))
                                         or _PARTICIPLE.match(m.group(0)))
                         and not _has_verb(text[:m.start()]))
                and (whole is None or whole(m.start()))), None)
    if cut is not None:
        text = text[:cut]
    # (with the parse, failing those, before any word where it says the clause is whole)
    for boundary in (_PHRASE, _LAST_RESORT) + ((_WORD_GAP,) if whole else ()):
        if len(text.split()) > LONGEST:
            # A cut keeps the verb and, up to a headline's length, half the clause: "A man
            # who was beaten unconscious" is not the news of a 22-word lede.
            shortest = max(SHORTEST, min(len(text.split()) // 2, MAX_WORDS))
            # where no verb is known ("Gaia aims to ..."), half the clause must do
            verb_known = _has_verb(text)
            ends = [m.start() for m in boundary.finditer(text)
                    if shortest <= _words_before(text, m.start()) <= LONGEST
                    and _ends_whole(text[:m.start()], _DANGLING)
                    and (_has_verb(text[:m.start()]) if verb_known
                         else _words_before(text, m.start()) >= len(text.split()) // 2)
                    and (whole is None or whole(m.start()))]
            if ends:
                text = text[:ends[-1]]
    return text


def _first_whole(text: str, whole: Callable[[int], bool]) -> str | None:
    """``text`` cut at the first word gap, from half the clause on, where the parse finds
    a whole clause and the rules nothing hanging, up to ``LONGEST_WHOLE`` words."""
    shortest = max(SHORTEST, min(len(text.split()) // 2, MAX_WORDS))
    return next((text[:m.start()] for m in _WORD_GAP.finditer(text)
                 if shortest <= _words_before(text, m.start()) <= LONGEST_WHOLE
                 and not _OF_NEXT.match(text, m.end())
                 and _ends_whole(text[:m.start()], _DANGLING) and whole(m.start())), None)


def _clause_test(doc: Any) -> Callable[[int], bool] | None:
    """Whether the parsed text up to a character offset is a whole clause
    (``ends_a_clause``); None where the parse has no one clause to judge by."""
    if sum(t.dep_ == "ROOT" for t in doc) != 1:
        return None  # two sentences to the parse ("... on the surface: It's clear who ..."): no say
    return lambda end: ends_a_clause(doc, next((t.i for t in doc if t.idx >= end), len(doc)))


def _last_word(text: str) -> str:
    return text.split()[-1].lower().strip("\"“”'’,")


def _is_verb(word: str) -> bool:
    """``word``: lower case, its apostrophes straight (``_main_verb``)."""
    return word in _VERBS or (len(word) > 4 and word.endswith("ed"))


def _has_verb(text: str, from_word: int = 1) -> bool:
    return _main_verb(text, from_word) is not None


def _main_verb(text: str, from_word: int = 1) -> str | None:
    """The first verb of the clause itself among the words from ``from_word`` on (the
    first is the subject's, or an adjective's: "a celebrated hacker"), or None; a
    quotation's verbs and the first verb after "who", "that" or "which" belong to other
    clauses ("The man who reportedly yelled " they cheated my team " before shooting" has
    no verb of its own)."""
    unquoted = re.sub(r'"[^"]*"|“[^”]*”', " ", text)
    relative = in_relative_verb = False
    for word in (w.lower().strip("\"“”'’,.").replace("’", "'")
                 for w in unquoted.split()[from_word:]):
        if word in _RELATIVE_WORDS:
            relative = True
        elif _is_verb(word):
            # "who was arrested": the relative's verb runs on over its auxiliary
            if not (relative or in_relative_verb):
                return word
            relative, in_relative_verb = False, True
        else:
            in_relative_verb = False
    return None


def _verb_unsure(kept: str, rest: str) -> bool:
    """No verb found in ``kept``, or only a word in -ed where a surer verb follows in
    ``rest``: "A Calgary mother convicted in her son's death | after failing to take ...
    was sentenced ..." has no verb of its own ("Officials declared ..." mostly has: a
    parse for every verb in -ed would cost a tenth of the summarizer's speed)."""
    verb = _main_verb(kept)
    return verb is None or (verb not in _VERBS and _main_verb(rest, from_word=0) in _VERBS)


def _tidy_end(text: str) -> str:
    """No comma, dangling word or stub of a phrase at the end."""
    text = _SPAN_STUB.sub(lambda m: m["mark"] or "", text.rstrip(" ,;:—–-"))
    text = re.sub(r",(\s*[\"”’]?)\s*$", r"\1", text.rstrip(" ,;:—–-"))
    # a stub after a last comma: ", amounting", ", an argument"
    text = re.sub(r",\s+(?:[a-z]\S*ing|(?:a|an|the)\s\S+)$", "", text)
    words = text.split()
    while len(words) > SHORTEST and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words) if len(words) < len(text.split()) else text
