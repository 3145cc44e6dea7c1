"""A sentence cut off by the end of its text, shortened to the clause it completed.

Multi-News cuts every article to a few hundred words, so most of its articles end in the
middle of a sentence: "President obama has said he wants to stop the n.s.a.'s collection
of every american's phone records, a". What comes before the last comma, semicolon,
bracket or dash is often a whole sentence: "President obama has said he wants to stop the
n.s.a.'s collection of every american's phone records". That much may be shown, marked
as shortened, where spaCy's parse of the cut-off sentence says that the clause is whole:
its main verb and that verb's subject lie before the cut, nothing before the cut hangs on
a word after it, and all that the cut takes away is optional: a clause added after a
comma, another verb's clause, an apposition ("... found elizabeth d. Sanders, 26, of
waverly | , sitting on a"). Not a list of names or things ("states including ohio |,
pennsylvania, ..."), nor a sentence that may end on whose words it gives ("...,
officials"): cut anywhere, it would give their account as the outlet's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from newsweave import spacy_model
from newsweave.model import Sentence
from newsweave.summarizer.readability import is_photo_caption
from newsweave.text import balanced_quotes, ends_as_sentence

MIN_CLAUSE_WORDS = 6
_BOUNDARIES = {",", ";", "(", "[", "—", "–", "-", "--"}
# A hyphen or an en dash with a word on each side joins them: "split 3-2", "co-published".
_JOINERS = {"-", "–"}
# Words a clause may be cut before without a mark: another verb's clause ("... waiting to
# cook dinner | when she heard"), never a condition or a limit ("... will resign | if").
# Not "as": "you now know exactly as much | as book readers do".
_CLAUSE_WORDS = {"and", "but", "when", "after", "while", "because", "where"}
# What a cut may never take away: a condition, an exception, a limit, a comparison.
_NEEDED_AFTER = {"if", "unless", "until", "till", "provided", "except", "only", "than",
                 "whether", "lest", "according"}
# What the cut may take away: dependents that add to a whole clause. Without a mark, not
# a relative clause: "... would not reimburse those veterans | who were paid less".
_OPTIONAL = {"advcl", "relcl", "appos", "parataxis", "npadvmod", "prep", "acl", "cc",
             "punct", "conj", "advmod", "mark"}
_OPTIONAL_UNMARKED = _OPTIONAL - {"relcl", "acl", "appos", "prep", "npadvmod"}
# A headline (lede.headline) may also leave off who did a thing and to whom ("A security
# robot was punched to the ground | by an allegedly drunken man") and what the parser
# could not place ("dep": "... needled reid over a super pac | — run by ...").
_OPTIONAL_IN_HEADLINE = _OPTIONAL | {"agent", "dative", "dep"}
# A list may go on after a comma: "The web ad uses quotes from media outlets including abc
# news | , the los angeles times, ...". The opener within this many characters of the cut.
_LIST_OPENER = re.compile(r"\b(?:including|such as|like|among them|among others|notably)\b"
                          r"[^,;:]*$", re.IGNORECASE)
LIST_REACH = 80
# A sentence with none of _BOUNDARIES (joiners aside) nor _CLAUSE_WORDS is not parsed.
_MAY_CUT = re.compile(
    r"[,;(\[—]|--|\s[-–]|[-–]\s|\b(?:" + "|".join(sorted(_CLAUSE_WORDS)) + r")\b", re.IGNORECASE)
_OPEN_ENDINGS = {"DET", "ADP", "SCONJ", "CCONJ", "AUX", "PART"}
_SPEECH_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes",
                 "asked", "asks", "explained", "explains", "tweeted", "noted", "notes"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_VERBS = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def load_parser() -> Any:
    """spaCy's tagger and parser, loaded once per process (1.4 s on a busy 2-core machine,
    about 100 MB); None where the model is not installed: then no cut-off sentence is
    shown, as before."""
    try:
        return spacy_model.load(exclude=["ner", "lemmatizer"])
    except (ImportError, OSError):
        return None


def shorten(sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` (trimmed), each that its article's text was cut off in shortened to
    its longest whole clause and marked ``cut_short``, where it has one. The parser runs on
    those sentences only, all at once (a parse takes about 7 ms alone, 4 in a pair)."""
    todo = [i for i, s in enumerate(sentences) if _cut_off(s)]
    parser = load_parser() if todo else None
    if parser is None:
        return sentences
    shortened = list(sentences)
    for i, doc in zip(todo, parser.pipe(sentences[i].text for i in todo), strict=True):
        end = _clause_end(doc)
        if end is not None:
            s = sentences[i]
            shortened[i] = replace(s, end=s.start + end, text=s.text[:end], cut_short=True)
    return shortened


def clause_end(text: str) -> int | None:
    """Where the longest whole clause of one cut-off ``text`` ends (a character offset), or
    None: ``shorten``'s test, for a single text."""
    parser = load_parser()
    if parser is None or len(text.split()) < MIN_CLAUSE_WORDS:
        return None
    return _clause_end(parser(text))


