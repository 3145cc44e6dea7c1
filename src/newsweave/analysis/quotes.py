"""Direct quotations across outlets: the quoted words, who said them, and who carries them.

A reader comparing coverage wants to see that three outlets quote the same sentence, and by
whom, even when one prints it in curly quotes, one in straight quotes and one cuts it short.
Quotes are found by pairing quote marks (apostrophes inside words never count; a nested quote
stays inside its outer one), attributed from the speech verb next to them, and merged across
outlets when their words match after normalising case and punctuation, or one is a stretch of
the other. Short scare quotes ("very special") are dropped unless presented as speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from newsweave.analysis.marks import QuoteSpan, find_spans
from newsweave.analysis.names import NOT_NAME, bare
from newsweave.analysis.speakers import Phrase, StoryPeople, parse_phrase
from newsweave.links import Links
from newsweave.model import Article, Sentence
from newsweave.text import paragraphs, tokens

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|asked|replied|replies|responded|explained|noted|"
    r"wrote|writes|tweeted|posted|declared|insisted|argued|stated|continued|recalled|warned|"
    r"acknowledged|admitted|conceded|claimed|announced|shouted|yelled|whispered|exclaimed|"
    r"complained|joked|quipped|remarked|observed|testified|countered|pleaded|urged|promised|"
    r"vowed|predicted|cautioned|suggested|stressed|emphasi[sz]ed|concluded|boasted|lamented|"
    r"marvell?ed|sighed|mused|gushed|recounted|explains|notes|recalls|"
    r"adding|saying|telling|writing|called|calling|described|describing"
)
_SV = re.compile(rf"\b(?:{SPEECH_VERBS}|[Aa]ccording to)\b")  # before a quote
_SV_BEFORE_NAME = re.compile(rf"\b(?:{SPEECH_VERBS})\s+(?=[A-Z])")
# A party and state after a name: "Rep. Barney Frank, D-Mass., an acknowledged ..., also
# predicted that": the name is before it.
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][\w.]*$")
_AFTER = re.compile(  # after a quote: ', Mr. Trump said', ', said Sokeel Park'
    rf"^[\s,]*(?P<pre>(?:[^\s_]+\s+){{0,5}}?)(?P<sv>{SPEECH_VERBS})\b(?P<post>.*)", re.S
)
# ... or a longer phrase before the verb, taken only where it ends on a name with a title or
# of two words or more, and holds no "of", "with", "at", "from" or bracket that would put
# an organisation or a place after the name ("Det. Charles Geiger of the LAPD's
# Robbery-Homicide Division told", "Nancy Pelosi (D-San Francisco) said"): '," leading U.K.
# seismologist Dr Silvio De Angelis tells TIME.'
_AFTER_LONG = re.compile(
    rf"^[\s,]*(?P<pre>(?:(?!(?:of|with|at|from)\s)[^\s_,()]+\s+){{6,9}}?)"
    rf"(?P<sv>{SPEECH_VERBS})\b(?P<post>.*)", re.S
)
# ... or the speaker, then who they are, then the verb: '," Abby Maxman, President of Oxfam
# America, said in a statement', '," Dr. Simon Luca Trigona, who led the team, told The
# Local.' (the speaker before the first comma, an apposition of up to 16 words after it).
_AFTER_APPOSITION = re.compile(
    rf"^[\s,]*(?P<pre>(?:[^\s_,]+\s+){{0,5}}[^\s_,]+),\s+(?:[^\s_,]+[\s,]+){{1,16}}?"
    rf"(?P<sv>{SPEECH_VERBS})\b(?P<post>.*)", re.S
)
# Where a speaker named after the verb ends: "said Sen. Joan Whitaker, a Democrat", "said
# Sokeel Park of Liberty"; the dots of "Sen." and "J." do not end it.
_POST_END = re.compile(r"[,;:()]|(?<!\b[A-Z])(?<!\bSt)(?<!\b[MD]r)(?<!\bMrs)(?<!\bMs)(?<!\bSen)"
                       r"(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bDr)(?<!\bRev)"
                       r"(?<!\bProf)(?<!\bSgt)(?<!\bCapt)(?<!\bSupt)\.|"
                       r"\s(?:who|which|of|on|in|at|with|after|before|outside)\s")
# Who someone works for, in an apposition before the verb: 'Dr Alison Tedstone, chief
# nutritionist at Public Health England, said:' names Tedstone, not the agency.
_AFFILIATION = re.compile(r"^[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*)*\s+(?:at|of|for|with)\s+"
                          r"(?:the\s+)?[A-Z]")
# ... or what someone is, in an apposition: 'Karamat, a more senior officer at the time,
# then said:' names Karamat.
_APPOSITION = re.compile(r"^(?:a|an|the)\s+[a-z]")
_ACCORDING = re.compile(r"^[\s,]*according to\s+(?P<post>.*)", re.S)
_LISTENER_VERBS = frozenset({"told", "tells"})  # "told Lanz": Lanz is the listener
# A sentence splitter may cut an attribution after a title's dot.
_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Supt|St)\.\s*$")
MAX_ATTRIBUTION_WORDS = 6  # a sentence of its own after a quote: "Rubio said."
MIN_QUOTE_WORDS = 4  # shorter quotes must be presented as speech to count
MIN_EXCERPT_WORDS = 3  # a cut this short merges with the longer quote only by one speaker
MIN_DEGRADED_TOKENS = 5  # words a degraded article must repeat verbatim to count as a carrier


@dataclass
class QuoteOccurrence:
    """One outlet printing a quote: where, and who that outlet says spoke it."""

    article_index: int
    start: int
    end: int
    text: str
    speaker: str | None
    attribution: str | None = None  # the phrase as written: "Mr. Trump", "he", "the president"
    degraded: bool = False  # found verbatim in a degraded article's unpunctuated text

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class Quote:
    """One quotation, merged across every outlet that carries it."""

    text: str
    speaker: str | None
    occurrences: list[QuoteOccurrence]

    @property
    def article_indices(self) -> list[int]:
        return sorted({o.article_index for o in self.occurrences})

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "articles": self.article_indices,
            "occurrences": [o.to_dict() for o in self.occurrences],
        }


class _Attributor:
    """Finds and resolves the speaker of each quote in one story."""

    def __init__(self, texts: list[str], spans: list[list[QuoteSpan]], bounds: list[list[int]]):
        self.texts, self.bounds = texts, bounds
        self.masked = [_mask(t, s) for t, s in zip(texts, spans, strict=True)]
        self.people = StoryPeople(texts, self.masked, bounds)

    def clause(self, article: int, pos: int) -> tuple[int, int]:
        """The sentence (or, between sentences, the gap) around a position."""
        bounds = self.bounds[article]
        return bounds[bisect_right(bounds, pos) - 1], bounds[bisect_left(bounds, pos)]

    def is_speech(self, article: int, span: QuoteSpan) -> bool:
        """Long quotes are speech unless they look like a title; short ones need a verb."""
        words = re.findall(r"[\w’']+", self.texts[article][span.start:span.end])
        inner = self.texts[article][span.start:span.close].rstrip("”’\"'»› ")  # keeps "Never,"
        if len(words) >= MIN_QUOTE_WORDS:  # unless a title: "State of the Union", "Gone With
            long = [w for w in words if len(w) > 3]  # the Wind", "Robots Winning Against Crime."
            title = len(long) >= 2 and all(w[0].isupper() for w in long) and not all(
                w.isupper() for w in words)
            return not (title and len(words) <= 8)
        before, after = self.context(article, span)
        attributed = _AFTER.match(after)
        return bool(  # naming verbs do not make speech: a campaign "called “Coke Chase”"
            re.search(rf"\b(?!called|calling|described|describing)(?:{SPEECH_VERBS})\s*[,:]?\s*$",
                      before)
            or (attributed and len(attributed["pre"].split()) <= 3
                and (inner[-1:] in ",.!?" or after.lstrip().startswith(",")))
            or (not before.strip(" _") and inner[-1:] in ".!?")
        )

    def context(self, article: int, span: QuoteSpan) -> tuple[str, str]:
        """The sentence's text before the quote, and after it up to the next quote (masked)."""
        masked = self.masked[article]
        start, _ = self.clause(article, span.open)
        _, end = self.clause(article, span.close)
        if not masked[span.close:end].strip() and end < len(masked):  # “...with?” | Rubio said.
            _, following = self.clause(article, end + 1)
            if len(masked[end:following].split()) <= MAX_ATTRIBUTION_WORDS:
                end = following
        while _TITLE_END.search(masked[:end]) and end < len(masked):  # "said Lt. | John Ames."
            end = self.clause(article, end + 1)[1]
        after = masked[span.close:max(end, span.close)]
        return masked[start:span.open], after.split("_")[0] if after.strip() else ""

    def speaker(self, article: int, span: QuoteSpan) -> tuple[Phrase | None, int]:
        """The attribution phrase of a quote and where it sits: after the quote, else before."""
        before, after = self.context(article, span)
        match = _AFTER.match(after) or _ACCORDING.match(after) or _AFTER_APPOSITION.match(after)
        if match:
            pre = match.groupdict().get("pre") or ""
            verb = match.groupdict().get("sv")
            if pre.strip():
                phrase = parse_phrase(pre)
                if phrase is None and "," in pre:  # '” to Karamat, Khan wrote.': Khan
                    pre = pre.rsplit(",", 1)[1]
                    phrase = parse_phrase(pre) if pre.strip() else None
                if phrase:
                    return phrase, span.close + after.find(pre.strip())
            elif verb not in _LISTENER_VERBS:
                post = _POST_END.split(match["post"])[0]
                phrase = parse_phrase(post)
                if phrase:
                    return phrase, span.close + len(after) - len(match["post"])
        elif (long := _AFTER_LONG.match(after)) and (phrase := _strong_name(long["pre"])):
            return phrase, span.close + after.find(long["pre"].strip())
        verbs = list(_SV.finditer(before))
        if verbs or before.rstrip().endswith(":"):
            cut = verbs[-1].start() if verbs else len(before.rstrip()) - 1
            phrase, at = _before_verb(before, cut)
            if phrase:
                return phrase, span.open if at is None else span.open - len(before) + at
            if verbs and verbs[-1].group().lower() == "according to":  # "According to X, '...'"
                phrase = parse_phrase(re.split(r"[,;:(]", before[verbs[-1].end():])[0])
                if phrase:
                    return phrase, span.open - len(before) + verbs[-1].end()
        return None, span.open


