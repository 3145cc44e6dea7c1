"""A headline for the story, made of the sources' words.

The best-supported article title: the one whose content words most other articles use,
and that agrees with the lede, shortened where needed (a site name after " | " or " - "
dropped; past ``MAX_WORDS``, cut at its first colon, dash or semicolon). A story without
titles gets the lede's core clause (``core_clause.py``), as does a "title" as long as a
sentence.
"""

from __future__ import annotations

import re

from newsweave.lede.core_clause import LONGEST, MAX_WORDS, MIN_WORDS, lede_clause
from newsweave.model import Article
from newsweave.text import content_stems

# A title is a headline only where another article's text says half of it or the lede
# says a quarter (support counts both).
MIN_SUPPORT = 0.25
# " | CNN", " - The Washington Post", " — Reuters": a site's name after its title.
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::)\s+[^|–—]{1,40}$")
_CLAUSE_BREAK = re.compile(r"\s*(?::|;|\s[–—]\s|\s-\s)\s*")


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
    # ... nor a line that leads into what follows ("Below is her opening statement:")
    titles = [(t, k) for t, k in titles
              if len(t.split()) >= MIN_WORDS and not (t.startswith("(") and t.endswith(")"))
              and not t.endswith(":")]
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


def headline(articles: list[Article], lede: str | None) -> str | None:
    """The story's headline, or None where there is neither a title nor a lede."""
    found = title_headline(articles, lede)
    if found:
        # a "title" that is a whole sentence (a page whose first line was its lede) is cut
        # as a lede is
        return _capitalized(lede_clause(found) if len(found.split()) > LONGEST else found)
    return _capitalized(lede_clause(lede)) if lede else None


def _capitalized(text: str) -> str:
    """A headline opens on a capital: "catholics should not try to convert jews" (a
    lower-cased corpus, a lede that opened on a dateline), not "iPhone" made "IPhone"."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return text[:1].upper() + text[1:] if first.islower() else text