def ends_a_clause(doc: Any, cut: int) -> bool:
    """Is what comes before token ``cut`` of a parsed sentence a whole clause, any phrase
    after it left off? A headline's test: "President Obama publicly acknowledged for the
    first time on Friday | that United States military forces ..." is not one."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return (len(roots) == 1 and 0 < cut <= len(doc)
            and _whole_before(doc, cut, roots[0], _OPTIONAL_IN_HEADLINE)
            and not (cut < len(doc) and doc[cut].lower_ in _NEEDED_AFTER)
            and not _ends_open(doc, cut))


def cut_off_in(sentence: Sentence) -> bool:
    """The article's text was cut off inside the sentence: it ends the text, and not as a
    sentence ends (Multi-News cuts every article short; a feed may give only an opening)."""
    return sentence.ends_text and not sentence.degraded and not ends_as_sentence(sentence.text)


def _cut_off(sentence: Sentence) -> bool:
    """Cut off by the end of its text, with a place to cut it after MIN_CLAUSE_WORDS words
    (a third of Multi-News's cut sentences have none: they are not parsed)."""
    if not cut_off_in(sentence):
        return False
    words = sentence.text.split(maxsplit=MIN_CLAUSE_WORDS - 1)  # the last: all from the 6th
    return len(words) == MIN_CLAUSE_WORDS and bool(_MAY_CUT.search(words[-1]))


def _clause_end(doc: Any) -> int | None:
    text = doc.text
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None  # the parser split it: no one clause to keep
    root = roots[0]
    cuts = [t.i for t in doc if t.i > root.i and (_marks(t) or t.lower_ in _CLAUSE_WORDS)]
    marked = [i for i in cuts if _marks(doc[i])]
    if marked and _may_say_whose(doc[marked[-1] + 1:]):
        return None  # "..., officials": whatever comes before is someone's account
    for cut in reversed(cuts):
        if cut < MIN_CLAUSE_WORDS:
            return None
        if _cut_leaves_whole(doc, cut, root):
            clause = text[:doc[cut].idx].rstrip(" ,;:—–-")
            if (balanced_quotes(clause) and _balanced_brackets(clause)
                    and not (_marks(doc[cut]) and _LIST_OPENER.search(clause[-LIST_REACH:]))
                    and not is_photo_caption(clause + ".")):
                return len(clause)
    return None


def _marks(token: Any) -> bool:
    """A boundary a clause may end before; not a joiner inside a word or a score."""
    if token.text not in _BOUNDARIES:
        return False
    joined = (token.text in _JOINERS and not token.whitespace_ and token.i > 0
              and not token.doc[token.i - 1].whitespace_)
    return not joined


def _cut_leaves_whole(doc: Any, cut: int, root: Any) -> bool:
    """Is what comes before ``cut`` (a token's index) a whole clause, by the parse?"""
    marked = _marks(doc[cut])
    tail = doc[cut + 1:] if marked else doc[cut:]
    return (_whole_before(doc, cut, root, _OPTIONAL if marked else _OPTIONAL_UNMARKED)
            and not _list_goes_on(doc, cut)
            and not (len(tail) and tail[0].lower_ in _NEEDED_AFTER)
            and (marked or any(t.pos_ in _VERBS for t in tail))
            and not _ends_open(doc, cut)
            and not (len(tail) and tail[0].lower_ == "but" and _negated(doc[:cut]))
            and not _joins_nothing(doc, cut))


def _whole_before(doc: Any, cut: int, root: Any, optional: set[str]) -> bool:
    if root.pos_ not in _VERBS or not any(
            c.dep_ in _SUBJECTS and c.i < cut for c in root.children):
        return False
    if any(c.dep_ == "mark" for c in root.children):
        return False  # the parse's main clause is a subordinate one: "When the hearing ..."
    for token in doc[:cut]:
        if token.head.i >= cut:
            return False  # it hangs on a word the cut takes away
    for token in doc[cut:]:
        if token.head.i < cut:
            if token.dep_ not in optional:
                return False
            if token.dep_ == "conj" and token.head.pos_ not in _VERBS:
                return False  # a list of names or things, cut short
    return True


def _ends_open(doc: Any, cut: int) -> bool:
    """The clause would end on a word that needs more: "Pichai said in the email that",
    "... on the president, gingrich said | , "if you had said to him ..."."""
    last = doc[cut - 1]
    if last.pos_ in _OPEN_ENDINGS or last.lower_ == "that":
        return True
    return last.lower_ in _SPEECH_VERBS and any(t.is_quote for t in doc[cut:cut + 3])


def _negated(clause: Any) -> bool:
    """A "but" after it may correct it: "Officials claimed he wasn't wearing shoes | , but a
    type of rubber slipper"."""
    return any(t.dep_ == "neg" for t in clause)


def _joins_nothing(doc: Any, cut: int) -> bool:
    """An "and" before the cut joins what comes after it: "Anderson took a few steps into
    classroom b1, and, without saying a word | , pulled out a revolver"."""
    return any(t.dep_ == "cc" and not any(c.dep_ == "conj" and t.i < c.i < cut
                                          for c in t.head.children)
               for t in doc[:cut])


def _balanced_brackets(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def _list_goes_on(doc: Any, cut: int) -> bool:
    """A list of names or things is under way at the cut: "... eloxatin7, gemzar7 | , and",
    "... abc news, the los angeles times, msnbc's ed schultz | ,"."""
    before = doc[cut - 1]
    if before.dep_ == "conj" and before.head.pos_ not in _VERBS:
        return True
    return any(t.dep_ == "cc" and t.head.i < cut and t.head.pos_ not in _VERBS
               for t in doc[cut:])


def _may_say_whose(tail: Any) -> bool:
    """What follows the last comma may be whose words the sentence gives: "..., the
    researchers", "..., u.s. Fish and wildlife service" (a few words with no verb and no
    preposition, ending the text)."""
    words = [t for t in tail if not t.is_punct]
    return (0 < len(words) <= 6 and words[0].pos_ != "CCONJ"
            and not any(t.pos_ in _VERBS | {"ADP", "SCONJ"} for t in words))