def _before_verb(before: str, cut: int) -> tuple[Phrase | None, int | None]:
    """The speaker phrase in the text before a quote whose last speech verb starts at
    ``cut``, and where it starts in ``before`` (None for someone unnamed)."""
    # An earlier speech verb before a name parts two phrases: "Khan said Karamat, a more
    # senior officer at the time, then said:" is Karamat's, not a "Khan Karamat"'s
    # ("President Clinton called the outbreak ... and noted" is Clinton's).
    chunks = re.split(r"[,;:—–()]|\s--?\s",
                      _SV.sub(" ", _SV_BEFORE_NAME.sub(",", before[:cut])))
    apposed = False  # the chunk after this one said whom its speaker works for, or what
    unnamed = None  # ... as "a spokesman for the port" does after "Smith,": Smith speaks
    for k, chunk in enumerate(reversed(chunks)):
        if _PARTY_TAG.match(chunk.strip()):
            continue
        affiliation = bool(_AFFILIATION.match(chunk.strip(" _")))
        phrase = parse_phrase(chunk) if chunk.strip(" _") and not affiliation else None
        if unnamed is not None and (phrase is None or phrase.kind != "name"):
            return unnamed, None
        if phrase and (k == 0 or phrase.strong or apposed or not chunk.strip()):
            at = before.rfind(chunk.strip())
            if phrase.kind == "pronoun":  # "Mayor Vos ... praised what she called":
                at = before.lower().rfind(phrase.value, 0, cut)  # she is Vos
            return phrase, at
        if phrase and phrase.kind == "anon":
            if not _APPOSITION.match(chunk.strip()):
                return phrase, None
            unnamed = phrase
        apposed = affiliation or bool(_APPOSITION.match(chunk.strip())
                                      and "_" not in chunk)  # no quotation in it
    return unnamed, None


