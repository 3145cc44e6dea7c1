"""A timeline of the story: every dated sentence, with relative dates pinned to the calendar.

News dates events relative to publication ("on Thursday", "last June", "eight months ago"),
so an outlet's "Thursday" is only comparable with another's "Feb. 28" once both are resolved
against the publication dates. Resolution is by rule, not by a general date parser: news
usage is narrow, and a rule can respect tense (a weekday in a past-tense clause is the most
recent such day on or before publication; in a future-tense clause, the next one). We tried
``dateparser.search_dates`` and rejected it: it matches words like "may" and "second" as dates
and knows nothing of tense. Expressions that cannot be pinned (no publication date) are kept,
unresolved, so a reader still sees them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from newsweave.model import CUT_MARK, Article, Sentence
from newsweave.summarizer.cut_short import cut_off_in
from newsweave.summarizer.readability import leans_on_a_person

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBER_WORDS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1, "an": 1}
_UNIT_DAYS = {"day": 1, "week": 7}
CONTEXT_SENTENCES = 2
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’]*\s$")
# "Doctors today are obsessed with numbers", "The reality of Pakistan today is ...":
# "today" as "nowadays", between a noun and a present verb; not "said today", "announced
# today", nor "Today is the deadline".
_NOUN_BEFORE = re.compile(r"(?<![\w-])(?!(?:said|says|told|announced|reported|ruled|voted|"
                          r"confirmed|revealed|warned|added)\b)[A-Za-z]{3,}(?<!ed) $")
_PRESENT_AFTER = re.compile(r" (?:is|are|has|have|remains?)\b")
# A page's own stamp dates the page, not an event: "NBC 7's Wendy Fry reports. (Published
# Tuesday, March 29, 2016)" (raw dev).
_PAGE_STAMP = re.compile(r"\((?:published|updated|posted)\b[^()]*\)", re.IGNORECASE)

_M = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:[’']s)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MOD = (r"(?:\b(?P<mod>last|next|this|earlier this|later this|early|late|on|in|since|until|by)"
        r"\s+(?:on\s+)?)?")
_PATTERNS = [
    ("iso", r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    ("mdy", rf"{_MOD}\b{_M}\s+{_D},?\s+{_Y}\b"),
    ("dmy", rf"{_MOD}\b{_D}\s+{_M},?\s+{_Y}\b"),
    ("my", rf"{_MOD}\b{_M},?\s+{_Y}\b"),
    ("md", rf"{_MOD}\b{_M}\s+{_D}\b(?![\d,.]\d)"),
    ("dm", rf"{_MOD}\b{_D}\s+{_M}\b"),
    ("weekday", rf"{_MOD}\b{_WD}{_PART}\b"),
    ("word", r"\b(?P<word>today|yesterday|tomorrow|tonight|last night"
             r"|this (?:morning|afternoon|evening))\b"),
    ("span", r"\b(?P<mod>last|next|this|earlier this|later this)\s+"
             r"(?P<unit>week|weekend|month|year)\b"),
    ("season", r"\b(?P<mod>last|next|this|in)\s+(?P<season>spring|summer|fall|autumn|winter)\b"),
    ("ago", r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("month", rf"\b(?P<mod>last|next|this|in|since|until|by|early|late|mid-)\s*\b{_M}\b(?!\s+\d)"),
    ("year", rf"(?<![$£€\d,.])\b(?P<mod>in|since|by|until|from|during|early|late|mid-)?\s*"
             rf"{_Y}\b(?![\d%]|s\b|-\d)"),
]
_DATE_RE = re.compile("|".join(f"(?P<k_{kind}>{p.replace('?P<', f'?P<{kind}_')})"
                               for kind, p in _PATTERNS), re.IGNORECASE)
# A forecast in the present ("Forecasters expect winds to ease on Tuesday") looks ahead as
# "will" does; the past "expected" only in "expected to".
_FUTURE = re.compile(r"\b(?:will|would|’ll|'ll|shall|expected to|scheduled|plans? to|set to|due to|"
                     r"going to|must|upcoming|expects?|forecasts?|predicts?|anticipates?)\b",
                     re.IGNORECASE)
_GRANULARITY = {"iso": "day", "mdy": "day", "dmy": "day", "md": "day", "dm": "day",
                "weekday": "day", "word": "day", "my": "month", "month": "month",
                "season": "month", "year": "year"}


@dataclass
class DateMention:
    """One date expression in one sentence, resolved where the publication date allows."""

    expression: str
    start: int  # offsets of the expression in article.text
    end: int
    date: date | None
    granularity: str  # day, week, month or year


@dataclass
class TimelineEvent:
    """A dated sentence: what happened (the sentence), when, and how sure the date is."""

    date: str | None  # ISO "YYYY-MM-DD"; the first day of the week, month or year if coarser
    expression: str
    resolved: bool
    granularity: str
    article_index: int
    start: int  # sentence offsets in article.text
    end: int
    text: str
    expression_start: int
    expression_end: int
    # The article's text ends inside the sentence (Multi-News cuts its articles short; a
    # feed may give only an opening): shown with model.CUT_MARK after it.
    cut_off: bool = False
    # The sentence before it in its article, where the dated sentence leans on someone it
    # names ("He died at the camp in 1943.", '"We owe that to the people who died
    # tonight," she said.'): who "he" is, shown before it; else None.
    context: str | None = None

    @property
    def reads(self) -> str:
        """The sentence as a reader is shown it."""
        return self.text + CUT_MARK if self.cut_off else self.text

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


Event = TypeVar("Event")


def sentence_of(event: TimelineEvent) -> tuple[int, int]:
    """Where an event's sentence is: its article and start."""
    return event.article_index, event.start


