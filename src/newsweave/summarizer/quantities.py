"""Figures in news text as intervals, with their unit and what they count.

Two outlets agree on "nearly 30,000" and "29,500", on "$1.2 million" and "1.2m dollars", on
"two dozen" and "24", on "25 miles" and "40 km"; they disagree on "17 dead" and "23 dead".
To tell these apart every figure becomes an interval in a canonical unit (approximation words
widen it, round numbers carry their rounding), and gets a *measure*: what it counts, from
its noun ("30,000 troops"), its verb ("killed 17 people") or nearby keywords ("the death
toll rose to 23"), with synonyms folded into one class so "jobs" meets "positions".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.text import STOPWORDS, stem

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
WORD_VALUES |= {"a": 1, "an": 1}
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
         "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
         "millions": (2e6, 9.99e6)}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9,
          "bn": 1e9, "trillion": 1e12}
# Canonical unit and factor: lengths in metres, speeds in km/h, masses in kg.
UNITS = {
    "%": ("percent", 1.0), "percent": ("percent", 1.0), "per cent": ("percent", 1.0),
    "percentage point": ("points", 1.0), "dollar": ("usd", 1.0), "euro": ("eur", 1.0),
    "km/h": ("km/h", 1.0), "kph": ("km/h", 1.0), "mph": ("km/h", 1.609344),
    "kilometre": ("m", 1e3), "kilometer": ("m", 1e3), "km": ("m", 1e3),
    "mile": ("m", 1609.344), "metre": ("m", 1.0), "meter": ("m", 1.0), "foot": ("m", 0.3048),
    "feet": ("m", 0.3048), "ft": ("m", 0.3048), "inch": ("m", 0.0254),
    "centimetre": ("m", 0.01), "centimeter": ("m", 0.01), "cm": ("m", 0.01), "mm": ("m", 0.001),
    "kilogram": ("kg", 1.0), "kg": ("kg", 1.0), "tonne": ("kg", 1000.0), "ton": ("kg", 907.185),
    "lb": ("kg", 0.4536), "pound": ("kg", 0.4536), "year": ("years", 1.0),
    "month": ("months", 1.0), "week": ("weeks", 1.0), "day": ("days", 1.0),
    "hour": ("hours", 1.0), "minute": ("minutes", 1.0),
}
CURRENCIES = {"$": "usd", "us$": "usd", "£": "gbp", "€": "eur"}
# (low, high) multipliers of the stated figure.
APPROX = {
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0), "just under": (0.9, 1.0),
    "about": (0.9, 1.1), "around": (0.9, 1.1), "roughly": (0.9, 1.1), "some": (0.9, 1.1),
    "approximately": (0.9, 1.1), "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1),
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 1.5),
    "just over": (1.0, 1.1), "upwards of": (1.0, 1.5), "as many as": (0.8, 1.0),
    "up to": (0.5, 1.0), "fewer than": (0.5, 1.0), "less than": (0.5, 1.0), "under": (0.5, 1.0),
}
# Words that name the same measure; a figure's measure is the class of the first one found.
CLASSES = {
    "dead": "dead death deaths killed kill killing died die dies fatalities toll bodies perished",
    "injured": "injured injuries injury wounded hurt casualties",
    "missing": "missing unaccounted", "arrested": "arrested arrests detained",
    "evacuated": "evacuated evacuees evacuation evacuate displaced homeless fled",
    "jobs": "jobs positions staff employees workers workforce roles layoffs redundancies",
    "troops": "troops soldiers", "shares": "shares stock stocks", "votes": "votes",
    "budget": "budget spending", "fund": "fund relief aid pledged donations donated",
    "fine": "fine fined penalty", "restitution": "restitution repay", "tax": "tax taxes",
    "prison": "prison jail sentenced imprisonment", "magnitude": "magnitude",
    "raise": "raise raises salary pay wage wages", "officers": "officers police",
    "returns": "returns",
    "wind": "winds wind gusts", "rain": "rain rainfall",
}
CLASS_OF = {stem(w): name for name, words in CLASSES.items() for w in words.split()}
# Words that tell the measure of "people" or "residents" but are a measure of their own as a
# noun: "50,000 residents from their homes" are evacuated; "40 homes" are houses.
CONTEXT_OF = {stem("homes"): "evacuated"}
GENERIC_WORDS = frozenset(
    "people persons residents civilians others individuals children adults men women".split()
)
GENERIC = frozenset(stem(w) for w in GENERIC_WORDS)
_CONTAINERS = frozenset(stem(w) for w in "pieces items units pairs sets kinds types".split())
# Words after a figure that are not what it counts: "the last five years", "six times".
_NOT_MEASURES = frozenset(stem(w) for w in "last next past first different times straight "
                          "consecutive previous coming such per".split())
_PREFIX_MEASURES = frozenset(stem(w) for w in "magnitude category level grade".split())
NEARBY_WORDS = 8  # how far from a figure a keyword may tell its measure
_MODIFIERS = frozenset("""more additional other new local foreign extra major minor small large
    big top key main senior junior young former separate further total whole full average high
    low""".split())
_HEDGES = re.compile(r"\b(?:possibly|suspected|unconfirmed|under investigation|may have|might have|"
                     r"could have|feared|believed to)\b", re.IGNORECASE)
_WORDNUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_SMALL[1:10]) + r"))?|"
            + "|".join(reversed(_SMALL)) + r"|an?)")
_NUMBER = re.compile(
    r"(?<![\w$£€.,])(?:(?P<approx>" + "|".join(sorted(APPROX, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?P<vague>" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b"
    r"|(?P<cur>US\$|\$|£|€)?\s?(?P<num>SPACED\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|\b" + _WORDNUM + r"\b)"
    r"(?:\s?(?P<dozen>dozen)\b)?(?:[\s-]?(?P<scale>million|billion|trillion|thousand|hundred|bn|m|k)\b)?"
    r"(?:[\s-]?(?P<unit>%|percent|per cent|percentage points?|dollars?|euros?|pounds?|km/h|kph|mph"
    r"|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|feet|foot|ft|inch(?:es)?|centimet(?:er|re)s?"
    r"|cm|mm|kilograms?|kg|tonnes?|tons?|lbs?|years?|months?|weeks?|days?|hours?|minutes?)(?!\w))?)"
    r"(?![\w%])",
    re.IGNORECASE,
)
_NUMBER_PLAIN = re.compile(_NUMBER.pattern.replace("SPACED", ""), re.IGNORECASE)
# Degraded text lost its commas: "30 000" is thirty thousand there.
_NUMBER_SPACED = re.compile(_NUMBER.pattern.replace("SPACED", r"\d{1,3}(?: \d{3})+|"),
                            re.IGNORECASE)
# Currencies named by a word after the figure: "a 400m yuan replica of Mars"
_MONEY_NEXT = re.compile(r"\s+(?:yuan|renminbi|yen|rupees?|roubles?|rubles?|pesos?|francs?|"
                         r"krona|kronor|kroner|rand|reais|real|won|lira|naira|shillings?)\b",
                         re.IGNORECASE)
_VOTING = re.compile(r"\b(?:vote[sd]?|ballots?|approved|passed|rejected)\b", re.IGNORECASE)
_TALLY = re.compile(  # "70 to 29", "67-29", "70 votes to 29"
    r"\b(?P<a>\d{1,3})\s*(?:votes?\s+)?(?:-|–|to)\s*(?P<b>\d{1,3})\b(?!\s*(?:%|percent))"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}\b", re.IGNORECASE)
# Where a figure's noun phrase ends; "U.S." and "a.m." do not end it.
_PHRASE_END = re.compile(r"[,;:!?()\"“”]|(?<!\b[A-Za-z])\.(?=\s|$)")
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-.]*[\w]|[A-Za-z]")


@dataclass
class Quantity:
    """A figure as an interval in a canonical unit, with what it measures."""

    text: str  # as written: "nearly 30,000", "$1.2 million", "two dozen", "70 to 29"
    low: float
    high: float
    unit: str  # "count", "usd", "percent", "m", "km/h", "years", "tally", ...
    measure: str | None  # class ("dead", "jobs") or the stem of its noun; None: unknown
    label: str | None  # the measure for a reader: the class, or its noun as written
    start: int  # offsets in article.text
    end: int
    second: float | None = None  # a tally's second figure (nays)
    vague: bool = False  # "dozens", "thousands": never the sole grounds of a conflict

    def agrees(self, other: Quantity) -> bool:
        """Both can be true. Rounding intervals are half-open: "5%" and "6%" meet at 5.5
        but do not agree; a point ("four") agrees with an interval that holds it."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        touching = low == high and (self.low == self.high or other.low == other.high)
        return (low < high or touching) and self.second == other.second


