"""Quotation marks: which characters open and close a quotation, in every common style.

Curly double and single quotes, straight quotes, guillemets and doubled marks ('' ``) are
paired by their neighbours: a mark after a space opens, one before a space or punctuation
closes. A ’ or ' between letters is an apostrophe (don’t, Kim’s); a plural possessive
(players’) closes nothing when a later mark can close the quote instead. A quotation nested
inside another stays part of the outer one, and a quotation that runs on into the next
paragraph (news style: the next paragraph reopens it) is cut at the paragraph end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.text import paragraphs  # quote marks never pair across a paragraph

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘‹", "’›"
_MARKS = "“”„«»‘’‹›\"'"
_OPEN_BEFORE = " \t\n([{—–-/" + _MARKS
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-…" + _MARKS
_ANY_MARK = re.compile("[" + re.escape(_MARKS + "`") + "]")


@dataclass
class QuoteSpan:
    """Where one top-level quotation sits in a text."""

    open: int  # the opening mark
    close: int  # just past the closing mark (or the paragraph end when the quote runs on)
    start: int  # the quoted words
    end: int
    continued: bool = False  # runs on into the next paragraph, which reopens it


def _mark_spans(text: str, lo: int, hi: int, next_opens: bool) -> list[QuoteSpan]:
    """Top-level quotes in one paragraph. Straight marks open or close by their neighbours;
    a ’ or ' between letters is an apostrophe; a plural possessive (players’) closes nothing
    if a later mark can close the quote instead."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int, int]] = []  # kind ("d"/"s"), position, mark length
    i = lo
    for mark in _ANY_MARK.finditer(text, lo, hi):  # other characters change nothing
        if mark.start() < i:
            continue  # the second half of a doubled mark
        i = mark.start()
        ch, prev = text[i], text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        opens = prev in _OPEN_BEFORE and not nxt.isspace()
        closes = not prev.isspace() and nxt in _CLOSE_AFTER
        size = 2 if text[i:i + 2] in ("’’", "''", "‘‘", "``") else 1
        kind, action = "", ""
        if text[i:i + 2] in ("’’", "''") and any(k == "d" for k, _, _ in stack):
            kind, action = "d", "close"
        elif text[i:i + 2] in ("‘‘", "``") or ch in _OPEN_DOUBLE:
            kind, action = "d", "open"
        elif ch in _CLOSE_DOUBLE:
            kind, action = "d", "close"
        elif ch == '"':
            kind, action = "d", "close" if any(k == "d" for k, _, _ in stack) else "open"
        elif ch in _OPEN_SINGLE + "'" and opens and nxt.isalpha() and not prev.isalnum():
            kind, action = "s", "open"
        elif ch in _CLOSE_SINGLE + "'" and closes and any(k == "s" for k, _, _ in stack):
            possessive = prev == "s" and nxt == " " and re.search(
                r"\S[’'](?=[\s.,;:!?]|$)", text[i + 1:hi])
            kind, action = "s", "" if possessive else "close"
        if action == "open":
            stack.append((kind, i, size))
        elif action == "close" and any(k == kind for k, _, _ in stack):  # else a stray mark
            while True:
                top, pos, length = stack.pop()
                if top == kind:
                    break
            if not stack:
                spans.append(QuoteSpan(pos, i + size, pos + length, i))
        i += size
    if stack and next_opens:  # news style: a quote running on reopens each paragraph
        _, pos, length = stack[0]
        spans.append(QuoteSpan(pos, hi, pos + length, hi, continued=True))
    return spans


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteSpan(span.open, span.close, start, end, span.continued)


def find_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in a text, in order."""
    parts = paragraphs(text)
    spans: list[QuoteSpan] = []
    for k, (lo, hi) in enumerate(parts):
        following = text[parts[k + 1][0]] if k + 1 < len(parts) else ""
        spans += [_trim(text, s) for s in _mark_spans(text, lo, hi, following in "“‘\"'«„")]
    # at least two letters: "rock 'n' roll" has no quotation in it
    return [s for s in spans if len(re.findall(r"[^\W\d_]", text[s.start:s.end])) >= 2]