def one_line_each(events: list[Event], place: Callable[[Event], tuple[int, int]]
                  ) -> list[list[Event]]:
    """The timeline as a reader is shown it: each sentence once, on one line with all its
    dates ("The two met for a dinner on Wednesday night ..., and further meetings were
    scheduled for Thursday."), where its earliest date puts it; not the sentence again at
    each date, as where two outlets' sentences both give 2009 and 2010 ("... arrest warrants
    against Bashir in 2009 and 2010"). ``place``: an event's article and sentence start
    (events are ``TimelineEvent``s, or their dicts in the desk)."""
    lines: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        lines.setdefault(place(event), []).append(event)
    return list(lines.values())


def published_date(article: Article) -> date | None:
    """The article's publication day, if it carries a parseable one."""
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    return _MONTH_ABBR.get(word.lower().rstrip(".")[:3])


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _nearest_year(month: int, day: int, pub: date, future: bool, mod: str) -> date | None:
    """A month/day without a year: this year's, unless tense or "last"/"next" push it over."""
    try:
        guess = date(pub.year, month, day)
        if (mod == "next" or future) and guess < pub - timedelta(days=3):
            guess = date(pub.year + 1, month, day)
        elif (mod == "last" or not future) and guess > pub + timedelta(days=3):
            guess = date(pub.year - 1, month, day)
        return guess
    except ValueError:
        return None


def _resolve(kind: str, g: dict[str, str | None], pub: date | None, future: bool
             ) -> tuple[date | None, str]:
    """The calendar date and granularity of one match (date None where it cannot be pinned)."""
    def get(name: str) -> str:
        return (g.get(f"{kind}_{name}") or "").lower()
    mod = get("mod")
    unit = {"weekend": "week"}.get(get("unit"), get("unit"))
    granularity = _GRANULARITY.get(kind) or ("day" if unit == "day" else unit or "week")
    try:
        if kind == "iso":
            return date(int(get("year")), int(get("mon")), int(get("day"))), granularity
        month = _month_number(get("month")) if get("month") else None
        if kind in ("mdy", "dmy") and month:
            return date(int(get("year")), month, int(get("day"))), granularity
        if kind == "my" and month:
            return date(int(get("year")), month, 1), granularity
        if kind == "year":
            return date(int(get("year")), 1, 1), granularity
    except ValueError:
        return None, granularity
    if pub is None:
        return None, granularity
    if kind in ("md", "dm") and month:
        return _nearest_year(month, int(get("day")), pub, future, mod), granularity
    if kind == "weekday":
        back = (pub.weekday() - WEEKDAYS.index(get("weekday").split("’")[0].split("'")[0])) % 7
        if mod == "next" or (future and mod != "last"):
            ahead = (7 - back) % 7 or (7 if mod == "next" else 0)
            return pub + timedelta(days=ahead), granularity
        return pub - timedelta(days=back or (7 if mod == "last" else 0)), granularity
    if kind == "word":
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(get("word"), 0)
        return pub + timedelta(days=shift), granularity
    step = {"last": -1, "next": 1}.get(mod, 0)
    if kind in ("month", "season") and (month or get("season")):
        target = month or _SEASONS[get("season")]
        delta = (target - pub.month) % 12  # months ahead to the next such month
        if mod == "last" or (mod != "next" and not future):
            delta = delta - 12 if delta > 0 or mod == "last" else 0
        return _add_months(date(pub.year, pub.month, 1), delta), "month"
    if kind == "span":
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            return monday + timedelta(days=5 if get("unit") == "weekend" else 0), granularity
        if unit == "month":
            return _add_months(date(pub.year, pub.month, 1), step), granularity
        return date(pub.year + step, 1, 1), granularity
    if kind == "ago":
        n = int(get("n")) if get("n").isdigit() else _NUMBER_WORDS[get("n")]
        if unit in _UNIT_DAYS:
            return pub - timedelta(days=n * _UNIT_DAYS[unit]), granularity
        if unit == "month":
            return _add_months(date(pub.year, pub.month, 1), -n), granularity
        return date(pub.year - n, 1, 1), granularity
    return None, granularity


