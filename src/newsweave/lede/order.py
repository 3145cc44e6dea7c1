"""News order: the lede, then developments, then reactions and quotes, then background.

Sentences that belong together travel as one block: a sentence that cannot stand alone
stays right behind the chosen sentence of its article nearest before it (its antecedent),
and one article's consecutive sentences stay in their order. The lede's block comes
first, cut so that the lede opens it; the other blocks go by kind, and within a kind by
relative place in their article (news is written most important first), ties to the
earlier article. Last, a block whose subject is a bare surname or a pronoun, or that
opens on one of the story's surnames, or with a later sentence opening on one, moves
behind the first later block that introduces the person by full name.

A sentence whose subject no sentence before it introduces is shown behind the story's
best sentence that does introduce the person, where one may be shown (``introducer``:
the summary is chosen again holding it); otherwise it is not shown: the summary is chosen
again without it (a standalone sentence takes its place). Three times at most; what is
still left over is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import partial

import numpy as np

from newsweave.lede.cast import Cast
from newsweave.lede.introductions import (
    THING,
    introduces,
    names,
    opening_surname,
    opening_thing,
    says_what_it_is,
    subject_needing_introduction,
    unintroduced,
)
from newsweave.model import Sentence
from newsweave.summarizer.readability import has_speech_verb, stands_alone, starts_with_quote

DEVELOPMENT, REACTION, BACKGROUND = 0, 1, 2
RESELECTIONS = 3  # times the summary is chosen again for its unintroduced sentences
# An introduction is sought among the story's 20 best-scored sentences that may be shown:
# from any of them, a weak one displaced better content in 25-article stories (DUC 2006
# R2 10.56 -> 10.37; 10.54 from the best 20; raw dev 47.55/17.08 and 47.50/16.99).
INTRODUCER_POOL = 20
_QUOTED = re.compile(r"[\"“][^\"”]{12,}[\"”]")
# What happened before the news: a past year, "previously", "has long", "years ago".
_BACKGROUND = re.compile(
    r"\b(?:in|since|back in|until|by) (?:19|20)\d\d\b|\b(?:previously|formerly|has long|have "
    r"long|had long|years ago|decades ago|a history of|was founded|were founded|is known for|"
    r"first (?:came|rose|became))\b",
    re.IGNORECASE,
)


def kind(text: str) -> int:
    if starts_with_quote(text) or (_QUOTED.search(text) and has_speech_verb(text)):
        return REACTION
    if _BACKGROUND.search(text):
        return BACKGROUND
    return DEVELOPMENT


def blocks(sentences: list[Sentence], chosen: list[int], alone: np.ndarray | None = None
           ) -> list[list[int]]:
    """The chosen sentences (indices into ``sentences``, as shown) in blocks that must be
    read together, each in article order (``alone``: ``stands_alone`` of each of
    ``sentences``, where the caller has it)."""
    result: list[list[int]] = []
    for i in sorted(chosen):
        leans = not (stands_alone(sentences[i].text) if alone is None else alone[i])
        if result:
            last = result[-1][-1]
            same_article = sentences[last].article_index == sentences[i].article_index
            if same_article and (last == i - 1 or leans):
                result[-1].append(i)
                continue
        if leans:
            # its antecedent is the nearest chosen sentence of its article before it
            home = next((b for b in reversed(result)
                         if sentences[b[-1]].article_index == sentences[i].article_index), None)
            if home is not None:
                home.append(i)
                continue
        result.append([i])
    return result


def news_order(sentences: list[Sentence], chosen: list[int], counts: list[int],
               lede: int | None, cast: Cast | None = None,
               alone: np.ndarray | None = None) -> list[int]:
    """``chosen`` in news order, ``lede`` first where given (``counts``: sentences per
    article, for relative places; ``cast``: who the story names, ``cast.cast_of``;
    ``alone``: ``stands_alone`` of each of ``sentences``, where the caller has it)."""
    grouped = blocks(sentences, chosen, alone)
    first: list[int] = []
    if lede is not None:
        for block in grouped:
            if lede in block:
                cut = block.index(lede)
                grouped.remove(block)
                first = block[cut:]
                if cut:
                    grouped.append(block[:cut])
                break

    def place(block: list[int]) -> tuple[int, float, int]:
        head = sentences[block[0]]
        return (kind(head.text), head.position / max(counts[head.article_index], 1),
                head.article_index)

    ordered = [first] if first else []
    return [i for block in introduced_first(sentences, ordered + sorted(grouped, key=place), cast)
            for i in block]


def introduced_first(sentences: list[Sentence], ordered: list[list[int]],
                     cast: Cast | None = None) -> list[list[int]]:
    """Blocks reordered so that one with a sentence opening on "Okafor said" (or, at its
    head, on "He") comes right after the first later block that introduces the person by
    full name, where one does; and one opening on a thing's name ("Remera has said ...")
    right after the first that says what it is ("the group Remera"), where none before
    names it. A block's later sentences count too: "But Boehner and his team ..." behind
    another sentence of its article needs "Speaker John Boehner" as much; the lede's
    block is never moved for one, but cut before it where it stands alone."""
    result = list(ordered)
    for block in ordered:
        at = result.index(block)
        earlier = [sentences[i].text for b in result[:at] for i in b]
        for place, i in enumerate(block):
            text = sentences[i].text
            introducing = _wanted_introduction(text, earlier, cast, head=place == 0,
                                               lede=at == 0)
            if introducing is None:
                earlier.append(text)
                continue
            if at == 0 and place:
                # the lede's block stays first; a sentence of it that stands alone leaves
                # it for behind the introduction ("Sir Paul wrote to them ..." behind "...
                # a reply from Sir Paul McCartney")
                if not stands_alone(text):
                    break
                result[0:1] = [block[:place], block[place:]]
                at = 1
            _move_behind(sentences, result, at, introducing)
            break
    return result


def _wanted_introduction(text: str, earlier: list[str], cast: Cast | None, head: bool,
                         lede: bool) -> Callable[[str], bool] | None:
    """What a sentence needs a sentence before it to do (name the person by full name, say
    what a thing is), where nothing ``earlier`` does; None where it needs nothing. Behind
    another sentence of its block (not the ``head``), only a named person counts: a
    pronoun there has that sentence to lean on."""
    name = subject_needing_introduction(text, cast)
    if name is None and not lede and cast is not None:  # the lede's block stays first
        name = opening_surname(text, cast)
        thing = opening_thing(text, cast) if name is None else None
        if thing is not None and not any(names(e, thing) for e in earlier):
            return partial(says_what_it_is, name=thing)
    if name is None or (not head and (name in ("", "they") or name.startswith(THING))):
        return None
    if any(introduces(e, name, cast) for e in earlier):
        return None
    return partial(introduces, name=name, cast=cast)


def _move_behind(sentences: list[Sentence], result: list[list[int]], at: int,
                 introducing: Callable[[str], bool]) -> None:
    """Move the block ``at`` right behind the first later block with a sentence
    ``introducing`` what it opens on, where one has."""
    later = next((k for k in range(at + 1, len(result))
                  if any(introducing(sentences[i].text) for i in result[k])), None)
    if later is not None:
        result.insert(later, result.pop(at))  # after the pop, ``later`` is just behind it


def unintroduced_shown(sentences: list[Sentence], ordered: list[int], cast: Cast,
                       read_before: Sequence[str] = ()) -> list[int]:
    """Of ``ordered`` (indices into ``sentences``, as shown), those whose subject neither
    ``read_before`` (what the reader has read: an update's previous articles) nor any
    sentence before it introduces. Even right behind the sentence before it in its
    article: what introduced the person came earlier there, where the reader was not."""
    texts = [*read_before, *(sentences[i].text for i in ordered)]
    return [ordered[k - len(read_before)] for k in unintroduced(texts, cast)
            if k >= len(read_before)]


def introducer(sentences: list[Sentence], stray: int, cast: Cast, ranked: Sequence[int],
               taken: Collection[int]) -> int | None:
    """The sentence to show before ``stray`` so that the reader knows whom it is about: for
    a pronoun ("He ...", "Their ..."), the sentence before it in its article; for a name,
    the first of ``ranked`` (sentences that may be shown and stand alone, best first; the
    ``INTRODUCER_POOL`` best) that introduces the person, in the sentence's own article
    before it where one does; one not ``taken`` already and needing no introduction itself
    ("Bagabandy made the remarks while meeting ... Roman Herzog" does not introduce Herzog).
    """
    name = subject_needing_introduction(sentences[stray].text, cast)
    if name is None:
        return None
    ranked = ranked[:INTRODUCER_POOL]
    if name in ("", "they"):
        before = stray - 1
        options: Sequence[int] = (
            [before] if before >= 0 and before in ranked
            and sentences[before].article_index == sentences[stray].article_index else [])
    else:  # its own article's introduction first: "Detectives say Christopher King, a ..."
        article = sentences[stray].article_index
        options = [*(i for i in ranked if i < stray and sentences[i].article_index == article),
                   *ranked]
    return next((i for i in options if i != stray and i not in taken
                 and introduces(sentences[i].text, name, cast)
                 and subject_needing_introduction(sentences[i].text, cast) is None
                 and opening_surname(sentences[i].text, cast) is None), None)


def introduced_summary(sentences: list[Sentence],
                       arrange: Callable[[set[int], Sequence[int]], list[int]],
                       cast: Cast, read_before: Sequence[str] = (),
                       ranked: Sequence[int] = ()) -> list[int]:
    """The summary ``arrange`` (the sentences to withhold, the sentences to hold -> the
    summary in news order) gives, chosen again for the sentences whose subject neither it
    nor ``read_before`` introduces: holding the sentence that introduces the person where
    the story has one (``introducer``, from ``ranked``: sentences that may be shown and
    stand alone, best first), without the sentence otherwise; the first summary where
    nothing else would be left (a tight budget that only the lede fits)."""
    left_out: set[int] = set()
    held: list[int] = []
    sought: dict[str, int] = {}  # name -> the round its introduction was sought in
    first = ordered = arrange(left_out, held)
    for round in range(RESELECTIONS):
        stray = unintroduced_shown(sentences, ordered, cast, read_before)
        if not stray:
            return ordered if _opens_well(sentences, ordered) else first
        for i in stray:
            name = subject_needing_introduction(sentences[i].text, cast) or ""
            if name in ("", "they"):  # each pronoun has its own antecedent
                name = f"{name}#{i}"
            if sought.get(name, round) < round:  # held before, and still not shown first
                left_out.add(i)
                continue
            found = (None if name in sought else
                     introducer(sentences, i, cast, ranked, {*ordered, *held, *left_out}))
            if found is not None:
                held.append(found)
                sought[name] = round
            elif name not in sought:
                left_out.add(i)
        ordered = arrange(left_out, held)
    while left := set(unintroduced_shown(sentences, ordered, cast, read_before)):
        dropped = _with_followers(sentences, ordered, left)
        ordered = [i for i in ordered if i not in dropped]
    return ordered if _opens_well(sentences, ordered) else first


def _with_followers(sentences: list[Sentence], ordered: list[int], dropped: set[int]
                    ) -> set[int]:
    """``dropped`` and the sentences of ``ordered`` that lean on one of them: "The financial
    crisis, he writes, ..." goes with "Conard argues that ..." before it, or it reads as
    the words of whoever the sentence now before it names."""
    result = set(dropped)
    for i in sorted(ordered):
        if (i - 1 in result and sentences[i - 1].article_index == sentences[i].article_index
                and not stands_alone(sentences[i].text)):
            result.add(i)
    return result


def _opens_well(sentences: list[Sentence], ordered: list[int]) -> bool:
    """Does the summary open on a sentence that stands alone? A summary chosen again
    without its unintroduced sentences may be left with only those that lean ("And there
    are concerns he may ...", "It has been several years since we ..."): the first summary,
    unintroduced name and all, reads better."""
    return bool(ordered) and stands_alone(sentences[ordered[0]].text)