def _value(num: str) -> tuple[float, float] | None:
    """A written number's value and its rounding: "30,000" is 30,000 give or take 750."""
    word = num.lower().replace("-", " ")
    if word[0].isalpha():
        parts = word.split()
        if not all(p in WORD_VALUES for p in parts):
            return None
        return float(sum(WORD_VALUES[p] for p in parts)), 0.0
    digits = num.replace(",", "").replace(" ", "")
    value = float(digits)
    if "." in digits:
        return value, 0.5 * 10 ** -len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0")) if value else 0
    return value, max(0.5, min(0.5 * 10**zeros, 0.025 * value))


def _unit(match: re.Match[str]) -> tuple[str, float]:
    unit = (match["unit"] or "").lower()
    currency = CURRENCIES.get((match["cur"] or "").lower())
    if currency:
        return currency, 1.0
    if not unit:
        return "count", 1.0
    key = unit if unit in UNITS else unit.rstrip("s").replace("inche", "inch")
    key = {"met": "metre"}.get(key, key)
    return UNITS.get(key, ("count", 1.0))


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORD_RE.finditer(text)]


def _measure(sentence: str, start: int, end: int, unit: str) -> tuple[str | None, str | None]:
    """What a figure at sentence[start:end] counts: a keyword in its noun phrase or just
    before it ("killed 17", "magnitude of 6.1"), its own noun ("30,000 troops"), a keyword
    near it ("the death toll rose to 23"), or the noun it is attached to ("the crowd at
    20,000"); None when none of these says."""
    after = _PHRASE_END.split(sentence[end:])[0]
    phrase: list[str] = []
    written: list[str] = []
    capitals: list[str] = []
    for word, _ in _words(after)[:4]:
        if word[0].isupper() and word.endswith("s") and len(word) > 3 and not phrase:
            capitals.append(word.lower())  # "Three Republicans voted": the noun, then a verb
            break
        if word.lower() in _MODIFIERS or word[0].isupper():
            capitals.append(word.lower())
            continue  # "30,000 U.S. troops", "24 new officers"
        if word.lower() in STOPWORDS:
            break
        written.append(word.lower().strip("-").split("-")[-1])
        phrase.append(stem(written[-1]))
    if not phrase and capitals and len(capitals[-1]) > 2:  # "16 million Americans"
        written, phrase = capitals[-1:], [stem(capitals[-1])]
    if phrase and phrase[0] in _NOT_MEASURES:
        return None, None
    if phrase and phrase[0] in _CONTAINERS:  # "12 pieces of jewellery": the jewellery
        inner = re.match(r"\s+of\s+((?:[\w\-]+\s+){0,2}[\w\-]+)", after[after.find(written[0])
                                                                   + len(written[0]):])
        if inner:
            kept = [w for w in inner[1].split() if w.lower() not in STOPWORDS | {"worth"}]
            if kept:
                return stem(kept[-1].lower()), kept[-1].lower()
    clause = re.split(r"[,;:(—]|\band\b|\bor\b|\bbut\b", sentence[:start])[-1]
    before = [stem(w.lower()) for w, _ in _words(clause)[-2:]]
    adjacent = before[-2:-1] if before[-1:] == ["of"] else before[-1:]  # "magnitude of 6.1"
    # its own noun first ("evacuated 200 patients" counts patients), unless that noun is
    # "people"; a measure noun before it ("magnitude 6.1 quake") names it either way
    ahead = [c for c in adjacent if c in _PREFIX_MEASURES]
    noun = [] if not phrase or phrase[0] in GENERIC else phrase[:1]
    for candidate in phrase + ahead + (noun or adjacent):
        if candidate in CLASS_OF:
            return CLASS_OF[candidate], CLASS_OF[candidate]
    if noun:
        return phrase[0], written[0]
    # a keyword in the clause before ("the death toll ... rose to 23"), else one just after
    def keyword(word: str) -> str | None:
        return CLASS_OF.get(stem(word.lower())) or (
            CONTEXT_OF.get(stem(word.lower())) if phrase else None)
    lead = [keyword(w) for w, _ in reversed(_words(clause))]
    follow = [keyword(w) for w, _ in _words(sentence[end:])[:NEARBY_WORDS]]
    key = next((k for k in lead + follow if k), None)
    if key:
        return key, key
    if phrase:
        return phrase[0], written[0]
    tail = [w.lower() for w, _ in _words(clause)][-2:]
    if len(tail) == 2 and tail[1] in ("of", "at") and tail[0] not in STOPWORDS:
        return stem(tail[0]), tail[0]  # "a charge of $4 billion", "the crowd at 20,000"
    if unit != "count" and tail and tail[-1] not in STOPWORDS:  # the verb's object:
        return stem(tail[-1]), tail[-1]  # "contained 40 percent", "worth £30 million"
    return None, None