def _strong_name(pre: str) -> Phrase | None:
    """``_AFTER_LONG``'s phrase where it ends on a name with a title or of two words, and
    that name is no organisation's, else None."""
    phrase = parse_phrase(pre)
    if (phrase is None or phrase.kind != "name" or not phrase.strong
            or any(bare(word) in NOT_NAME for word in phrase.value.split())
            or not pre.split()[-1][0].isupper()):
        return None
    return phrase


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words blanked out: names inside quotes are not attributions."""
    chars = list(text)
    for span in spans:
        chars[span.open:span.close] = "_" * (span.close - span.open)
    return "".join(chars)


def _same(a: list[str], b: list[str]) -> bool:
    """Same quotation: equal words, one a stretch of the other, or nearly so (edits, cuts)."""
    short, long = sorted((a, b), key=len)
    if short == long or len(short) < MIN_QUOTE_WORDS:
        return short == long
    blocks = SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    matched = sum(b.size for b in blocks)
    return matched >= 0.85 * len(short) and max(b.size for b in blocks) >= min(len(short), 4)


def _excerpt(x: QuoteOccurrence, y: QuoteOccurrence, a: list[str], b: list[str]) -> bool:
    """A short cut of a longer quotation, by the same speaker: "Nobody was hurt," of "Nobody
    was hurt, and that is what matters"."""
    short, long = sorted((a, b), key=len)
    n = len(short)
    return (x.speaker is not None and x.speaker == y.speaker and n >= MIN_EXCERPT_WORDS
            and any(long[k:k + n] == short for k in range(len(long) - n + 1)))


