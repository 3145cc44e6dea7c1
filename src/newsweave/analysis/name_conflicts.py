"""Where outlets disagree on who or where: one fact told with a different person or place.

Precision comes first, as for figures (:mod:`.conflicts`). Two ways to find the fact:

* slot: two outlets' sentences that are one sentence lightly reworded (most of their words
  in order) and differ in one run of capitalised words: "The ferry's captain, Tomas Brandt,
  was pulled from the water" / "The ferry's captain, Erik Solberg, was pulled ...". After
  "in", "near", "on" ... the run is a place, otherwise a name.
* role: two outlets introduce different people in the same role of two words or more
  ("The plant manager, Victor Hale," / "Plant manager Dennis Roper").

Either way, the two versions conflict only if neither could be the other ("Sandra J. Kim"
and "Sandra Kim", "Kim Jong-un" and "Kim Jong Un", "Gadhafi" and "Qaddafi" can), and neither
outlet names the other's version anywhere: an article that names both Dunmore and Hallam
County knows both are true. Names right after "told" or "according to" are who an outlet
spoke to, and may all be true.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from newsweave.analysis.conflict_versions import only_article
from newsweave.analysis.context import content_words
from newsweave.analysis.names import NOT_NAME, TITLES, bare, build_index, places
from newsweave.analysis.timeline import MONTHS, WEEKDAYS, published_date
from newsweave.model import Article, Sentence

# Two sentences tell one fact when they share this many content words (names aside), this
# share of them, and this share of the shorter sentence's words in order outside the slot.
MIN_SHARED = 2
MIN_JACCARD = 0.3
MIN_ALIGNED = 0.6
MIN_ROLE_WORDS = 2  # "manager" alone could be anyone's; "plant manager" is one person
ROLE_WINDOW_DAYS = 7  # a role changes hands over time: compare outlets published close together
# Offices held by one person per country and term, and roles held by many at once: two
# outlets naming two prime ministers or two board members are almost always both right.
_SHARED_ROLES = frozenset("""president minister prime secretary senator governor mayor
    chancellor premier ambassador king queen pope prince princess speaker leader chairman
    chairwoman chair representative congressman congresswoman judge justice commissioner
    member members deputy vice former late spokesman spokeswoman spokesperson professor
    analyst economist lawyer attorney official officer researcher expert general""".split())
# Two spellings of one name (Gadhafi, Qaddafi; Muammar, Moammar) are alike and as long;
# Vermeer and Vermeulen are two names.
SPELLING_VARIANT = 0.7
_LOCATIVE = frozenset("in at near on off from outside inside across into to toward towards "
                      "within around".split())
# Who an outlet spoke to, or which outlet reported: different names that are all true.
_SOURCE_CUE = re.compile(r"(?:\btold|\btells|\baccording to|\binterview with|\bspoke to|"
                         r"\bspoke with|\bspeaking to|\breported by|\bwrote in)\s+(?:the\s+)?$",
                         re.IGNORECASE)
_INDEFINITE = re.compile(r",\s+(?:a|an|one|another)\s")
# "John Shaw, the executive director of the local Republican Party": whose role, named
_OF_WHOM = re.compile(r",\s+(?:the|its|his|her|their)\s+(?:[\w’'\-]+\s+){0,3}?"
                      r"[\w’'\-]+\s+(?:of|at|for|with)\s")
_WORD = re.compile(r"[^\W_][\w’'\-.]*[^\W_.]|[^\W_]")
_CALENDAR = frozenset(WEEKDAYS + MONTHS)


class Version(NamedTuple):
    """One outlet's version: the name as written, in which sentence, where."""

    sentence: Sentence
    value: str
    start: int  # offsets in the article text
    end: int


class NameConflict(NamedTuple):
    kind: str  # "name" or "place"
    measure: str  # what the name is of: the slot's context or the role
    first: Version
    second: Version


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _key(word: str) -> str:
    return re.sub(r"[’']s$", "", word).lower()