_RANGE_GAP = re.compile(r"\s*(?:-|–|to|and)\s*")
_DETERMINER = re.compile(r"\b(?:the|these|those|both|all|its|their|his|her|our)\s+$", re.I)
_NOT_A_COUNT_AFTER = re.compile(r"\s*(?:a\.m|p\.m|am\b|pm\b|:\d|-year-old|years? old|ago\b)", re.I)
_DURATIONS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
HEAD_CHARS = 60


def _not_a_report(match: re.Match[str], sentence: str, degraded: bool) -> bool:
    """Numbers that are not a reported quantity to hold another outlet to."""
    start, end = match.span()
    # Every test of the head looks at its last few words; searching the whole sentence
    # before each figure, a dozen times over, was a fifth of the summarizer's time.
    head, tail = sentence[max(0, start - HEAD_CHARS):start], sentence[end:]
    num = (match["num"] or "").lower()
    compound = re.match(r"-([a-z]+)", tail, re.I)
    return bool(
        # "the two leaders" refers back, it does not report
        (_DETERMINER.search(head) and num[:1].isalpha())
        # compound adjectives ("a two-day summit"), unless the compound names the measure
        # ("a 6.4-magnitude quake")
        or re.search(r"\d-[a-z]|[a-z]-[a-z]", match.group(), re.I)
        or (compound and stem(compound[1].lower()) not in CLASS_OF)
        # "Treblinka 2", "Apollo 11": part of a name; "half a hundred"; "one in fifteen"
        or (re.search(r"[a-z,;]\s+[A-Z][a-z]+\s+$", head) and not match["unit"]
            and not _MONTH_BEFORE.search(head))
        or re.search(r"\b(?:half|one in|\d+ in)\s+$", head, re.I)
        or re.match(r"\s+in\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", tail)
        # times ("2:15"), ages, "two years ago" (a date, see timeline), "COVID-19", "F-16"
        or _NOT_A_COUNT_AFTER.match(tail) or re.search(r"(?:\d:|[A-Za-z]-)$", head)
        or re.search(r"\bage(?:d| of)\s*$", head, re.I)
        # "five days after the bodies were found": when, not how many
        or (_unit(match)[0] in _DURATIONS
            and re.match(r"\s+(?:after|before|later|earlier)\b", tail))
        # "from 17 to 23" keeps only 23; "Victor Lanz, 52," is an age
        or (re.search(r"\bfrom\s*$", head) and re.match(r"\s+to\s+[\d$£€]", tail))
        or re.search(r"[A-Z]\w+,\s*$", head)
        # "6 1" in unpunctuated text may be 6.1: too ambiguous to compare
        or (degraded and (re.match(r" \d{1,2}\b", tail) or re.search(r"\b\d{1,3} $", head)))
        # "one" is mostly a pronoun; "a" only counts in "a dozen", "a million"
        or (num in ("a", "an", "one") and not (match["scale"] or match["dozen"]))
        # a year, not a count
        or (re.fullmatch(r"(?:19|20)\d\d", num) and not (match["cur"] or match["unit"]))
        # the day of a date: "March 4", "4 March"
        or _MONTH_BEFORE.search(head) or _MONTH_AFTER.match(tail)
        # "six of the injured": a part, not the total
        or (re.match(r"\s+of\s+(?:the|them|those|these|whom|its|their)\b", tail)
            and not match["unit"])
    )