def _candidate_pairs(
    words: list[list[str]], speakers: list[str | None]
) -> Iterator[tuple[int, int]]:
    """The pairs ``_same`` or ``_excerpt`` can join, without comparing all pairs: they
    share a run of 4 words (a long enough matching block, or a cut of 4+ words), or a
    3-word cut is a run of the other. Equal word lists by one speaker are paired with their
    first occurrence only (union-find joins the rest), so 5,000 copies of one quote cost 5,000
    steps, not 12 million."""
    first: dict[tuple[Any, ...], int] = {}
    by_gram: dict[tuple[str, ...], list[int]] = {}
    for index, quote in enumerate(words):
        key = (speakers[index], *quote)
        if key in first:
            yield first[key], index
            continue
        first[key] = index
        for n in (3, 4):
            for gram in {tuple(quote[k:k + n]) for k in range(len(quote) - n + 1)}:
                by_gram.setdefault(gram, []).append(index)
    seen: set[tuple[int, int]] = set()
    for index in first.values():
        quote = words[index]
        grams = {tuple(quote[k:k + 4]) for k in range(len(quote) - 3)}
        if len(quote) == MIN_EXCERPT_WORDS:
            grams.add(tuple(quote))
        for gram in grams:
            for other in by_gram.get(gram, ()):
                pair = (min(index, other), max(index, other))
                if other != index and pair not in seen:
                    seen.add(pair)
                    yield pair


def _consensus(speakers: list[str | None]) -> str | None:
    """The cluster's speaker: full names win over surnames they extend, then the majority."""
    named = [s for s in speakers if s]
    full = [s for s in named if len(s.split()) >= 2]
    named = [next((f for f in full if s in f.split()), s) for s in named]
    return Counter(named).most_common(1)[0][0] if named else None


def _degraded_carriers(articles: list[Article], quotes: list[Quote]) -> None:
    """Count a degraded article as a carrier where it repeats a quote's words verbatim."""
    for index, article in enumerate(articles):
        if not article.degraded:
            continue
        words = [(m.group().lower(), m.start(), m.end())
                 for m in re.finditer(r"[A-Za-z0-9]+", article.text)]
        seq = [w for w, _, _ in words]
        for quote in quotes:
            for occ in list(quote.occurrences):
                target = tokens(occ.text)
                if occ.degraded or len(target) < MIN_DEGRADED_TOKENS:
                    continue
                for k in range(len(seq) - len(target) + 1):
                    if seq[k:k + len(target)] == target:
                        start, end = words[k][1], words[k + len(target) - 1][2]
                        if all((o.article_index, o.start) != (index, start)
                               for o in quote.occurrences):
                            quote.occurrences.append(QuoteOccurrence(
                                index, start, end, article.text[start:end], quote.speaker,
                                None, degraded=True))


