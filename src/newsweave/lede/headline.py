"""A headline for the story, made of the sources' words.

The best-supported article title: the one whose content words most other articles use,
and that agrees with the lede, shortened where needed (a site name after " | " or " - "
dropped; past ``MAX_WORDS``, cut at its first colon, dash or semicolon). A story without
titles gets the lede's core clause: the lede without its attribution ("..., police
said", or ", Det. Joe Harris told NBC News, ..." inside it), cut where a clause ends, or
where a phrase begins ("... will be debated by the city commission | at a special
meeting Tuesday night"), so that it stays a headline's length.
"""

from __future__ import annotations

import re

from newsweave.model import Article
from newsweave.text import content_stems

MAX_WORDS = 14
MIN_WORDS = 3
# A title is a headline only where another article's text says half of it or the lede
# says a quarter (support counts both).
MIN_SUPPORT = 0.25
# " | CNN", " - The Washington Post", " — Reuters": a site's name after its title.
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::)\s+[^|–—]{1,40}$")
_CLAUSE_BREAK = re.compile(r"\s*(?::|;|\s[–—]\s|\s-\s)\s*")
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the |a |an )?[\w.'’ -]{1,40}?\s+)?(?:said|says|reported|reports|told [\w ]{1,30}|"
    r"announced|according to [^,]{1,60})\s*[.!]?$|,\s+according to [^,]{1,80}[.!]?$"
)
_LATER_CLAUSE = re.compile(r",\s+(?:who|which|where|as|after|while|when|but|and|saying)\s"
                           r"|\s(?:that|when|after|in what|while|because)\s|\s[–—]\s|;\s")
# "The suspects are still on the loose, Det. Joe Harris ... told NBC News Friday, a week
# after ...": the news is before the speaker.
_MID_ATTRIBUTION = re.compile(r",\s+(?:[^,]{1,120}?\s)?(?:said|says|told|according to)\b")
# Where a long clause can still end: before a phrase of place, time or topic; failing
# that, before an aside, a "to"/"by" phrase or a comma.
_PHRASE = re.compile(r"\s(?:at|on|in|about|for|with|from|during|over|amid|near|into)\s")
_LAST_RESORT = re.compile(r"\s(?:by|to|and|as|using|than)\s|\s\(|,\s")
# A cut after one of these leaves the clause hanging: "... he is surprised by what's",
# "... the tapered 310m glass tower next".
_DANGLING = frozenset(
    "a an the to of and or but by as than that which who what what's whose is are was were "
    "be been being has have had will would can could should may might must not his her "
    "their its our my your next according due prior close such rather other".split())
LONGEST = MAX_WORDS + 6
SHORTEST = MIN_WORDS + 3


def shortened(title: str) -> str:
    text = " ".join(title.split())
    while (shorter := _SITE_SUFFIX.sub("", text)) != text and len(shorter.split()) >= MIN_WORDS:
        text = shorter
    if len(text.split()) > MAX_WORDS:
        parts = [p for p in _CLAUSE_BREAK.split(text) if len(p.split()) >= MIN_WORDS]
        if parts:
            text = parts[0]
    return text.rstrip(" .")


def _agreement(stems: set[str], other: set[str]) -> float:
    return len(stems & other) / max(len(stems), 1)


def title_headline(articles: list[Article], lede: str | None) -> str | None:
    """The best-supported title; None where no title is backed by another article or by
    the lede. A scraped page's stray line ("Team Rickshaw 2018", a sidebar promo's heading
    read as the article's title) is said by no other article and not by the lede."""
    titles = [(shortened(a.title), k) for k, a in enumerate(articles) if a.title]
    # "(Metropolitan Police Department)": a credit or aside read as a heading, no title
    titles = [(t, k) for t, k in titles
              if len(t.split()) >= MIN_WORDS and not (t.startswith("(") and t.endswith(")"))]
    if not titles:
        return None
    bodies = [set(content_stems(a.text)) for a in articles]
    lede_stems = set(content_stems(lede)) if lede else set()

    def support(item: tuple[str, int]) -> tuple[float, int]:
        stems = set(content_stems(item[0]))
        backing = sum(_agreement(stems, body) >= 0.5 for k, body in enumerate(bodies)
                      if k != item[1])
        return backing + _agreement(stems, lede_stems), -len(item[0].split())

    supports = {title: support(title) for title in titles}
    lone = len(articles) == 1
    backed = [t for t in titles if lone or supports[t][0] >= MIN_SUPPORT]
    return max(backed, key=supports.__getitem__)[0] if backed else None


def _words_before(text: str, at: int) -> int:
    return len(text[:at].split())


def lede_clause(lede: str) -> str:
    """The lede's core clause: its attribution cut off, and a long sentence cut where a
    clause or, failing that, a phrase ends, never mid-phrase."""
    text = _ATTRIBUTION.sub("", " ".join(lede.split())).rstrip(" .!")
    speaker = next((m.start() for m in _MID_ATTRIBUTION.finditer(text)
                    if _words_before(text, m.start()) >= SHORTEST), None)
    if speaker is not None:
        text = text[:speaker]
    if len(text.split()) > LONGEST:
        cut = next((m.start() for m in _LATER_CLAUSE.finditer(text)
                    if _words_before(text, m.start()) >= SHORTEST), None)
        if cut is not None:
            text = text[:cut]
    for boundary in (_PHRASE, _LAST_RESORT):
        if len(text.split()) > LONGEST:
            # A cut keeps at least half the clause: "A man who was beaten unconscious" is
            # not the news of a 22-word lede; the whole sentence is better than that.
            shortest = max(SHORTEST, len(text.split()) // 2)
            ends = [m.start() for m in boundary.finditer(text)
                    if shortest <= _words_before(text, m.start()) <= LONGEST
                    and text[:m.start()].split()[-1].lower().strip("\"“”'’") not in _DANGLING]
            if ends:
                text = text[:ends[-1]]
    return text.rstrip(" ,;:")


def headline(articles: list[Article], lede: str | None) -> str | None:
    """The story's headline, or None where there is neither a title nor a lede."""
    found = title_headline(articles, lede)
    if found:
        return found
    return lede_clause(lede) if lede else None