@lru_cache(maxsize=4096)  # read once per pair of outlets, and per outlet's source name
def name_tokens(name: str) -> frozenset[str]:
    """A name as a set of comparable words: accents, dots, hyphens, titles and case aside."""
    plain = re.sub(r"[’']s\b|\.", "", name.lower())  # "A.G.'s" is "AG"; before accents go
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z]+", plain)
    return frozenset(w for w in words if w not in TITLES or len(words) == 1)


@lru_cache(maxsize=4096)
def could_be_same(a: str, b: str) -> bool:
    """Whether two names may name one person or place: one contains the other, or they are
    the same words spelled two ways."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta <= tb or tb <= ta:
        return True
    if len(ta) != len(tb):
        return False
    left = sorted(ta - tb)
    right = sorted(tb - ta)
    return all(any(abs(len(x) - len(y)) <= 1 and SequenceMatcher(None, x, y).ratio()
                   >= SPELLING_VARIANT for y in right) for x in left)


def _named_words(article: Article) -> frozenset[str]:
    """Every word an article writes with a capital, as :func:`name_tokens` compares them."""
    return name_tokens(" ".join(re.findall(r"\b[A-Z][\w’'\-]*", article.text)))


def _knows(named: frozenset[str], value: str, other: str) -> bool:
    """Whether an article (its ``named`` words) names what sets ``value`` apart from ``other``."""
    distinct = name_tokens(value) - name_tokens(other)
    return bool(distinct) and distinct <= named


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and _key(word) not in _CALENDAR


def _run(text: str, words: list[re.Match[str]], lo: int, hi: int) -> tuple[int, int]:
    """Widen a slot to the whole run of capitalised words around it ("Paul" -> "Paul Avery"),
    never over punctuation, nor to the sentence's first word, whose capital says nothing."""
    def joined(k: int) -> bool:  # words k-1 and k are only a space apart
        return text[words[k - 1].end():words[k].start()] == " "
    while lo > 1 and _capitalised(words[lo - 1].group()) and joined(lo):
        lo -= 1
    while hi < len(words) and _capitalised(words[hi].group()) and joined(hi):
        hi += 1
    return lo, hi


def _capital_end(words: list[re.Match[str]], lo: int, hi: int) -> int:
    """Where the capitalised words opening an edit end: "Rajah, slipped out" -> "Rajah"."""
    end = lo
    while end < hi and words[end].group()[:1].isupper():
        end += 1
    return end


def _differs(a: list[re.Match[str]], b: list[re.Match[str]]) -> bool:
    """Whether an edit between two sentences changes a name, or a day both of them give (a day
    only one gives, "escaped late on Friday", changes nothing)."""
    days_a, days_b = ([_key(w.group()) in _CALENDAR for w in side if w.group()[:1].isupper()]
                      for side in (a, b))
    return not all(days_a + days_b) or (any(days_a) and any(days_b))


def _name_slot(words: list[re.Match[str]], lo: int, hi: int) -> bool:
    names = [w.group() for w in words[lo:hi]]
    return lo > 0 and bool(names) and all(_capitalised(w) for w in names) and any(
        bare(w) not in TITLES | NOT_NAME for w in names)


_Slot = tuple[str, str, tuple[int, int], tuple[int, int]]  # kind, measure, where in a, in b


