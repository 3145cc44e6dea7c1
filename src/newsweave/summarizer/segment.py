"""Split clean article text into sentences that keep their character offsets.

Well-formed text is split by nupunkt (trained Punkt: "U.S.", "Dr.", "p.m." stay whole);
a short quotation of several sentences stays one unit, with its speaker.
Degraded text (no punctuation) is cut into fixed-length word windows: they cannot be
shown, but they still let the article count as a source that backs a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import nupunkt

from newsweave.model import Article, Sentence
from newsweave.summarizer.boilerplate import is_boilerplate, is_data_box
from newsweave.summarizer.trim import trim_span
from newsweave.text import QUOTE_MARK, balanced_quotes, opens_quotation

DEGRADED_UNIT_WORDS = 25
MIN_WORDS = 4
_WORD = re.compile(r"\S+")


def _window_units(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _WORD.finditer(text)]
    return [
        (spans[i][0], spans[min(i + DEGRADED_UNIT_WORDS, len(spans)) - 1][1])
        for i in range(0, len(spans), DEGRADED_UNIT_WORDS)
    ]


# Punkt sometimes ends a sentence at an abbreviation inside parentheses: "Sen. Charles E.
# Schumer (D-N.Y.)|, issued Saturday". A sentence never starts with closing punctuation,
# so such a piece is glued back onto the one before it.
_CONTINUATION = re.compile(r"[),;:\]]")
# ... or at a unit's abbreviation: "produce 300,000 sq.m. | of solar panels" (DUC 2006). No
# sentence opens on "of".
_OF = re.compile(r"of\s")
# Punkt also ends sentences at a title before a name ("spokesman Lt. | Trevor Davids said.",
# "retired Lt. | Gen. Zulfiqar Khan"): no sentence ends with one. The piece after it was
# often too short to keep, so the attribution was lost, not just split.
_TITLE_AT_END = re.compile(
    r"(?:^|[\s(-])(?:lt|gen|maj|cmdr|capt|col|sgt|adm|cpl|pvt|sens?|reps?|gov|mrs?|messrs"
    r"|rev|prof|supt|det|atty)\.$",  # not "Ms.": "... diagnosed with MS." ends a sentence
    re.IGNORECASE,
)
# ... and after a party-and-state tag ("Sen. John McCain (R-Ariz.) | said on Sunday"): where
# the next piece goes on in lower case or after a dash, it is the same sentence.
_PARTY_TAG_AT_END = re.compile(r"\(\s*[dri]-[a-z.\s]{2,14}\)$", re.IGNORECASE)
_GOES_ON = re.compile(r"[a-z\u2014\u2013-]")
# ... and after an outlet whose name ends in "!": "told E! | News on Friday" lost the verb of
# "News on Friday, \"He is doing better.\"". Yahoo! may end a sentence; E! hardly can.
_E_BANG_AT_END = re.compile(r"(?:^|[\s(])e!$", re.IGNORECASE)
_YAHOO_AT_END = re.compile(r"(?:^|[\s(])yahoo!$", re.IGNORECASE)
_YAHOO_GOES_ON = re.compile(r"[a-z]|(?:News|Finance|Sports|Answers|Movies|Music|Mail)\b")
# ... and after a quotation ending in "!" or "?": '"... loves the internet!!" | Brown writes
# on his Kickstarter page.' left the speaker a sentence of its own, shown with no quote.
_SPEAKER_AFTER_QUOTE = re.compile(
    r"(?:he|she|they|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}) (?:said|says|asked|asks|"
    r"added|adds|wrote|writes|told|tells|explained|explains|recalled|recalls|tweeted|posted|"
    r"exclaimed|joked|jokes|shouted|yelled|replied|continued|wondered)\b", re.IGNORECASE)
SPEAKER_PIECE_MAX_WORDS = 12
# A quotation closed and its speaker named after it: ' the fbi are ..., " hogg said.'
_QUOTATION_AND_SPEAKER = re.compile(
    r"[^\"“”]+[,.?!]\s*[\"”]\s*(?:" + _SPEAKER_AFTER_QUOTE.pattern + r"|(?:said|says|wrote|writes"
    r"|told|tells|added|adds)\b)", re.IGNORECASE)
# Where quote marks are spaced like words (Multi-News: 'filed. " we are ...'), Punkt leaves
# the next sentence's opening quote at the end of this one: '... filed. "'.
_TRAILING_QUOTE = re.compile(r"[.!?]\s+[\"“]$")


def _opening_quotes(paragraph: str, last_sentence: int) -> dict[int, bool] | None:
    """Each quote mark's position -> whether it opens a quotation.

    None when a quote is left open before the last sentence (``last_sentence`` is where
    it starts): a stray mark has thrown every later role. A quote opened in the last
    sentence and never closed is a text cut short (as Multi-News's are): the roles before
    it still hold.
    """
    roles: dict[int, bool] = {}
    inside = False
    for mark in QUOTE_MARK.finditer(paragraph):
        inside = opens_quotation(mark.group(), inside)
        roles[mark.start()] = inside
    last_mark = max(roles, default=0)
    # (the opener of the last sentence may still sit at the end of the one before it)
    if inside and last_mark < last_sentence and paragraph[last_mark + 1:last_sentence].strip():
        return None
    return roles


def _place_quotes(paragraph: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Give each opening quote to the sentence it opens; say which sentences start inside a
    quotation (the middle of a quote several sentences long)."""
    roles = _opening_quotes(paragraph, spans[-1][0]) if spans else None
    if roles is None:
        _give_stray_openers(paragraph, spans)
        return [False] * len(spans)
    for i in range(len(spans) - 1):
        start, end = spans[i]
        trailing = _TRAILING_QUOTE.search(paragraph, start, end)
        if trailing and roles[end - 1]:
            spans[i] = (start, trailing.start() + 1)
            spans[i + 1] = (end - 1, spans[i + 1][1])
    marks = sorted(roles)
    inside = []
    for start, _ in spans:
        before = bisect_left(marks, start)
        inside.append(before > 0 and roles[marks[before - 1]])
    return inside


def _give_stray_openers(paragraph: str, spans: list[tuple[int, int]]) -> None:
    """Where a stray mark has thrown the paragraph's roles, still give a trailing quote
    mark to the next sentence where each of the two is balanced only that way and the next
    reads as a quotation and its speaker: '... gun control reform. "' + 'we will not back
    down, " rove said.' (in Multi-News, one line an article, a single stray mark anywhere
    had left every such pair unshowable). Without a speaker after the quotation the mark
    may as well close one opened sentences before: '... before resuming operations. "' +
    'martin says the employee has been suspended ... "'."""
    for i in range(len(spans) - 1):
        start, end = spans[i]
        trailing = _TRAILING_QUOTE.search(paragraph, start, end)
        following = spans[i + 1]
        if (trailing and not balanced_quotes(paragraph[start:end])
                and balanced_quotes(paragraph[start:trailing.start() + 1])
                and not balanced_quotes(paragraph[following[0]:following[1]])
                and balanced_quotes(paragraph[end - 1:following[1]])
                and _QUOTATION_AND_SPEAKER.match(paragraph, end, following[1])):
            spans[i] = (start, trailing.start() + 1)
            spans[i + 1] = (end - 1, following[1])


def _continues(previous: str, piece: str) -> bool:
    """Whether Punkt cut one sentence in two between ``previous`` and ``piece``."""
    if _CONTINUATION.match(piece):
        return True
    # The patterns below are anchored at the end, which a regex search finds only by
    # scanning the whole text it is given: the last character says which one can match,
    # and each looks at a tail longer than anything it matches.
    last, tail = previous[-1:], previous[-40:]
    if last == ".":
        # ... and inside a bracket opened near the end: "(Proc. Natl. | Acad. Sci. USA)"
        return (bool(_TITLE_AT_END.search(tail)) or tail.rfind("(") > tail.rfind(")")
                or bool(_OF.match(piece)))
    if last == ")":
        return bool(_PARTY_TAG_AT_END.search(tail) and _GOES_ON.match(piece))
    if last == "!":
        return bool(_E_BANG_AT_END.search(tail)
                    or (_YAHOO_AT_END.search(tail) and _YAHOO_GOES_ON.match(piece)))
    if last in "\"”" and previous[:-1].rstrip()[-1:] in ("!", "?"):  # '? "' in Multi-News
        return bool(_SPEAKER_AFTER_QUOTE.match(piece)
                    and len(piece.split()) <= SPEAKER_PIECE_MAX_WORDS)
    return False


# A quotation several sentences long is one unit up to this many words. Apart, its
# sentences are never shown: the first leaves its quote mark open, the rest start inside the
# quotation and would read as the outlet's own words. Together they are well formed and
# carry their speaker ("“We will rebuild. ... Nobody should doubt it,” she said."). Before
# retraining, Multi-News val (first 1,000) / raw dev ROUGE-1/2 rose from 44.49/15.26 and
# 47.17/16.24 to 44.84/15.69 and 47.37/16.74 at 45 words, 44.94/15.85 and 47.34/16.70 at
# 60, 44.96/15.87 and 47.30/16.65 at 70 (docs/quality.md).
QUOTATION_MAX_WORDS = 60


def _join_quotations(paragraph: str, spans: list[tuple[int, int]], inside: list[bool]
                     ) -> tuple[list[tuple[int, int]], list[bool]]:
    """Each quotation several sentences long (a sentence followed by sentences that start
    inside a quotation) as one span where it runs to QUOTATION_MAX_WORDS or fewer."""
    joined: list[tuple[int, int]] = []
    joined_inside: list[bool] = []
    i = 0
    while i < len(spans):
        end = i + 1
        # only a sentence outside a quotation can open one: scanning from every sentence
        # inside a long quotation took quadratic time (20,000 of them: 12 s)
        if not inside[i]:
            while end < len(spans) and inside[end]:
                end += 1
        start_char, end_char = spans[i][0], spans[end - 1][1]
        if end > i + 1 and len(paragraph[start_char:end_char].split()) <= QUOTATION_MAX_WORDS:
            joined.append((start_char, end_char))
            joined_inside.append(False)
            i = end
            continue
        joined.append(spans[i])
        joined_inside.append(inside[i])
        i += 1
    return joined, joined_inside


# Punkt knows the ends of Latin-script sentences only: a Hindi "।", an Arabic "؟" or a
# Chinese "。" (no space after it) ends a sentence too.
_SCRIPT_END = re.compile(r"[।॥؟۔。！？][\"'”’)\]」』）»]*\s*")


def _script_ends(paragraph: str, spans: Iterable[tuple[int, int]]
                 ) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        cut = start
        for match in _SCRIPT_END.finditer(paragraph, start, end):
            if paragraph[cut:match.end()].strip() and match.end() < end:
                yield cut, match.end()
                cut = match.end()
        yield cut, end


def _punkt_spans(text: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """Sentence spans of well-formed text, and whether each starts inside a quotation."""
    spans: list[tuple[int, int]] = []
    inside: list[bool] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        local: list[tuple[int, int]] = []
        for start, end in _script_ends(paragraph, nupunkt.sent_spans(paragraph)):
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            span = (start + lead, start + lead + len(stripped))
            if local and _continues(paragraph[local[-1][0]:local[-1][1]], stripped):
                span = (local.pop()[0], span[1])
            local.append(span)
        local_inside = _place_quotes(paragraph, local)
        local, local_inside = _join_quotations(paragraph, local, local_inside)
        inside += local_inside
        spans += [(offset + start, offset + end) for start, end in local]
        offset += len(paragraph) + 2
    return spans, inside


def _furniture(text: str) -> bool:
    return len(text.split()) < MIN_WORDS or is_boilerplate(text) or is_data_box(text)


def segment(article: Article, article_index: int) -> list[Sentence]:
    """The article's sentences, in order, without boilerplate and fragments."""
    text = article.text
    if article.degraded:
        spans = _window_units(text)
        inside = [False] * len(spans)
    else:
        spans, inside = _punkt_spans(text)
    sentences: list[Sentence] = []
    text_end = len(text.rstrip())  # once: a slice of the rest per sentence is quadratic
    for k, (start, end) in enumerate(spans):
        sentence_text = text[start:end]
        if _furniture(sentence_text):
            # a photo credit or a label glued before the news: the sentence starts after it
            head = trim_span(sentence_text, first=not sentences)[0]
            if not head or _furniture(sentence_text[head:]):
                continue
            start, sentence_text = start + head, sentence_text[head:]
        sentences.append(
            Sentence(
                article_index=article_index,
                start=start,
                end=end,
                text=sentence_text,
                position=len(sentences),
                degraded=article.degraded,
                inside_quote=inside[k],
                ends_text=end >= text_end,
            )
        )
    return sentences
