"""A headline glued before an article's first sentence.

Multi-News flattens each page to one lower-cased line, and many pages put the headline or
a standfirst straight before the story's first sentence: "Boy scouts to consider allowing
gay scouts and leaders the boy scouts confirmed today that it is considering a change of
...", "Man gets 90 years for murder of pregnant 17-year-old girl a gang member was
sentenced monday to 90 years in prison for ...". Shown as a summary's lede, the reader
meets the headline run into the news. ``trim.py`` cuts at the seam this finds.

Where the page marks the seam, patterns find it: "updated" ("Bali drug case boy caught
in quake updated a strong earthquake ..."), a dated byline, a wire city's dateline, a
station's call sign. Where nothing marks it, the seam is where the news starts: a
determiner ("a", "an", "the") after a word that ends a headline, a noun: no stopword,
preposition, gerund, adverb or possible verb ("... to avoid | a humiliating defeat",
"... across | the south of england"), with no punctuation between them. The sentence
after it has a verb early on, and it tells what the headline told: at least
``MIN_SHARED`` of the headline's content words, and ``MIN_SHARE`` of them.
Unmarked seams, read on the first sentences of val's first 3,000 stories: 35, 32 after a
headline or a standfirst, 3 inside a photo's caption run into the text (which no reader
should see either); raw dev and DUC 2006 are cased, and not judged.
"""

from __future__ import annotations

import re

from newsweave.summarizer.fragments import FiniteVerbs, load_finite_verbs
from newsweave.text import stem

MIN_WORDS = 25  # a headline and a first sentence together
FIRST_SEAM, LAST_SEAM = 5, 35  # in words: a headline's length
MIN_AFTER = 10  # words of news after the seam
VERB_WITHIN = 15  # the news's verb within so many words of the seam
VERB_SHARE = 0.3  # a word that is a finite verb in so many of its uses
MIN_SHARED, MIN_SHARE = 3, 0.4
_DETERMINERS = frozenset({"a", "an", "the"})
_NOT_A_HEADLINE_END = frozenset(
    "the a an of and or to in on at for with from by as is was are were be been has have "
    "had it its that this who which than then not no he she they his her their said says "
    "will would can could after over into about up out new more our we you i me my your "
    "them him us near around during before behind against under across outside between "
    "along until since toward towards through throughout onto upon within without beyond "
    "beneath beside besides among amid despite via per like unlike because when while "
    "where whether indeed but so yet also just only even still once above below off past "
    "half vice".split())
_CONTENT_MIN_LETTERS = 3
_EDGE = "\"'“”‘’,.;:!?()"
_LETTERS = re.compile(r"[a-z]+")
# A capital not after a sentence's end: cased text ("... the u.s. Coast guard" is Multi-News's)
_CASED = re.compile(r"(?<![.!?] )[A-Z]")

# The page's date and time words, which its labels and bylines carry (trim.py's too).
DATE_WORD = (r"(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|"
             r"august|sept?|september|oct|october|nov|november|dec|december|monday|tuesday|"
             r"wednesday|thursday|friday|saturday|sunday|\d+(?:st|nd|rd|th))\b")
CLOCK = (r"\d{1,2}: ?\d\d(?:: ?\d\d)?(?: ?[ap]\.?m\.?)?"
         r"(?: (?:et|edt|est|cst|cdt|pst|pdt|pt))?")
# A headline glued before the story's first sentence with the page's "updated" between them
# (the ABC's pages in Multi-News): "Bali drug case boy caught in quake updated a strong
# earthquake has struck off the coast of bali, ...", "House leaders seize on ted cruz's idea
# ... by emma dumain and matt fuller updated 4: 23 p.m. &#124; the house will vote ...". Not
# after a verb's helper ("has updated", "was updated"), nor before what was updated
# ("General mills updated their online privacy policy").
_HEADLINE_UPDATED = re.compile(
    r"^(?:\S+ ){2,40}?(?!(?:has|have|had|was|were|are|been|being|be|is|newly|recently|just|"
    r"last|an|the|and|not|never)\b)[\w'’]\S* updated (?:" + CLOCK
    + r"(?: on [\d/]+)?(?: &#124;| \|)? )?"
    r"(?!(?:their|its|his|her|our|versions?|as|on|at|with|by|to|from|for|in)\b)"
    r"(?=[a-z0-9(\"“‘'])",
    re.IGNORECASE)
# ... or with the writer's dated byline between them (Raw Story's pages): "Black caucus,
# progressives to oppose debt deal by kase wickman sunday, july 31, 2011 21: 39 edt "the
# leaders of both parties ...".
_HEADLINE_BYLINE = re.compile(
    r"^.{10,250}?(?: by (?:[a-z][\w.'’-]* ){1,3}?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday),? " + DATE_WORD + r"\.? \d{1,2},? \d{4},?(?: " + CLOCK + r")?\s+"
    # AFP's: "Egypt police bust baby trafficking ring ( afp ) – nov 11, 2012 cairo — ..."
    r"| \(\s?afp\s?\) [—–-]+ " + DATE_WORD + r"\.? \d{1,2},? \d{4} [^—–]{2,40}? [—–-]+ )"
    r"(?=\S)",
    re.IGNORECASE)
