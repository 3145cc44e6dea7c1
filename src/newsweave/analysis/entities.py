"""People, organisations and places, with how often each outlet mentions them.

Named entities come from spaCy's small English pipeline (offline, shipped as a wheel).
Mentions of one entity are merged ("Trump", "Mr. Trump", "Donald Trump", and one person's
full names as outlets vary them, "Donald J. Trump", "Mike Pompeo" for "Michael Pompeo":
``person_names``); a degraded article (lowercased, unpunctuated) defeats the tagger, so
it is counted by matching the names found in the well-formed articles instead. Mentions
are gathered in ``entity_groups.Group``s, and which of them are people's is mended in
``entity_people.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from newsweave import spacy_model
from newsweave.analysis.entity_groups import (
    ORG_HEADS,
    PLACE_HEADS,
    Group,
    group_type,
    name_key,
)
from newsweave.analysis.entity_people import (
    full_names_as_people,
    named_as_person,
    one_person,
    surnames_as_people,
)
from newsweave.errors import NewsweaveError
from newsweave.model import Article, Sentence
from newsweave.spacy_model import INSTALL_HINT
from newsweave.summarizer.segment import MIN_WORDS

# The small model's NER embeds tokens itself (it does not listen to the shared tok2vec),
# so everything else can be left out: the same entities in about 60% of the time.
UNUSED_PIPES = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]
TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
         "FAC": "place"}
PERSON_DOMINANCE = 2  # how many times more mentions a full name needs to claim a surname
# Entity tagging is the one stage whose cost is per word at ~10,000 words a second: past
# this many words a story's entities come from every article's opening (with a warning),
# so that analyze stays within a few times summarize's time on any input.
MAX_TAGGED_WORDS = 25_000
CHUNK_CHARS = 100_000  # paragraphs are short; this only bounds a pathological one
_HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Supt)\.?|the)\s+"
    # an article or whose it is, before a name: "a White House", "university's Computer
    # and Electrical Engineering"
    r"|^(?:a|an|[a-z]+['’]s)\s+(?=[A-Z])"
)
# Titles the small model takes into a person's name ("Skipper Ida Sorensen").
_PERSON_TITLE = re.compile(
    r"^(?:President|Vice President|Prime Minister|Minister|Secretary|Senator|Governor|Mayor|"
    r"Chief|Officer|Commissioner|Superintendent|Inspector|Detective|Sergeant|Captain|"
    r"Skipper|Professor|Director|Judge|Chairman|Chairwoman|Spokesman|Spokeswoman|Sheikh?)"
    r"\s+(?=[A-Z])"
)
# Abbreviated ranks: never a name alone; off a name's end only those no surname is ("Hun
# Sen", "Bill Dal Col" keep theirs).
_RANKS_ALONE = frozenset("lt sgt capt supt cmdr det cpl pvt insp adm maj gen col sen rep gov "
                         "dr prof".split())
_TRAILING_RANK = re.compile(r"\s+(?:Lt|Sgt|Capt|Supt|Cmdr|Det|Cpl|Pvt|Insp)\.?$")
_POSSESSIVE = re.compile(r"['’‘]s$")  # "Trump‘s": feeds type the opening mark too
_SPEECH_VERBS = frozenset({"Said", "Says", "Added", "Asked", "Wrote", "Tweeted", "Told"})
# Keep a final dot: "U.S." is the name, and spaCy leaves sentence-final dots out of names.
_EDGE_PUNCT = re.compile(r"^[\W_]+|[^\w.]+$")
_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z0-9]*")  # a word written in lowercase, whole


class NerUnavailable(NewsweaveError):
    """The NER model is not installed: entities cannot be found."""


@dataclass
class Entity:
    name: str
    type: str  # person | organisation | place
    aliases: list[str]
    mentions: dict[int, int]  # article index -> mentions
    counted_by_name: list[int] = field(default_factory=list)  # degraded: string matches

    @property
    def total(self) -> int:
        return sum(self.mentions.values())

    def to_dict(self, articles: list[Article]) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "total": self.total,
            "mentions": {articles[i].id: n for i, n in sorted(self.mentions.items())},
            "counted_by_name": [articles[i].id for i in self.counted_by_name],
        }


@lru_cache(maxsize=1)
def load_ner() -> Any:
    """The spaCy pipeline, loaded once per process (loading costs about a quarter second)."""
    try:
        return spacy_model.load(exclude=UNUSED_PIPES)
    except (ImportError, OSError) as exc:
        raise NerUnavailable(
            f"named-entity model unavailable ({type(exc).__name__}); {INSTALL_HINT}"
        ) from None


def _chunks(text: str) -> Iterator[str]:
    for paragraph in text.split("\n\n"):
        for start in range(0, len(paragraph), CHUNK_CHARS):
            piece = paragraph[start : start + CHUNK_CHARS]
            if piece.strip():
                yield piece


def normalise(name: str, kind: str) -> str:
    """The name as shown: without "the", a title, a possessive or stray punctuation; a
    rank the tagger took without its name ("Sgt", "San Diego Lifeguard Lt" before "John
    Sandmeyer") is none ("" alone; off the end of a longer name)."""
    name = " ".join(name.split())
    for _ in range(2):  # "the Rev. Dr.": two passes are plenty
        name = _HONORIFIC.sub("", name)
        if kind == "person":
            name = _PERSON_TITLE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    name = _EDGE_PUNCT.sub("", name)
    if name.rstrip(".").lower() in _RANKS_ALONE and not name.isupper():  # "DR" may be a place
        return ""
    return _EDGE_PUNCT.sub("", _TRAILING_RANK.sub("", name))


def _without_speech_verb(doc: Any, ent: Any) -> Any:
    """The entity without a verb of saying the tagger took in where a sentence opens on it:
    '"...," Said Miller.' gives "Miller" (mid-sentence, "Said" is a name: "Edward Said")."""
    opens = ent.start == 0 or not doc[ent.start - 1].is_alpha
    return ent[1:] if opens and len(ent) > 1 and ent[0].text in _SPEECH_VERBS else ent



def _retyped(name: str, kind: str) -> str:
    head = name.rsplit(" ", 1)[-1].casefold() if " " in name else ""
    if kind != "person" and head in ORG_HEADS:
        return "organisation"
    if kind != "person" and head in PLACE_HEADS:
        return "place"
    return kind



def tagged_pieces(articles: list[Article]) -> list[tuple[str, int]]:
    """The chunks the tagger reads: every well-formed article's, up to MAX_TAGGED_WORDS,
    taken round-robin (every article's first chunk, then every second one, ...) so that a
    huge article or story leaves each outlet its opening paragraphs."""
    queues = [[(chunk, index) for chunk in _chunks(article.text)]
              for index, article in enumerate(articles) if not article.degraded]
    pieces: list[tuple[str, int]] = []
    words = 0
    for depth in range(max((len(q) for q in queues), default=0)):
        for queue in queues:
            if depth < len(queue):
                words += len(queue[depth][0].split())
                if words > MAX_TAGGED_WORDS:
                    return pieces
                pieces.append(queue[depth])
    return pieces


def tagging_capped(articles: list[Article]) -> str | None:
    """The warning when the story is longer than the tagger's word cap, else None."""
    total = sum(len(a.text.split()) for a in articles if not a.degraded)
    if total <= MAX_TAGGED_WORDS:
        return None
    return (f"entities are tagged in the first {MAX_TAGGED_WORDS:,} of {total:,} words "
            "(every article's opening paragraphs first): tagging runs at about 10,000 "
            "words a second")


def _tagged_groups(articles: list[Article]) -> dict[str, Group]:
    """Mentions the tagger finds in well-formed articles, grouped by normalised name."""
    nlp = load_ner()
    pieces = tagged_pieces(articles)
    groups: dict[str, Group] = {}
    for doc, index in nlp.pipe(pieces, as_tuples=True, batch_size=64):
        for ent in doc.ents:
            kind = TYPES.get(ent.label_)
            if kind is None:
                continue
            name = normalise(_without_speech_verb(doc, ent).text, kind)
            # A real name has a capital; lowercase "hits" are tagger noise.
            if len(name) < 2 or not any(c.isupper() for c in name):
                continue
            kind = _retyped(name, kind)
            group = groups.setdefault(name_key(name), Group())
            group.forms[name] += 1
            group.labels[kind] += 1
            group.mentions[index] += 1
    return groups


# text writes them in lower case more often), "DENVER", "A1", a link, where the text never
# writes it as someone's ("JFK’s attempt"; "CAP’s Matt Lee-Ashley" is an organisation's);
# or of a platform or a brand the text puts after "on" or "via" and never names as a
# person ("on Twitter", "on Kickstarter").
_ONE_WORD_NAME = re.compile(r"[A-Z][a-z][\w'’-]*")
_MID_SENTENCE_WORD = re.compile(r"(?<=[\w,;] )[A-Za-z][\w'’-]*")
_AFTER_ON = re.compile(r"\b(?:on|via) ([A-Z][\w'’-]*)")


def _people_only(entities: list[Entity], texts: list[str]) -> list[Entity]:
    """``entities`` less the one-word "people" that are no one (the texts read once)."""
    words: Counter[str] = Counter()
    placed: set[str] = set()
    for text in texts:
        words.update(_MID_SENTENCE_WORD.findall(text))
        placed.update(_AFTER_ON.findall(text))
    return [e for e in entities if not _no_person(e, texts, words, placed)]


def _no_person(entity: Entity, texts: list[str], words: Counter[str], placed: set[str]
               ) -> bool:
    if entity.type != "person" or any(" " in alias for alias in entity.aliases):
        return False
    word = entity.name.removesuffix("’s").removesuffix("'s")
    if word.isupper() and word.isalpha():
        return not any(re.search(rf"\b{word}['’]s [a-z]", t) for t in texts)
    if not _ONE_WORD_NAME.fullmatch(word):
        return True
    if words[word.lower()] > words[word]:
        return True
    return word in placed and not named_as_person(word, texts)


_LOWER_WORDS = {"of", "and", "for", "the", "on", "in", "&"}


def _initials(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in _LOWER_WORDS)


def _contains(long: list[str], short: list[str], kind: str) -> bool:
    """Whether the shorter name is a way of referring to the longer one."""
    n = len(short)
    if kind == "person":  # a surname ("Trump") or a family-name-first one ("Kim")
        return long[:n] == short or long[-n:] == short
    if n == 1 and len(short[0]) > 1 and short[0] == _initials(long):
        return True  # "us" (U.S.) for "united states", "risb" for the board
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _owner(weights: Counter[str], kind: str) -> str | None:
    """The longer name a shorter one refers to, if it is clear which.

    "Korea" next to "North Korea" and "South Korea" is left alone; for people the far more
    mentioned one wins ("Kim" is Kim Jong Un, not his sister Kim Yo Jong, in a summit story).
    """
    ranked = weights.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    if kind == "person" and ranked and ranked[0][1] >= PERSON_DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _merge(groups: dict[str, Group]) -> dict[str, list[str]]:
    """Root key -> the keys merged into it, longest names first (they become the roots)."""
    keys = sorted(groups, key=lambda k: (-len(k.split()), k))
    tokens = {k: k.split() for k in keys}
    kinds = {k: group_type(groups[k]) for k in keys}
    root_of: dict[str, str] = {}
    for key in keys:
        weights: Counter[str] = Counter()
        for other in root_of:
            if (
                len(tokens[other]) > len(tokens[key])
                and kinds[other] == kinds[key]
                and _contains(tokens[other], tokens[key], kinds[key])
            ):
                weights[root_of[other]] += groups[other].mentions.total()
        root_of[key] = _owner(weights, kinds[key]) or key
    merged: dict[str, list[str]] = {}
    for key in keys:
        merged.setdefault(root_of[key], []).append(key)
    return merged


def _degraded_pattern(alias: str) -> str:
    """How a name reads in degraded text: lowercased, apostrophes dropped, no punctuation."""
    plain = re.sub(r"['’]", "", alias.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def _count_degraded(articles: list[Article], entities: list[Entity]) -> None:
    """Count entity names in degraded articles by matching the lowercased names.

    A one-word name that the well-formed articles also use as an ordinary lowercase word
    ("Moon", "Bush") would be counted wherever the word appears, so it is not matched.
    """
    degraded = [i for i, a in enumerate(articles) if a.degraded]
    if not degraded or not entities:
        return
    common = {w for a in articles if not a.degraded for w in _WORD.findall(a.text)}
    owner: dict[str, Entity] = {}
    for entity in entities:
        for alias in entity.aliases:
            pattern = _degraded_pattern(alias)
            if len(pattern) < 3 or (" " not in pattern and pattern in common):
                continue
            owner.setdefault(pattern, entity)
    if not owner:
        return
    # Longest names first: "donald trump" is one mention, not also one of "trump".
    alternatives = "|".join(re.escape(p) for p in sorted(owner, key=len, reverse=True))
    matcher = re.compile(rf"\b(?:{alternatives})\b")
    for index in degraded:
        text = " ".join(re.sub(r"['’]", "", articles[index].text.casefold()).split())
        for match in matcher.finditer(text):
            entity = owner[match.group(0)]
            entity.mentions[index] = entity.mentions.get(index, 0) + 1
            if index not in entity.counted_by_name:
                entity.counted_by_name.append(index)


# A short sentence between the story's sentences still reports ("There's Tom Brown.",
# "Lyndon Johnson. Jimmy Carter."): the summarizer drops it as too short, not as furniture.
_SHORT_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _short_sentences(gap: str) -> str:
    """The short sentences of text between two of the story's sentences, a paragraph break
    in place of the rest (bylines, credits, captions, a gallery's titles)."""
    kept = [piece for piece in _SHORT_SENTENCE.split(gap.strip())
            if len(piece.split()) < MIN_WORDS and piece[-1:] in ".!?\"”’"
            and any(c.islower() for c in piece)]
    return "\n\n" + " ".join(kept) + "\n\n" if kept else "\n\n"


def reported_parts(articles: list[Article], sentences: Sequence[Sentence]) -> list[Article]:
    """``articles`` cut to their ``sentences`` and the short sentences between them:
    without a gallery's captions run into its title ("Photos: Emotions run high in
    Ferguson Protesters march ..."), sign-up boxes, bylines and photo credits ("Jacquelyn
    Martin/AP"), whose names the articles do not report. (Offsets into these texts mean
    nothing: entities count mentions.) Articles with no sentence (a reprint, which its
    original speaks for; a degraded page, matched by name instead) keep their text."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for sentence in sentences:
        spans.setdefault(sentence.article_index, []).append((sentence.start, sentence.end))
    result = []
    for index, article in enumerate(articles):
        if index not in spans or article.degraded:
            result.append(article)
            continue
        pieces: list[str] = []
        last = 0
        for start, end in sorted(spans[index]):
            gap = article.text[last:start]
            pieces.append(gap if not gap.strip() else _short_sentences(gap))
            pieces.append(article.text[start:end])
            last = end
        result.append(replace(article, text="".join(pieces).strip()))
    return result


def find_entities(articles: list[Article]) -> list[Entity]:
    """Entities of every article, most mentioned first. Raises NerUnavailable."""
    texts = [a.text for a in articles if not a.degraded]
    groups = _tagged_groups(articles)
    groups = surnames_as_people(one_person(full_names_as_people(groups, texts)), texts)
    entities: list[Entity] = []
    for root, keys in _merge(groups).items():
        total = Group()
        for key in keys:
            total.absorb(groups[key])
        # The root's most frequent spelling names the entity ("Donald Trump", not "Trump"),
        # without a sentence-initial "The" where the name also appears without it.
        forms = groups[root].forms
        name = max(forms, key=lambda f: (not f.startswith("The "), forms[f]))
        aliases = sorted({f for k in keys for f in groups[k].forms}, key=lambda f: (-len(f), f))
        entities.append(Entity(name, group_type(groups[root]), aliases, dict(total.mentions)))
    entities = _people_only(entities, texts)
    _count_degraded(articles, entities)
    entities.sort(key=lambda e: (-e.total, e.name))
    return entities