def _slots(a: str, b: str) -> list[_Slot]:
    """The name slots in which two sentences differ, with where each sits in its sentence."""
    wa, wb = _words(a), _words(b)
    keys_a, keys_b = [_key(w.group()) for w in wa], [_key(w.group()) for w in wb]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    matched = {m.a + k for m in matcher.get_matching_blocks() for k in range(m.size)}
    differences = [op for op in matcher.get_opcodes() if op[0] != "equal" and _differs(
        wa[max(1, op[1]):op[2]], wb[max(1, op[3]):op[4]])]
    if len(differences) != 1:
        return []  # another name or day differs too: another meeting, another study
    found = []
    for tag, i1, i2, j1, j2 in differences:
        i2, j2 = _capital_end(wa, i1, i2), _capital_end(wb, j1, j2)
        if tag != "replace" or not (_name_slot(wa, i1, i2) and _name_slot(wb, j1, j2)):
            continue
        i1, i2 = _run(a, wa, i1, i2)
        j1, j2 = _run(b, wb, j1, j2)
        if i1 == 0 or j1 == 0 or keys_a[i1 - 1] != keys_b[j1 - 1]:
            continue  # the word before the slot says what it is: "captain", "near"
        outside = len(matched - set(range(i1, i2)))
        if outside < MIN_ALIGNED * min(len(wa) - (i2 - i1), len(wb) - (j2 - j1)):
            continue
        if _SOURCE_CUE.search(a[:wa[i1].start()]) or _SOURCE_CUE.search(b[:wb[j1].start()]):
            continue
        kind = "place" if keys_a[i1 - 1] in _LOCATIVE and keys_b[j1 - 1] in _LOCATIVE else "name"
        measure = " ".join(w.group() for w in wa[max(0, i1 - 3):i1]).strip(" ,")
        found.append((kind, measure, (wa[i1].start(), wa[i2 - 1].end()),
                      (wb[j1].start(), wb[j2 - 1].end())))
    return found


def _version(s: Sentence, span: tuple[int, int]) -> Version:
    start, end = span
    return Version(s, s.text[start:end], s.start + start, s.start + end)


def _slot_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[NameConflict]:
    # Sentences are compared by text, each pair of texts once: 10,000 outlets repeating one
    # wire sentence are one text, and identical texts have no slot that differs.
    telling: dict[str, list[tuple[int, Sentence]]] = {}  # text -> (order, sentence) giving it
    for order, s in enumerate(s for s in sentences if not s.degraded):
        telling.setdefault(s.text, []).append((order, s))
    texts = list(telling)
    alone = [only_article(telling[t]) for t in texts]
    words = [content_words(t, fold=False) for t in texts]
    # word -> the texts using it, by the article alone giving them (None: several), so only
    # pairs that share words, and not one article's own, are ever compared
    having: dict[str, dict[int | None, list[int]]] = {}
    for k, used in enumerate(words):
        for word in used:
            having.setdefault(word, {}).setdefault(alone[k], []).append(k)
    found: list[tuple[int, int, NameConflict]] = []
    for x, ca in enumerate(words):
        shared = Counter(y for word in ca for article, using in having[word].items()
                         if article is None or article != alone[x] for y in using if y > x)
        for y, count in shared.items():
            cb = words[y]
            if count < MIN_SHARED or count / len(ca | cb) < MIN_JACCARD:
                continue
            found += _pair_conflicts(telling[texts[x]], telling[texts[y]])
    # In the order the sentences come: the earlier one first
    return [conflict for _, _, conflict in sorted(found, key=lambda f: (f[0], f[1]))]


def _pair_conflicts(these: list[tuple[int, Sentence]], those: list[tuple[int, Sentence]]
                    ) -> list[tuple[int, int, NameConflict]]:
    """Each slot in which two texts differ, for every pair of outlets giving them (the
    earlier sentence first)."""
    a_text, b_text = these[0][1].text, those[0][1].text
    slots = {True: _slots(a_text, b_text)}
    if those[0][0] < these[-1][0]:  # some outlet gives the second text first
        slots[False] = _slots(b_text, a_text)
    if not any(slots.values()):
        return []
    found = []
    for pa, a in these:
        for pb, b in those:
            if a.article_index != b.article_index:
                first, second = (a, b) if pa < pb else (b, a)
                found += [(min(pa, pb), max(pa, pb),
                           NameConflict(kind, measure, _version(first, sa), _version(second, sb)))
                          for kind, measure, sa, sb in slots[pa < pb]]
    return found