def find_quantities(sentence: str, base: int = 0, degraded: bool = False) -> list[Quantity]:
    """Every comparable figure in one sentence; ``base`` is the sentence's offset."""
    if _HEDGES.search(sentence):
        return []  # "possibly storm-related": not a claim to hold another outlet to
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in _TALLY.finditer(sentence):
        if _VOTING.search(sentence[max(0, match.start() - 60):match.end() + 20]):
            a, b = float(match["a"]), float(match["b"])
            found.append(Quantity(match.group(), a, a, "tally", "votes", "vote",
                                  base + match.start(), base + match.end(), b))
            taken.append(match.span())
    pattern = _NUMBER_SPACED if degraded else _NUMBER_PLAIN
    for match in pattern.finditer(sentence):
        start, end = match.span()
        if any(s <= start < e for s, e in taken) or not match.group().strip():
            continue
        if _not_a_report(match, sentence, degraded):
            continue
        if match["vague"]:
            low, high = VAGUE[match["vague"].lower()]
            tolerance, unit, factor = 0.0, "count", 1.0
        else:
            parsed = _value(match["num"])
            if parsed is None:
                continue
            value, tolerance = parsed
            scale = SCALES.get((match["scale"] or "").lower(), 1.0)
            if ((match["scale"] or "").lower() == "m" and not (match["cur"] or match["unit"])
                    and not _MONEY_NEXT.match(sentence, end)):
                continue  # "100m" without money is metres ("a 400m yuan replica": money)
            value *= scale * (12 if match["dozen"] else 1)
            tolerance *= scale
            unit, factor = _unit(match)
            low, high = value - tolerance, value + tolerance
        lo_m, hi_m = APPROX.get((match["approx"] or "").lower(), (1.0, 1.0))
        measure, label = _measure(sentence, start, end, unit)
        previous = found[-1] if found else None
        gap = sentence[previous.end - base:start] if previous else ""
        if previous and previous.unit in ("count", unit) and _RANGE_GAP.fullmatch(gap) and (
                "and" not in gap or sentence[:previous.start - base].rstrip().endswith("between")):
            found.pop()  # "80 to 100 homes", "between 18 and 22 students": one range
            earlier = previous.low / factor if previous.unit == unit else previous.low
            low, start = min(low, earlier), previous.start - base
        noun = re.match(r"\s+([a-z]+)", sentence[end:])
        if degraded and not (noun and noun[1].endswith("s") and noun[1] not in GENERIC_WORDS):
            continue  # unpunctuated text: only figures with their own noun ("30 000 troops")
        found.append(Quantity(sentence[start:end].strip(), low * lo_m * factor,
                              high * hi_m * factor, unit, measure, label, base + start, base + end,
                              vague=bool(match["vague"])))
    first: dict[tuple[str | None, str], Quantity] = {}
    for q in sorted(found, key=lambda q: q.start):  # "52 percent of the vote to 46 percent for
        first.setdefault((q.measure, q.unit), q)    # Haskins": the second is someone else's
    return sorted(first.values(), key=lambda q: q.start)
