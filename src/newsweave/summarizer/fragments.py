"""Verbless fragments: lines that read as sentences but state nothing.

News pages break lists, speeches and captions into lines that end with a full stop but
have no verb of their own: "Parts of the coast still under water.", "Justice for those
who killed them.", "Background on Tuesday's leadership transition in Qatar ...". Shown
in a summary they read as garbage, and out of their list nobody knows what they answer.

A sentence is a fragment when no word in it can be a finite verb ("is", "said",
"raced", "can"), once each relative word ("who", "which", "what", "that") has taken the
verb of its own clause: "Justice for those who killed them" has one verb and it is the
relative clause's. A word after "to" is an infinitive ("with more to follow"). Which
words can be finite comes from a table learnt once on Multi-News train by spaCy's tagger
(``python -m newsweave.summarizer.train_fragments``): a word's share of its uses tagged
VBD, VBZ, VBP or MD. The table lists words it has seen often enough (a word in "-ed" more
often, since a past tense is tagged as a participle as often as not); a word it does not
know counts as a possible verb, so that a rare verb never makes a real sentence a
fragment. A capitalised word past the first is a name, not a verb. Tagging every
candidate instead would cost the summarizer about half its speed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsweave.summarizer.float_table import load_float_table, save_float_table

TABLE_NAME = "finite_verbs.tsv.gz"
DEFAULT_TABLE = Path(__file__).resolve().parents[1] / "models" / TABLE_NAME
# A word tagged finite in at least this share of its uses can be a sentence's verb: low,
# so that nouns that are sometimes verbs ("plans", "claims") count as verbs (0.02 missed
# 3 of 13 fragments in raw dev summaries, 0.05 none; no real sentence flagged at either).
FINITE_SHARE = 0.05
# Judged only where nearly every letter is a-z: Cyrillic, Greek or Chinese text has none of
# the table's words, and would all read as fragments.
ENGLISH_LETTERS = 0.9
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "what", "that"})
# "it's", "there's": the pronouns whose "'s" is "is" or "has", not a possessive.
_CONTRACTED_IS = frozenset({"it", "he", "she", "that", "there", "what", "who", "here",
                            "where", "let"})
_FINITE_CONTRACTIONS = ("re", "ve", "m", "ll", "d")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


@dataclass(frozen=True)
class FiniteVerbs:
    """Each known word's share of uses as a finite verb."""

    share: dict[str, float]

    def save(self, path: Path) -> None:
        save_float_table(path, ("__words__", float(len(self.share))), self.share, 3)

    @classmethod
    def load(cls, path: Path) -> FiniteVerbs:
        return cls(load_float_table(path, "__words__")[0])

    def can_be_finite(self, word: str, first: bool, capitals_are_names: bool = False) -> bool:
        if word.isupper() and len(word) > 1 and capitals_are_names:
            return False  # a label's ("LARCENY FROM AUTO, ...") or an acronym ("NASA said")
        if not first and word[0].isupper() and (len(word) == 1 or not word.isupper()):
            return False  # a name, or an initial ("31st Street S.")
        lowered = word.lower().replace("’", "'")
        base, apostrophe, suffix = lowered.partition("'")
        if apostrophe:
            if suffix in _FINITE_CONTRACTIONS or lowered.endswith("n't"):
                return True
            if suffix == "s" and base in _CONTRACTED_IS:
                return True
        unknown = 0.0 if len(base) <= 2 else 1.0  # "st" of "31st" is no verb
        return self.share.get(base, unknown) >= FINITE_SHARE


@lru_cache(maxsize=2)
def load_finite_verbs(path: Path = DEFAULT_TABLE) -> FiniteVerbs:
    return FiniteVerbs.load(path)


def is_fragment(text: str, verbs: FiniteVerbs | None = None) -> bool:
    """Has ``text`` no verb of its own (every possible verb owed to a relative word)?"""
    if not _english_letters(text):
        return False  # the table knows English words only: another script is not judged
    verbs = verbs or load_finite_verbs()
    words = _WORD.findall(text)
    # Words in capitals are a label's ("LARCENY FROM AUTO, 2017-07240069, 4200 block of
    # ...") unless most words are: then the whole line shouts, and its verbs do too.
    capitals_are_names = sum(w.isupper() and len(w) > 1 for w in words) * 2 < len(words)
    owed = 0
    for i, word in enumerate(words):
        if i and i + 1 < len(words) and _opens_relative_clause(word.lower(), words[i + 1], verbs):
            owed += 1
        elif ((i == 0 or words[i - 1].lower() != "to")
              and verbs.can_be_finite(word, i == 0, capitals_are_names)):
            if not owed:
                return False
            owed -= 1
    return True


def _english_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) >= ENGLISH_LETTERS * len(letters) > 0


def _opens_relative_clause(word: str, following: str, verbs: FiniteVerbs) -> bool:
    # "that is", "that was": a pronoun subject, not a relative word.
    return word in RELATIVE_WORDS and not (
        word == "that" and verbs.can_be_finite(following, first=False))
