"""Clean an article: drop the page furniture scraped along with the story.

Works on lines (paragraphs), because that is how the noise arrives: a caption, a promo,
a sidebar headline or a donation appeal is its own paragraph. Sentences are checked again
by :func:`is_boilerplate` after segmentation, for noise glued into a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsweave.model import Article

_NOISE_PATTERNS = [
    # captions and photo credits
    r"\bPhotograph:|\bPhoto(?:graph)?s? ?(?::|by\b|credit)|\(AP Photo|\bAP Photo/|Getty Images",
    r"\bImage (?:copyright|caption)|\bEPA-EFE\b|/Reuters\s*$|\bREUTERS/|\bFile photo\b",
    r"\bAFP via Getty|\bShutterstock\b|\(Photo:|\bVideo:|^Watch:|^WATCH:",
    # promos and navigation
    r"^(?:Read|READ) (?:more|More|MORE|a QuickTake|the full|our)\b|^Related:|^RELATED:|^See also\b",
    r"^(?:Sign up|Subscribe|Click here|Download|Listen|Follow us|Get the|Share this)\b",
    r"\bnewsletter\b|\bclick here\b|\bsubscribe (?:now|today|to)\b|^Advertisement\s*$",
    # donation appeals, paywalls, comment prompts
    r"\bour readers\b|\bpaywall\b|\bcontribut\w* whatever\b|\bSupport [A-Z][\w ]*(?:→|->)",
    r"^Payment options|\bcomments? before your comment\b|\b(?:Leave|Post) a comment\b",
    r"\bJoin the (?:conversation|discussion)\b|\bcommunity (?:guidelines|comments)\b",
    r"\bElections Toolbox\b|^Feeling powerless\b|\bsupport (?:our|independent) journalism\b",
    # author bios and credits
    r"\bfollow (?:him|her|them|us|me) on (?:twitter|Twitter|Facebook|Instagram)\b",
    r"@\w{2,}|\bcontributed (?:to )?this report\b|^(?:Reporting|Editing|Writing) by\b",
    r"^By [A-Z][a-z]+ [A-Z][a-z]+(?: and [A-Z][a-z]+ [A-Z][a-z]+)?\s*$",
    r"\bis a (?:staff|senior|contributing) (?:writer|reporter|editor)\b",
    # archive and crawl notices, legal footers
    r"\bAlexa Internet\b|\bWayback Machine\b|\bcrawl (?:data|of)\b|\bInternet Archive\b",
    r"\bAll rights reserved\b|\bCopyright \d{4}|©|\bThis material may not be published\b",
    r"\bcookies?\b.*\b(?:consent|policy|accept)\b|\bJavaScript\b|\bbrowser (?:does not|doesn't)\b",
    r"https?://|www\.\w",
]
_NOISE = re.compile("|".join(f"(?:{p})" for p in _NOISE_PATTERNS), re.IGNORECASE | re.MULTILINE)
_CASE_SENSITIVE_STARTS = re.compile(r"^(?:Read|READ) ")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?:\s|$)")
HEADING_MAX_WORDS = 20
# Longer lines are whole articles on one line (as in Multi-News): judged sentence by sentence.
PARAGRAPH_MAX_WORDS = 80


def is_boilerplate(text: str) -> bool:
    """True for captions, credits, promos, appeals, bios and notices: never summary material."""
    return bool(_NOISE.search(text)) or bool(_CASE_SENSITIVE_STARTS.match(text))


def is_heading(line: str) -> bool:
    """A short line with no closing punctuation: a title, section head or sidebar link."""
    return not _TERMINAL.search(line) and len(line.split()) <= HEADING_MAX_WORDS


def is_degraded(text: str) -> bool:
    """Text stripped of punctuation (and usually of case): no sentence boundaries to find.

    Such text still reports facts, so it is kept as a source, split into sentence-like units.
    """
    words = text.split()
    if len(words) < 60:
        return False
    ends = len(_SENTENCE_END.findall(text))
    return ends * 100 < len(words) * 0.5


def clean_article(article: Article) -> Article:
    """The article with boilerplate paragraphs removed and a title taken from its first heading.

    Paragraphs are re-joined with blank lines; every later offset points into this text.
    """
    degraded = is_degraded(article.text)
    if degraded:
        text = " ".join(article.text.split())
        return replace(article, text=text, degraded=True)
    kept: list[str] = []
    title = article.title
    for raw_line in article.text.splitlines():
        line = " ".join(raw_line.split())
        if not line:
            continue
        if is_heading(line):
            if title is None and not kept:
                title = line
            continue
        if len(line.split()) <= PARAGRAPH_MAX_WORDS and is_boilerplate(line):
            continue
        kept.append(line)
    return replace(article, text="\n\n".join(kept), title=title, degraded=False)