def _role_conflicts(articles: list[Article], sentences: list[Sentence]) -> list[NameConflict]:
    """Different people introduced in the same role by two outlets, each naming one."""
    story_places = places([a.text for a in articles])
    by_role: dict[frozenset[str], dict[int, set[tuple[str, int]]]] = {}
    for k, article in enumerate(articles):
        if article.degraded or published_date(article) is None:  # undated: never compared
            continue
        for role, name, start in build_index(article.text, story_places).roles:
            if len(role) >= MIN_ROLE_WORDS and not role & _SHARED_ROLES:
                by_role.setdefault(role, {}).setdefault(k, set()).add((name, start))
    in_article: dict[int, list[Sentence]] = {}
    for s in sentences:
        in_article.setdefault(s.article_index, []).append(s)
    found = []
    for role, outlets in by_role.items():
        named = {k: next(iter(v)) for k, v in outlets.items() if len({n for n, _ in v}) == 1}
        versions = {k: v for k, (name, at) in named.items()
                    if (v := _role_version(in_article.get(k, []), name, at))}
        by_name: dict[str, list[int]] = {}  # outlets naming one person are never compared:
        for k in sorted(versions):  # 10,000 outlets naming one plant manager agree
            by_name.setdefault(versions[k].value, []).append(k)
        groups = list(by_name.items())
        pairs = sorted((min(ka, kb), max(ka, kb)) for x, (na, these) in enumerate(groups)
                       for nb, those in groups[x + 1:] if not could_be_same(na, nb)
                       or not could_be_same(nb, na) for ka in these for kb in those)
        found += [NameConflict("name", _role_label(versions[ka].sentence.text, role),
                               versions[ka], versions[kb]) for ka, kb in pairs
                  if _close_in_time(articles[ka], articles[kb])]
    return found


def _role_label(text: str, role: frozenset[str]) -> str:
    """The role's words in the order the sentence gives them: "plant manager"."""
    words = [w for w in re.findall(r"[\w’'\-.]+", text) if bare(w) in role]
    return " ".join(dict.fromkeys(w.lower() for w in words)) or " ".join(sorted(role))


def _close_in_time(a: Article, b: Article) -> bool:
    """Both dated, and within a week: undated, the role may have changed hands between them."""
    da, db = published_date(a), published_date(b)
    return da is not None and db is not None and abs((da - db).days) <= ROLE_WINDOW_DAYS


def _role_version(sentences: list[Sentence], name: str, at: int) -> Version | None:
    """The sentence (of an article's ``sentences``) introducing ``name`` in its role, unless
    the role is one of many ("Zhang Xiaojin, a political scientist")."""
    for s in sentences:
        if s.start <= at < s.end:
            offset = s.text.find(name, at - s.start)
            after = s.text[offset + len(name):]
            if offset < 0 or _INDEFINITE.match(after) or _OF_WHOM.match(after) or re.search(
                    r"\b(?:a|an|one|another)\s+(?:[\w’'\-]+\s+){0,4}$", s.text[:offset]):
                return None
            return Version(s, name, s.start + offset, s.start + offset + len(name))
    return None


def find_name_conflicts(articles: list[Article], sentences: list[Sentence]
                        ) -> list[NameConflict]:
    """Every pair of outlets that name a different person or place for one fact."""
    sources = {name_tokens(a.source or "") for a in articles} - {frozenset()}
    outlet: dict[str, bool] = {}  # per name: whether it names an outlet ("the Harbour Herald")
    named: dict[int, frozenset[str]] = {}  # per article, read once and only if needed
    out = []
    for conflict in _slot_conflicts(articles, sentences) + _role_conflicts(articles, sentences):
        a, b = conflict.first, conflict.second
        if could_be_same(a.value, b.value):
            continue
        ia, ib = a.sentence.article_index, b.sentence.article_index
        for k in (ia, ib):
            if k not in named:
                named[k] = _named_words(articles[k])
        if _knows(named[ib], a.value, b.value) or _knows(named[ia], b.value, a.value):
            continue
        for v in (a, b):
            if v.value not in outlet:
                tokens = name_tokens(v.value)
                outlet[v.value] = bool(tokens) and any(tokens <= src for src in sources)
        if outlet[a.value] or outlet[b.value]:
            continue  # "told the Harbour Herald": an outlet, not the fact
        out.append(conflict)
    return out