def date_mentions(article: Article, sentence: Sentence) -> list[DateMention]:
    """Every date expression in a sentence, resolved against the article's publication date."""
    pub = published_date(article)
    found: list[DateMention] = []
    stamps = [m.span() for m in _PAGE_STAMP.finditer(sentence.text)]
    for match in _DATE_RE.finditer(sentence.text):
        if any(start <= match.start() < end for start, end in stamps):
            continue
        kind = next(k for k, v in match.groupdict().items() if v and k.startswith("k_"))[2:]
        groups = match.groupdict()
        month_word = groups.get(f"{kind}_month") or ""
        if month_word.lower() == "may" and (sentence.degraded or month_word == "may"):
            continue  # the modal verb, not the month
        if kind in ("md", "dm") and int(groups[f"{kind}_day"] or 0) not in range(1, 32):
            continue
        if kind == "word" and match.group()[0].isupper() and _NAME_BEFORE.search(
                sentence.text, 0, match.start()):
            continue  # a name's word: "USA Today", "Johnnie Cochran Tonight"
        if (match.group().lower() == "today" and _PRESENT_AFTER.match(sentence.text, match.end())
                and _NOUN_BEFORE.search(sentence.text, 0, match.start())):
            continue  # "today" as "nowadays"
        clause = re.split(r"[,;:—–]", sentence.text[:match.start()])[-1]
        future = bool(_FUTURE.search(clause))
        when, granularity = _resolve(kind, groups, pub, future)
        start = sentence.start + match.start()
        found.append(DateMention(match.group().strip(), start, start + len(match.group().strip()),
                                 when, granularity))
    return found


def _context(sentence: Sentence, by_place: dict[tuple[int, int], Sentence]) -> str | None:
    """The sentences before ``sentence`` in its article, back to one that does not lean on
    someone named earlier itself ("He scored small parts in the late 1950s ..." before
    "His career took another leap ..."), at most ``CONTEXT_SENTENCES``."""
    found: list[str] = []
    for back in range(1, CONTEXT_SENTENCES + 1):
        before = by_place.get((sentence.article_index, sentence.position - back))
        if before is None:
            break
        found.insert(0, before.text)
        if not leans_on_a_person(before.text):
            break
    return " ".join(found) or None


def build_timeline(articles: list[Article], sentences: list[Sentence]) -> list[TimelineEvent]:
    """Every dated sentence of the story, earliest first; unresolved expressions last.
    Degraded text (a lowercased, unpunctuated transcript) is left out: its word windows
    are not sentences a reader could be shown, and its sidebar debris dates nothing."""
    events: list[TimelineEvent] = []
    by_place = {(s.article_index, s.position): s for s in sentences}
    for sentence in sentences:
        if sentence.degraded:
            continue
        mentions = date_mentions(articles[sentence.article_index], sentence)
        if not mentions:
            continue
        cut_off = cut_off_in(sentence)
        context = _context(sentence, by_place) if leans_on_a_person(sentence.text) else None
        for mention in mentions:
            events.append(TimelineEvent(
                date=mention.date.isoformat() if mention.date else None,
                expression=mention.expression,
                resolved=mention.date is not None,
                granularity=mention.granularity,
                article_index=sentence.article_index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                expression_start=mention.start,
                expression_end=mention.end,
                cut_off=cut_off,
                context=context,
            ))
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.article_index,
                                         e.expression_start))
