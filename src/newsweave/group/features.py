"""Article vectors for grouping: TF-IDF over content stems, pruned to the strongest terms.

Document frequencies come from a prior table (Multi-News train, shipped in
``models/group_df.json.gz``, rebuilt by ``python -m newsweave.group.train``) plus every
article the grouper has seen, so the first article of a fresh feed is weighted as well
as the hundred-thousandth and the weights never depend on input order much.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsweave.text import content_stems

DF_TABLE = Path(__file__).resolve().parents[1] / "models" / "group_df.json.gz"
# An article keeps its strongest terms only: enough to tell stories apart, few enough
# that 100,000 articles fit in memory and a comparison costs microseconds.
TERMS_PER_ARTICLE = 60
# Title words count this many times a body occurrence: a headline names the event.
TITLE_WEIGHT = 2
# A long article's words used once are mostly its asides and colour ("glowingly",
# "hatchback", a passer-by's name): a rare one's IDF outweighs a name the article repeats
# a dozen times, and enough of them crowd its subject out of its strongest terms (the
# Hanoi example's New York Times scene piece kept 14 terms its story shares, of 60). In a
# short report every word is used about once, so there a word used once is no aside.
LONG_ARTICLE = 200  # content words
ONCE_IN_LONG = 0.6
Vector = dict[str, float]


@lru_cache(maxsize=4)
def load_prior(path: Path = DF_TABLE) -> tuple[int, dict[str, int]]:
    """(documents counted, document frequency per stem) of the shipped table."""
    if not path.is_file():
        return 0, {}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        data = json.load(stream)
    return int(data["documents"]), {str(k): int(v) for k, v in data["df"].items()}


@dataclass
class DocumentFrequency:
    """Prior document frequencies plus those of every article added since."""

    prior_documents: int
    prior: dict[str, int]
    documents: int = 0
    seen: Counter[str] = field(default_factory=Counter)

    @classmethod
    def shipped(cls) -> DocumentFrequency:
        documents, prior = load_prior()
        return cls(documents, prior)

    def add(self, stems: set[str]) -> None:
        self.documents += 1
        self.seen.update(stems)

    def idfs(self, stems: Iterable[str]) -> list[float]:
        """Each stem's smoothed IDF, in turn. (One call for all of an article's words: it runs
        for every word of every article, and a call a word cost more than the sums.)"""
        log, prior, seen = math.log, self.prior.get, self.seen.get
        total = 1 + self.prior_documents + self.documents
        return [log(total / (1 + prior(stem, 0) + seen(stem, 0))) + 1.0 for stem in stems]


def term_counts(title: str | None, body: str) -> Counter[str]:
    counts = Counter(content_stems(body))
    if title:
        for stem in content_stems(title):
            counts[stem] += TITLE_WEIGHT
    return counts


def weigh(counts: Counter[str], df: DocumentFrequency, keep: int = TERMS_PER_ARTICLE) -> Vector:
    """Sublinear TF-IDF of the ``keep`` strongest terms, L2-normalised; in a long article
    a word used once counts ``ONCE_IN_LONG`` of its weight."""
    once = ONCE_IN_LONG if counts.total() >= LONG_ARTICLE else 1.0
    log = math.log
    weights = {stem: (1.0 + log(n) if n > 1 else once) * idf
               for (stem, n), idf in zip(counts.items(), df.idfs(counts), strict=True)}
    strongest = sorted(weights.items(), key=lambda item: -item[1])[:keep]
    norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
    return {stem: w / norm for stem, w in strongest}


def dot(a: Vector, b: Vector) -> float:
    # The shared keys come from a set intersection in C: two articles share a handful of
    # their 60 terms, so summing only those is several times faster than a lookup per term.
    # fsum is exact, so the set's order (strings hash differently in every process) never
    # changes the last bit of a cosine, nor a judgement that sits on it.
    return math.fsum([a[stem] * b[stem] for stem in a.keys() & b.keys()])
