"""Learn which words can be finite verbs (``models/finite_verbs.tsv.gz``), for fragments.py.

    python -m newsweave.summarizer.train_fragments ../shared/data/multinews/train.jsonl.gz

spaCy's English tagger (a runtime dependency already, for ``analyze``'s names) tags the
first documents of the first ``--stories`` stories; each word seen at least ``MIN_USES``
times is kept with its share of uses tagged VBD, VBZ, VBP or MD; a word in "-ed" only when
seen ``PAST_MIN_USES`` times, since a past tense is tagged as a participle as often as not:
only a word seen often and rarely finite ("hundred", "beloved") is trusted to be no verb.
Four minutes on one core for the default 5,000 stories.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from newsweave import spacy_model
from newsweave.group.piles import multinews_file, records
from newsweave.summarizer.fragments import DEFAULT_TABLE, FiniteVerbs

# Not VB: counting the base form too made nouns that are sometimes verbs ("change",
# "transition") verbs, and 3 of the 10 fragments in raw dev summaries sentences.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MIN_USES = 3
PAST_MIN_USES = 20
DOCUMENTS_PER_STORY = 3
DOCUMENT_CHARACTERS = 3000


def estimate(tagged: Iterable[Iterable[tuple[str, str]]]) -> FiniteVerbs:
    """From documents as (word, fine-grained tag) pairs."""
    finite: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for document in tagged:
        for word, tag in document:
            if word.isalpha():
                lowered = word.lower()
                uses[lowered] += 1
                finite[lowered] += tag in FINITE_TAGS
    return FiniteVerbs({word: finite[word] / count for word, count in uses.items()
                        if count >= (PAST_MIN_USES if word.endswith("ed") else MIN_USES)})


def documents(path: Path, stories: int) -> Iterable[str]:
    for record in islice(records(path), stories):
        for text in record["documents"][:DOCUMENTS_PER_STORY]:
            yield text[:DOCUMENT_CHARACTERS]


def tag(texts: Iterable[str]) -> Iterable[list[tuple[str, str]]]:
    nlp = spacy_model.load(exclude=["parser", "ner", "lemmatizer", "senter"])
    for doc in nlp.pipe(texts, batch_size=64):
        yield [(token.text, token.tag_) for token in doc]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train", type=multinews_file, help="Multi-News train.jsonl.gz")
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=DEFAULT_TABLE)
    args = parser.parse_args(argv)
    try:
        table = estimate(tag(documents(args.train, args.stories)))
    except (OSError, ValueError, KeyError, TypeError) as exc:  # missing, not gzip, not JSONL
        parser.error(f"cannot read {args.train} as Multi-News JSONL.gz: {exc!r}")
    if not table.share:  # nothing is written over the shipped table
        parser.error(f"no words in {args.train}: no story has documents")
    table.save(args.out)
    print(f"{len(table.share):,} words -> {args.out}")


if __name__ == "__main__":
    main()
