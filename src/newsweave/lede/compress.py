"""A long clause made headline-short by leaving out its subordinate parts, by spaCy's parse.

Where ``headline.lede_clause`` finds no place to cut a long lede ("A man who was freed on
a technicality from a more than 300-year prison sentence was put back behind bars Friday
night in El Paso County": 26 words, no phrase ends with a verb before it), the clause's
core is still there, its subject, verb and object, wrapped in parts a headline does
without. Those are left out whole, largest first, until the clause is short enough: a
relative clause ("who was freed on ..."), an appositive between commas ("Barry Sherman,
the billionaire founder of ..., and his wife"), a participle's phrase ("A man standing
in a crowd of more than 100 people ..."), an adverbial clause after a comma ("Kellogg
Co., citing the deterioration of ..., said Tuesday ..."). Only words of the lede remain,
in its order.

A parse can be wrong, so a part is left out only where what follows it attaches to the
clause's verb (the parse's "A catholic priest [who ... for the dutch team] before its
world cup final" would read as if the bishop suspended him before the final), and the
result must keep the verb's subject, every word's head, and balanced quotes and
brackets; otherwise None, and the caller keeps the long clause.
"""

from __future__ import annotations

import re
from typing import Any

from newsweave.text import balanced_quotes

# The parts left out, in rounds: asides first, then participles' phrases, then adverbial
# clauses (which may carry the news's circumstances).
_ROUNDS = (("appos", "relcl"), ("acl",), ("advcl",))
_RELATIVE_OPENERS = frozenset({"who", "whom", "whose", "which", "that", "where"})
_PARTICIPLES = frozenset({"VBN", "VBG"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_QUOTES = frozenset("\"“”'‘’")
_DASHES = frozenset({"--", "—", "–"})
_ASIDE_MARKS = frozenset({","}) | _DASHES
_SPACE_BEFORE_MARK = re.compile(r"\s[.,;:]")
# What may follow a part left out, attached to the verb: its auxiliaries, adverbs and
# phrases; not a clause of its own ("... a tough life [made worse by school] bullies",
# where the parse read "bullies" as a verb).
_ON_THE_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "prep", "npadvmod", "agent",
                          "dobj", "attr", "acomp", "dative", "prt", "cc"})


def without_subordinates(doc: Any, limit: int, longest: int) -> str | None:
    """The parsed text (spaCy's ``Doc``) with its subordinate parts left out until it has
    at most ``limit`` words; None where the parse gives no sure way to at most ``longest``
    words."""
    text = doc.text
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root, keep = roots[0], [True] * len(doc)
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    if not subjects or (len(subjects) > 1 and not any(
            c.dep_ == "cc" for s in subjects for c in s.children)):
        return None  # two subjects not joined by "and": the parse is not sure of the clause
    for kinds in _ROUNDS:
        for part in sorted((t for t in doc if t.dep_ in kinds and t.i != root.i),
                           key=lambda t: -len(list(t.subtree))):
            if _words(doc, keep) <= limit:
                break
            if _may_leave_out(doc, part, root, keep):
                _leave_out(doc, part, root, keep)
    if any(keep[t.i] and not keep[t.head.i] for t in doc) or not any(
            keep[c.i] and c.dep_ in _SUBJECTS for c in root.children):
        return None
    shortened = _joined(doc, keep, text).strip(",;:—–- ")
    words = len(shortened.split())
    if not 3 <= words <= longest or words >= len(text.split()) or not _balanced(shortened):
        return None
    return shortened


def _words(doc: Any, keep: list[bool]) -> int:
    return sum(1 for t in doc if keep[t.i] and not t.is_punct)


def _may_leave_out(doc: Any, part: Any, root: Any, keep: list[bool]) -> bool:
    subtree = list(part.subtree)
    start, end = subtree[0].i, subtree[-1].i
    if (len(subtree) != end - start + 1 or not any(keep[start:end + 1])
            or start <= root.i <= end
            or any(t.dep_ in _SUBJECTS and t.head.i == root.i for t in subtree)):
        return False
    before = doc[start - 1].text if start else ""
    after = doc[end + 1].text if end + 1 < len(doc) else ""
    if before in _QUOTES or after in _QUOTES:
        return False
    if part.dep_ == "relcl" and doc[start].lower_ not in _RELATIVE_OPENERS:
        return False
    if part.dep_ == "acl" and part.tag_ not in _PARTICIPLES:
        return False
    if part.dep_ in ("appos", "advcl") and start and before != ",":
        return False
    if part.dep_ == "appos" and (after != "," or any(t.dep_ == "cc" for t in subtree)):
        return False
    following = next((t for t in doc[end + 1:] if keep[t.i] and t.text != ","), None)
    if following is not None and following.text in _DASHES and before not in _DASHES:
        return False  # a dash left to open nothing: "... ranked in the study -- to produce"
    # (spaCy makes a new Token object on each access: tokens compare by index)
    return following is None or following.is_punct or following.i == root.i or (
        following.head.i == root.i and following.dep_ in _ON_THE_VERB) or (
        part.dep_ == "appos" and following.dep_ == "cc")


def _leave_out(doc: Any, part: Any, root: Any, keep: list[bool]) -> None:
    subtree = list(part.subtree)
    start, end = subtree[0].i, subtree[-1].i
    keep[start:end + 1] = [False] * (end - start + 1)
    opened = start > 0 and doc[start - 1].text in _ASIDE_MARKS
    if opened:
        keep[start - 1] = False
        # "one percent of all the world's wood — totaling 17.8 million cubic yards — is
        # used ...": the dash that closes the aside goes with it
        if doc[start - 1].text in _DASHES and end + 1 < len(doc) and (
                doc[end + 1].text == doc[start - 1].text):
            keep[end + 1] = False
    if end + 1 < len(doc) and doc[end + 1].text == ",":
        # "To entomb the wreckage of chernobyl, the site of ..., a metal arch ...": the
        # comma closing an aside outside the subject still ends the opening phrase
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        in_subject = subject is not None and (
            subject.left_edge.i <= start and end <= subject.right_edge.i)
        # (a part with no mark before it leaves the comma to the aside around it: "pichai,
        # speaking at an event for girls [happening at google's campus today], emphasized")
        if start == 0 or (opened and (in_subject or part.dep_ != "appos")):
            keep[end + 1] = False


def _joined(doc: Any, keep: list[bool], text: str) -> str:
    """The kept words, a space between two where the text had any between them."""
    kept = [t for t in doc if keep[t.i]]
    if not kept:
        return ""
    out = [kept[0].text]
    for left, right in zip(kept, kept[1:], strict=False):
        gap = text[left.idx + len(left.text):right.idx]
        out.append((" " if any(c.isspace() for c in gap) else "") + right.text)
    return "".join(out)


def _balanced(text: str) -> bool:
    return (balanced_quotes(text) and text.count("(") == text.count(")")
            and not _SPACE_BEFORE_MARK.search(text))
