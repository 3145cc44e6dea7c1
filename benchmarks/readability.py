"""How summaries read, newsweave and its peers side by side: the faults issue "Summary
quality" names, counted on the development sets.

    python benchmarks/readability.py                          # Multi-News val (300), raw dev
    python benchmarks/readability.py --sets multinews-raw --systems newsweave,lexrank

Per system, over every summary sentence of the set:
- leaning: opens on a pronoun, "the deal", an epithet ("The 34-year-old"), a conjunction and a
  pronoun, or "you", or is a quotation whose speaker is a pronoun, or speaks in the first
  person, and the sentence before it in its article is not the one before it in the summary
  (``newsweave.summarizer.readability.stands_alone``, the pipeline's own rule);
- first person: says "I", "we", "my" or "our" outside quotation marks, the writer's own
  voice, whom the summary does not name
  (``newsweave.summarizer.readability.speaks_in_first_person``);
- repeats: pairs of sentences in one summary of which one has half its distinct content
  stems or more, and at least three, in the other (counted per summary);
- furniture: sentences that open on a dateline or a discourse opener, end on a sign-off
  (``newsweave.summarizer.trim``), are page furniture
  (``newsweave.summarizer.boilerplate.is_boilerplate``), or point
  at the page: a photo caption, "in the video above", "Check out the full list"
  (``newsweave.summarizer.readability.points_at_the_page``);
- unfinished: sentences that do not end as a sentence does (cut off, or on an ellipsis);
- recurring: sentences found word for word (case and punctuation aside) in 3 or more
  stories of Multi-News val, all 5,622: a site's template ("Rating is available when the
  video has been rented."), seldom news. Unlike the leaning and furniture columns it does
  not use the pipeline's own detectors. The file is split at sentence ends alone, so a
  sentence segmented otherwise is missed: a floor, not a count ("-" without the file).
Per 100 summaries (issue 22, target: each at most half of newsweave's count before it,
and under every peer):
- paraphrases: pairs of sentences in one summary that tell one event in other words, not
  counted as repeats: they share at least PARAPHRASE_MIN_SHARED content stems and
  PARAPHRASE_CONTAINMENT of the shorter one's;
- leaning openers: summaries whose first sentence cannot stand alone
  (``newsweave.summarizer.readability.stands_alone``) or opens on a quotation;
- unintroduced: sentences whose subject is a pronoun or a one-word name ("Okafor said")
  that no earlier sentence of the summary introduces by a full name
  (``newsweave.lede.introductions``), unless the sentence before it in the summary is the
  one before it in its article;
- unintroduced (NER): the same fault found by spaCy's named-entity model, which the
  summarizer never runs (``ner_introductions.py``): an independent check of the column
  before it, with the same exception for article order ("The man fired ... He then
  dropped to the ground" introduces him by a role).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

import ner_introductions
from quality import DATA_SETS, DEFAULT_SYSTEMS, SYSTEMS, chosen, set_path, shared_root
from tqdm import tqdm

from newsweave.errors import NewsweaveError
from newsweave.lede.cast import cast_of
from newsweave.lede.introductions import unintroduced
from newsweave.model import Story
from newsweave.reading.jsonl import iter_jsonl
from newsweave.summarizer.boilerplate import is_boilerplate
from newsweave.summarizer.readability import (
    points_at_the_page,
    speaks_in_first_person,
    stands_alone,
    starts_with_quote,
)
from newsweave.summarizer.trim import trim_span
from newsweave.text import content_stems, ends_as_sentence, tokens

REPEAT_CONTAINMENT = 0.5
REPEAT_MIN_SHARED = 3  # "He's a member of the 0.1 percent" shares 2 of 2 with any 1% story
PARAPHRASE_CONTAINMENT = 0.3
PARAPHRASE_MIN_SHARED = 4
_TERMINATOR = re.compile(r"[.!?]")
RECURRING_MIN_STORIES = 3
RECURRING_MIN_WORDS = 6
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _flat(text: str) -> str:
    return " ".join(text.split())


def follows_in_article(previous: str, sentence: str, articles: Sequence[str]) -> bool:
    """Is ``previous`` the sentence just before ``sentence`` in one of the (flattened)
    articles? What lies between may be spaces or a trimmed sign-off, not another sentence."""
    for article in articles:
        at = article.find(sentence)
        while at >= 0:
            before = article.rfind(previous, 0, at)
            if before >= 0 and not _TERMINATOR.search(article[before + len(previous):at]):
                return True
            at = article.find(sentence, at + 1)
    return False


def leaning(summary: Sequence[str], articles: Sequence[str]) -> int:
    """Sentences that need context the summary does not give just before them."""
    flat = [_flat(s) for s in summary]
    return sum(
        1 for k, sentence in enumerate(flat)
        if not stands_alone(sentence)
        and not (k and follows_in_article(flat[k - 1], sentence, articles))
    )


def repeats(summary: Sequence[str]) -> int:
    """Pairs of sentences of which one has REPEAT_CONTAINMENT of its content in the other."""
    stems = [set(content_stems(s)) for s in summary]
    return sum(
        1 for i in range(len(stems)) for j in range(i + 1, len(stems))
        if (shared := len(stems[i] & stems[j])) >= REPEAT_MIN_SHARED
        and shared >= REPEAT_CONTAINMENT * min(len(stems[i]), len(stems[j]))
    )


def paraphrases(summary: Sequence[str]) -> int:
    """Pairs that share much of their content without being repeats (``repeats``)."""
    stems = [set(content_stems(s)) for s in summary]
    count = 0
    for i in range(len(stems)):
        for j in range(i + 1, len(stems)):
            shared = len(stems[i] & stems[j])
            smaller = min(len(stems[i]), len(stems[j]))
            repeat = shared >= REPEAT_MIN_SHARED and shared >= REPEAT_CONTAINMENT * smaller
            count += (not repeat and shared >= PARAPHRASE_MIN_SHARED
                      and shared >= PARAPHRASE_CONTAINMENT * smaller)
    return count


def leaning_opener(summary: Sequence[str]) -> bool:
    first = _flat(summary[0]) if summary else ""
    return bool(first) and (not stands_alone(first) or starts_with_quote(first))


def furniture(sentence: str) -> bool:
    return (trim_span(sentence) != (0, len(sentence)) or is_boilerplate(sentence)
            or points_at_the_page(sentence))


def unfinished(sentence: str) -> bool:
    return not ends_as_sentence(sentence)


def _key(sentence: str) -> str:
    return " ".join(tokens(sentence))


def recurring_sentences(path: Path, min_stories: int = RECURRING_MIN_STORIES) -> frozenset[str]:
    """The sentences (as keys) that occur in at least ``min_stories`` stories of the file."""
    counts: Counter[str] = Counter()
    for line in iter_jsonl(path):
        if line.story is not None:
            counts.update({key for article in line.story.articles
                           for piece in _SENTENCE_BREAK.split(article.text)
                           if len((key := _key(piece)).split()) >= RECURRING_MIN_WORDS})
    return frozenset(key for key, n in counts.items() if n >= min_stories)


def recurring(sentence: str, templates: frozenset[str]) -> bool:
    return _key(sentence) in templates


@dataclass
class Tally:
    summaries: int = 0
    sentences: int = 0
    leaning: int = 0
    first_person: int = 0
    repeats: int = 0
    furniture: int = 0
    unfinished: int = 0
    recurring: int = 0
    paraphrases: int = 0
    leaning_openers: int = 0
    unintroduced: int = 0
    ner_unintroduced: int = 0
    templates: frozenset[str] | None = None  # None: not measured
    nlp: Any = None  # spaCy's pipeline for the independent count
    failed: list[str] = field(default_factory=list)

    def add(self, summary: Sequence[str], articles: Sequence[str]) -> None:
        """Count one summary's faults; ``articles`` are its story's, flattened."""
        self.summaries += 1
        self.sentences += len(summary)
        self.leaning += leaning(summary, articles)
        self.first_person += sum(speaks_in_first_person(s) for s in summary)
        self.repeats += repeats(summary)
        self.paraphrases += paraphrases(summary)
        self.leaning_openers += leaning_opener(summary)
        flat = [_flat(s) for s in summary]
        def out_of_context(found: list[int]) -> int:  # right behind its article's sentence before
            return sum(1 for k in found
                       if not (k and follows_in_article(flat[k - 1], flat[k], articles)))

        self.unintroduced += out_of_context(unintroduced(flat, cast_of(articles)))
        self.ner_unintroduced += out_of_context(ner_introductions.unintroduced(summary, self.nlp))
        self.furniture += sum(furniture(s) for s in summary)
        self.unfinished += sum(unfinished(s) for s in summary)
        if self.templates is not None:
            self.recurring += sum(recurring(s, self.templates) for s in summary)

    def row(self, system: str) -> list[str]:
        share = 100.0 / max(self.sentences, 1)
        return [
            system,
            f"{self.sentences / max(self.summaries, 1):.1f}",
            f"{self.leaning * share:.1f}",
            f"{self.first_person * share:.1f}",
            f"{self.repeats / max(self.summaries, 1):.2f}",
            f"{self.furniture * share:.1f}",
            f"{self.unfinished * share:.1f}",
            "-" if self.templates is None else f"{self.recurring * share:.1f}",
            *(f"{100 * n / max(self.summaries, 1):.1f}"
              for n in (self.paraphrases, self.leaning_openers, self.unintroduced,
                        self.ner_unintroduced)),
        ]


HEADER = ["system", "sentences/summary", "leaning %", "first person %", "repeats/summary",
          "furniture %", "unfinished %", "recurring %", "paraphrases /100",
          "leaning openers /100", "unintroduced /100", "unintroduced (NER) /100"]


def measure(stories: list[Story], flat_articles: list[list[str]], system: str, max_words: int,
            progress: bool, templates: frozenset[str] | None = None, nlp: Any = None
            ) -> Tally:
    summarize = partial(SYSTEMS[system], max_words=max_words)
    tally = Tally(templates=templates, nlp=nlp)
    for story, articles in tqdm(zip(stories, flat_articles, strict=True), total=len(stories),
                                desc=system, unit="story", disable=not progress, leave=False):
        try:
            tally.add(summarize(story), articles)
        except NewsweaveError as exc:
            tally.failed.append(f"{story.id}: {exc}")
    return tally


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*r) for r in [HEADER, *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="multinews,multinews-raw", help="comma-separated")
    parser.add_argument("--systems", default=DEFAULT_SYSTEMS, help="comma-separated")
    parser.add_argument("--limit", type=int, default=300, help="at most this many stories a set")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args()
    sets, systems = chosen(parser, args.sets, args.systems)
    val = shared_root() / DATA_SETS["multinews-all"].path
    if not val.exists():
        print(f"recurring: {val} not found, not measured\n")
    try:
        nlp = ner_introductions.load_tagged_ner()
        templates = recurring_sentences(val) if val.exists() else None
    except (NewsweaveError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in sets:
        data = DATA_SETS[name]
        path = set_path(name)
        if path is None:
            continue
        try:
            lines = list(islice(iter_jsonl(path), args.limit))
        except (NewsweaveError, OSError, UnicodeDecodeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        stories = [line.story for line in lines if line.story is not None]
        for line in lines:
            if line.story is None:
                print(f"warning: {name} line {line.number} skipped: {line.error}", file=sys.stderr)
        if not stories:
            print(f"error: {path}: no stories in it", file=sys.stderr)
            return 2
        flat_articles = [[_flat(a.text) for a in story.articles] for story in stories]
        tallies = {s: measure(stories, flat_articles, s, data.max_words, not args.quiet,
                              templates, nlp)
                   for s in systems}
        print(f"{name}: {data.about}, {len(stories)} stories, {data.max_words} words")
        print(table([tally.row(s) for s, tally in tallies.items()]))
        for system, tally in tallies.items():
            for failure in tally.failed:
                print(f"  {system} could not summarize {failure}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
