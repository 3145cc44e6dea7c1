"""A headline glued before an article's first sentence, with nothing between them.

Multi-News flattens each page to one lower-cased line, and many pages put the headline or
a standfirst straight before the story's first sentence: "Boy scouts to consider allowing
gay scouts and leaders the boy scouts confirmed today that it is considering a change of
...", "Man gets 90 years for murder of pregnant 17-year-old girl a gang member was
sentenced monday to 90 years in prison for ...". Shown as a summary's lede, the reader
meets the headline run into the news. Where a page marks the seam ("updated", a byline, a
dateline) ``trim.py`` cuts there; this finds the seams with no mark.

The seam is where the news starts: a determiner ("a", "an", "the") after a word that ends
a headline, a noun: no stopword, preposition, gerund, adverb or possible verb ("... to
avoid | a humiliating defeat", "... across | the south of england"), with no punctuation
between them. The sentence after it has a verb early on, and it tells what the headline
told: at least ``MIN_SHARED`` of the headline's content words, and ``MIN_SHARE`` of them.
Read on the first sentences of Multi-News val's first 3,000 stories: 35 seams, 32 after a
headline or a standfirst, 3 inside a photo's caption run into the text (which no reader
should see either); raw dev and DUC 2006 are cased, and not judged.
"""

from __future__ import annotations

import re

from newsweave.summarizer.fragments import FINITE_SHARE, load_finite_verbs
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


def headline_end(text: str) -> int:
    """Where the news starts in an article's first sentence, past a glued headline; 0
    where no headline is found. Lower-cased text only: a capital past the first letter
    (a cased page) is not judged."""
    if _CASED.search(text, 1) or len(text.split()) < MIN_WORDS:
        return 0
    verbs = load_finite_verbs()
    tokens = text.split(" ")
    words = [t.strip(_EDGE) for t in tokens]
    offset = 0
    offsets = []
    for token in tokens:
        offsets.append(offset)
        offset += len(token) + 1
    for seam in range(FIRST_SEAM, min(LAST_SEAM, len(words) - MIN_AFTER)):
        if words[seam].lower() not in _DETERMINERS or not _ends_a_headline(tokens[seam - 1]):
            continue
        after = words[seam + 1: seam + VERB_WITHIN]
        if not any(verbs.share.get(w.lower(), 0.0) >= VERB_SHARE for w in after):
            continue
        told, news = _content(words[:seam]), _content(words[seam:])
        shared = told & news
        if len(shared) >= MIN_SHARED and len(shared) >= MIN_SHARE * len(told):
            return offsets[seam]
    return 0


def _ends_a_headline(token: str) -> bool:
    word = token.lower()
    if not _LETTERS.fullmatch(word) or word in _NOT_A_HEADLINE_END:
        return False  # punctuation before the seam, or a word that needs its next
    if word.endswith(("ly", "ing")):
        return False
    share = load_finite_verbs().share.get(word, 1.0 if len(word) > 2 else 0.0)
    return share < FINITE_SHARE


def _content(words: list[str]) -> set[str]:
    return {stem(w.lower()) for w in words
            if len(w) >= _CONTENT_MIN_LETTERS and w.lower() not in _NOT_A_HEADLINE_END}
