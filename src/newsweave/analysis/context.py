"""What a sentence is about, for deciding whether two outlets' sentences report one thing.

Content words (synonyms folded: "killed" and "died" are one), the setting a sentence puts
its figures in (the years it is set in, the year it counts from, the rate it counts at),
and the clause a date sits in (the event that date belongs to).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsweave.analysis.timeline import DateMention
from newsweave.model import Sentence
from newsweave.summarizer.quantities import CLASS_OF, WORD_VALUES
from newsweave.text import STOPWORDS, stem, tokens

_CALENDAR = frozenset(stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december morning afternoon evening night today "
    "yesterday tomorrow week month year early late last next").split())
_NUMBER_WORDS = frozenset(WORD_VALUES) | {"hundred", "thousand", "million", "billion", "dozen"}
# Clause breaks: punctuation and the conjunctions that start another event's clause.
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:after|before|when|while|since|until|because)\b")
# Years a sentence is set in ("in 2009"; not "since 2009"), the year it counts from, its rate.
_EVENT_YEAR = re.compile(r"(?<!since )(?<!until )(?<!through )(?<!before )(?<!after )"
                         r"(?<![$£€\d,.])\b((?:19|20)\d\d)\b(?![\d%]|s\b|,\d)")
_SINCE_YEAR = re.compile(r"\bsince\s+((?:19|20)\d\d)\b")
_RATE = re.compile(r"\b(?:a|an|per|each|every)\s+(year|month|week|day|hour|minute)\b"
                   r"(?!\s+(?:of|ago|earlier|later|after|before)\b)|"
                   r"\b(annual(?:ly)?|daily|weekly|monthly|hourly)\b", re.IGNORECASE)


def content_words(text: str, fold: bool = True) -> set[str]:
    """A sentence's content stems, numbers out; with ``fold``, synonyms folded ("killed",
    "died" -> "dead"); without, names out too (a story's names are in most of its sentences,
    so they say nothing about which event a sentence tells)."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*|\d+", text)
    name = [w[0].isupper() and (k > 0 or (k + 1 < len(words) and words[k + 1][0].isupper()))
            for k, w in enumerate(words)]  # "Governor-elect Rosa Delgado" opens a sentence
    kept = [p for k, w in enumerate(words) if fold or not name[k] for p in tokens(w)]
    kept = [t for t in kept if t not in STOPWORDS and len(t) > 1 and not t.isdigit()
            and t not in _NUMBER_WORDS]
    return {CLASS_OF.get(stem(t), stem(t)) if fold else stem(t) for t in kept} - _CALENDAR


def setting(s: Sentence) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The years a sentence is set in ("in 2009"), counts from ("since 1998") and the rate it
    counts at ("each year")."""
    return _setting(s.text)


# conflicts.py compares every pair of outlets' figures of one measure: a sentence's
# setting is read once, not once per pair (10,000 outlets repeating one wire sentence).
@lru_cache(maxsize=8192)
def _setting(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    years = frozenset(m.group(1) for m in _EVENT_YEAR.finditer(text))
    since = frozenset(m.group(1) for m in _SINCE_YEAR.finditer(text))
    rates = frozenset((m.group(1) or m.group(2)).lower() for m in _RATE.finditer(text))
    return years, since, frozenset({"year" if r.startswith("annual") else r for r in rates})


def same_setting(a: Sentence, b: Sentence) -> bool:
    """The 2009 quake's dead and this one's, deaths "each year" and in all, or deaths since
    1998 and since 1990, are not the same measure."""
    (years_a, since_a, rate_a), (years_b, since_b, rate_b) = setting(a), setting(b)
    return years_a == years_b and rate_a == rate_b and (
        not since_a or not since_b or since_a == since_b)


def clause_text(s: Sentence, mention: DateMention) -> str:
    """The clause of a sentence around a date expression."""
    lo, hi = mention.start - s.start, mention.end - s.start
    return _CLAUSE_BREAK.split(s.text[:lo])[-1] + " " + _CLAUSE_BREAK.split(s.text[hi:])[0]


def date_clause(s: Sentence, mention: DateMention) -> tuple[set[str], set[str]]:
    """Content words of the clause a date sits in (the event it dates): all, and names aside."""
    clause = clause_text(s, mention)
    every = {stem(t) for t in tokens(clause) if t not in STOPWORDS and not t.isdigit()}
    return every - _CALENDAR, content_words(clause, fold=False)


def same_clause(x: tuple[set[str], set[str]], y: tuple[set[str], set[str]]) -> int:
    """How strongly two date clauses tell one event: two shared words, one of them not a name
    ("the Old Mill Bridge collapsed"; "nurses went on strike" and "nurses returned" do not)."""
    shared = x[0] & y[0]
    return len(shared) if len(shared) >= 2 and x[1] & y[1] else 0