# ... or with a lower-cased dateline between them, a city the wires date from: "Us doctors
# discourage videos for babies under two washington — like 90 percent of american parents
# ...", "Gene found to play key role in depression paris — scientists ...". As at an
# article's start, a dash that a second one closes is an aside.
DATELINE_CITIES = (
    "washington|new york|london|paris|los angeles|chicago|beijing|moscow|berlin|tokyo|"
    "jerusalem|cairo|baghdad|kabul|islamabad|new delhi|mumbai|hong kong|seoul|sydney|toronto|"
    "brussels|geneva|rome|madrid|mexico city|san francisco|boston|miami|houston|atlanta|"
    "dallas|denver|seattle|detroit|philadelphia|johannesburg|nairobi|lagos|beirut|damascus|"
    "tehran|istanbul|ankara|kiev|kyiv|bangkok|manila|jakarta|singapore|ottawa|vienna|"
    "stockholm|dublin|athens|warsaw|havana|caracas|united nations|vatican city")
_HEADLINE_BEFORE_DATELINE = re.compile(
    # (no dash before it either, and no place's preposition: "... during her stay in houston
    # – a gift she might not want.")
    r"^(?:(?![—–-]+ )\S+ ){3,29}?(?!(?:in|at|to|from|of|near|outside|through|across|into|"
    r"for|over|via|and|by|with|the)\b)(?![—–-]+ )\S+ (?:" + DATELINE_CITIES + r")(?:, [\w.'’]+)?"
    r" (?P<dash>—|–|--?) (?=[a-z\"“‘'])(?!.*(?P=dash))",
    re.IGNORECASE)
# ... or a station's headline and dateline with its call sign ("... almost half a century
# ago. ( wgn-tv ) the fbi has reopened ...", "... cleanup fee tampa, fla. ( wfla ) – an uber
# driver ..."); not a company's ticker ("wells fargo &amp; co. ( wfc )").
_HEADLINE_CALL_SIGN = re.compile(
    r"^.{20,300}?(?:(?<!\bco)(?<!\binc)(?<!\bcorp)(?<!\bltd)[.!?]|, [a-z]{2,5}\.) "
    r"\(\s?[kw][a-z]{2,3}(?:-tv)?\d{0,2}\s?\)\s*(?:[—–-]{1,2}\s*)?(?=[a-z\"“‘'])",
    re.IGNORECASE)
_MARKED_SEAMS = (_HEADLINE_UPDATED, _HEADLINE_BYLINE, _HEADLINE_BEFORE_DATELINE,
                 _HEADLINE_CALL_SIGN)


def headline_end(text: str) -> int:
    """Where the news starts in an article's first sentence, past a glued headline; 0
    where no headline is found."""
    for marked in _MARKED_SEAMS:
        match = marked.match(text)
        if match:
            return match.end()
    return _unmarked_seam(text)


def _unmarked_seam(text: str) -> int:
    # Lower-cased text only: a capital past the first letter (a cased page) is not judged.
    if _CASED.search(text, 1) or len(text.split()) < MIN_WORDS:
        return 0
    verbs = load_finite_verbs()
    tokens = text.split(" ")
    words = [t.strip(_EDGE) for t in tokens]
    for seam in range(FIRST_SEAM, min(LAST_SEAM, len(words) - MIN_AFTER)):
        if (words[seam].lower() not in _DETERMINERS
                or not _ends_a_headline(tokens[seam - 1], verbs)):
            continue
        after = words[seam + 1: seam + VERB_WITHIN]
        if not any(verbs.share.get(w.lower(), 0.0) >= VERB_SHARE for w in after):
            continue
        told, news = _content(words[:seam]), _content(words[seam:])
        shared = told & news
        if len(shared) >= MIN_SHARED and len(shared) >= MIN_SHARE * len(told):
            return len(" ".join(tokens[:seam])) + 1  # where the seam's token starts
    return 0


def _ends_a_headline(token: str, verbs: FiniteVerbs) -> bool:
    word = token.lower()
    if not _LETTERS.fullmatch(word) or word in _NOT_A_HEADLINE_END:
        return False  # punctuation before the seam, or a word that needs its next
    if word.endswith(("ly", "ing")):
        return False
    return not verbs.can_be_finite(word, first=False)


def _content(words: list[str]) -> set[str]:
    return {stem(w.lower()) for w in words
            if len(w) >= _CONTENT_MIN_LETTERS and w.lower() not in _NOT_A_HEADLINE_END}