def extract_quotes(articles: list[Article], sentences: list[Sentence]) -> list[Quote]:
    """Every direct quotation in the story, merged across outlets, with its speaker.

    Degraded articles (no punctuation, hence no quote marks) are only searched for the
    words of quotes found elsewhere.
    """
    texts = [a.text if not a.degraded else "" for a in articles]
    spans = [find_spans(t) for t in texts]
    ends: list[set[int]] = [set() for _ in texts]
    for s in sentences:
        ends[s.article_index].update((s.start, s.end))
    bounds: list[list[int]] = []
    for index, text in enumerate(texts):
        cuts = {0, len(text)} | {p for lo, hi in paragraphs(text) for p in (lo, hi)}
        bounds.append(sorted(cuts | ends[index]))
    attributor = _Attributor(texts, spans, bounds)
    found: list[QuoteOccurrence] = []
    for index, article_spans in enumerate(spans):
        previous: tuple[QuoteSpan, str | None, str | None] | None = None
        for span in article_spans:
            if not attributor.is_speech(index, span):
                continue
            phrase, pos = attributor.speaker(index, span)
            who = attributor.people.resolve(index, phrase, pos) if phrase else None
            said = phrase.value if phrase else None
            if phrase is None and previous is not None:  # a quote running on from the last one
                _, clause_end = attributor.clause(index, previous[0].close)
                gap = texts[index][previous[0].close:span.open]
                if previous[0].continued or not texts[index][clause_end:span.open].strip() or (
                        len(gap.split()) <= MAX_ATTRIBUTION_WORDS and _SV.search(gap)):
                    who, said = previous[1], previous[2]
            if previous is not None and previous[0].continued and previous[1] is None and who:
                found[-1].speaker, found[-1].attribution = who, said
            text = texts[index][span.start:span.end]
            found.append(QuoteOccurrence(index, span.start, span.end, text, who, said))
            previous = (span, who, said)
    return _merge(articles, found)


# Between the two parts of one quotation that its attribution splits: “We deliberated for
# several years,” he said, “and could not come up with ...”
# (a comma where the first part broke off: “going to dampen the incentives.” Even worse,
# Conard says, “he’s slowing ...” is two sentences)
_SPLIT_BY_ATTRIBUTION = re.compile(
    r"^(?:,\s*[”\"’]|[”\"’]\s*,)\s*(?P<said>[^“”\"\n.!?]{1,80}?),\s*[“\"‘]$")
RUN_ON_MARK = " … "  # where a quotation's attribution stood, in the joined text


def _runs_on(text: str, first: QuoteOccurrence, second: QuoteOccurrence) -> bool:
    """Does ``second`` carry on ``first``'s sentence, past the attribution between them
    (the same speaker, a lower-case start, nothing but "he said" between)?"""
    if (first.article_index != second.article_index or first.speaker is None
            or first.speaker != second.speaker or not second.text[:1].islower()):
        return False
    gap = _SPLIT_BY_ATTRIBUTION.match(text[first.end:second.start])
    return bool(gap and len(gap.group("said").split()) <= MAX_ATTRIBUTION_WORDS + 2
                and _SV.search(gap.group("said")))


def _joined_text(members: list[QuoteOccurrence], run_on: set[int]) -> str:
    """The longest reading of a quotation: an outlet's parts that run on (``run_on``: the
    ids of occurrences that carry on the one before them) joined by ``RUN_ON_MARK``."""
    readings: list[str] = []
    for occurrence in sorted(members, key=lambda o: (o.article_index, o.start)):
        if id(occurrence) in run_on and readings:
            readings[-1] += RUN_ON_MARK + occurrence.text
        else:
            readings.append(occurrence.text)
    return max(readings, key=len)


def _merge(articles: list[Article], found: list[QuoteOccurrence]) -> list[Quote]:
    """Occurrences of the same quotation, in any outlet, become one Quote; so do the parts
    of one quotation that its attribution splits ("“A,” he said, “and b.”"), shown joined."""
    groups = Links(len(found))
    run_on: set[int] = set()
    for k in range(1, len(found)):
        first, second = found[k - 1], found[k]
        if not first.degraded and _runs_on(articles[first.article_index].text, first, second):
            groups.link(k - 1, k)
            run_on.add(id(second))
    words = [tokens(o.text) for o in found]
    for a, b in _candidate_pairs(words, [o.speaker for o in found]):
        if not groups.together(a, b) and (_same(words[a], words[b]) or _excerpt(
                found[a], found[b], words[a], words[b])):
            groups.link(a, b)
    quotes: list[Quote] = []
    for group in groups.groups():
        members = [found[k] for k in group]
        speaker = _consensus([o.speaker for o in members])
        for occ in members:  # an outlet that gave only the surname gets the full name
            if occ.speaker and speaker and occ.speaker in speaker.split():
                occ.speaker = speaker
        quotes.append(Quote(_joined_text(members, run_on), speaker, members))
    _degraded_carriers(articles, quotes)
    return sorted(quotes, key=lambda q: (q.occurrences[0].article_index, q.occurrences[0].start))
