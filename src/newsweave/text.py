"""Word-level text utilities shared by every stage: tokens, stems, content words.

Tokenisation mirrors rouge-score's (lowercase, runs of letters and digits) on English,
so that what the summarizer counts as shared content is what ROUGE counts, but in every
script: a word is a run of Unicode letters and digits, so Russian or Arabic outlets'
sentences match as English ones do. Stems and stopwords follow a word's script
(languages.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import snowballstemmer

from newsweave.languages import script_language, script_stopwords

_TOKEN = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("porter")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own s same she should so some such t than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according new one two would could mr ms mrs
    like get got also year years""".split()
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of ``text``: a paragraph of clean text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def tokens(text: str) -> list[str]:
    """Lowercased word tokens, as ROUGE sees them."""
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # rouge-score leaves words of three letters or fewer unstemmed; so do we.
    if len(word) <= 3:
        return word
    script = None if word.isascii() else script_language(word)
    stemmer = _STEMMER if script is None else _script_stemmer(script[0])
    return str(stemmer.stemWord(word))


@lru_cache(maxsize=16)
def _script_stemmer(algorithm: str) -> Any:
    return snowballstemmer.stemmer(algorithm)


def is_stopword(token: str) -> bool:
    """A stopword of the token's script's language (English for Latin words)."""
    if token.isascii():
        return token in STOPWORDS
    script = script_language(token)
    return token in (STOPWORDS if script is None else script_stopwords(script[1]))


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content: no stopwords, no one-letter tokens."""
    return content_stems_of(tokens(text))


def content_stems_of(words: list[str]) -> list[str]:
    """:func:`content_stems` of a text's :func:`tokens`, where the caller has them."""
    # is_stopword's English test inline: this runs on every sentence several times a story
    return [stem(t) for t in words if len(t) > 1
            and (t not in STOPWORDS if t.isascii() else not is_stopword(t))]


def word_count(text: str) -> int:
    return len(text.split())


# Closing quotes and brackets after the end; Multi-News's tokenized text closes a
# quotation as '. "', with a space.
_CLOSERS_TO_END = r"(?:\s*[\"'”’)\]」』）»])*\s*$"
# Every script's sentence ends: the Devanagari danda "।" and "॥", Arabic "؟" and Urdu "۔",
# the full-width "。！？" of Chinese and Japanese.
SENTENCE_END_MARKS = ".!?।॥؟۔。！？"
_SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}]" + _CLOSERS_TO_END)
# A trailing ellipsis is a teaser or a text cut short ("Two dead after drug sting in
# greater...", "The U.S. doesn't have a clear ..."), or a newsletter's list item.
_TRAILING_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\.?" + _CLOSERS_TO_END)


# A sentence split after an abbreviation that never ends one: a title before its name, a
# month before its day, "U.S." before what it qualifies ("Secretary of defense chuck hagel
# walks with u.s.", "... fager's nov.", "including u.s."; "in the u.s." ends one).
_CUT_AT_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|sgt|capt|col|prof|rev|jan|feb|aug|sept|oct|nov"
    r"|dec|no|vs|a\.k\.a|t\.g\.i)\.|(?<!\bthe )(?<![\w.])u\.s\.|-u\.s\.)" + _CLOSERS_TO_END,
    re.IGNORECASE)


def ends_as_sentence(text: str) -> bool:
    """Ends as a sentence does: not cut off ("... brokaw has continued to", "... a
    clear ...", "... walks with u.s."), not a heading that slipped through segmentation
    ("‘They tell you for years’")."""
    return (_SENTENCE_END.search(text) is not None and not _TRAILING_ELLIPSIS.search(text)
            and not _CUT_AT_ABBREVIATION.search(text))


QUOTE_MARK = re.compile(r'["“”]')
_CURLY_OPENS = {"“": True, "”": False}


def opens_quotation(mark: str, inside: bool) -> bool:
    """Whether a double quote mark opens a quotation (else it closes one), given whether
    one is open: a curly mark says which it does; a straight one closes whatever is open,
    curly or not (scraped pages mix them), and opens otherwise."""
    return _CURLY_OPENS.get(mark, not inside)


def balanced_quotes(text: str) -> bool:
    """Opens every quotation it closes, and closes every one it opens: segmentation can cut
    a quotation in two, leaving "... was gone,” Mr. Feld said." on its own; nor does it
    open one inside another ("“A ... “B ...”")."""
    inside = False
    for mark in QUOTE_MARK.findall(text):
        opens = opens_quotation(mark, inside)
        if opens == inside:  # closes what is not open, or opens what is
            return False
        inside = opens
    return not inside


_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "dozen": "12"}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def number_tokens(text: str, words: list[str] | None = None) -> frozenset[str]:
    """The numbers a text states, digits and words alike ("nine" and "9" are one number);
    ``words``: the text's :func:`tokens`, where the caller has them."""
    found = {m.group().replace(",", "").rstrip(".") for m in _DIGITS.finditer(text)}
    found.update(_NUMBER_WORDS[t] for t in (tokens(text) if words is None else words)
                 if t in _NUMBER_WORDS)
    return frozenset(found)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 story", "3 stories": a count and its noun, as a user reads it."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
