"""Who backs a shown sentence when the story is larger than the alignment considers.

Alignment is sentences × sentences, so a story past ``prepare.MAX_SENTENCES`` is cut to
every article's earliest sentences before it is aligned; a later sentence of an article
could then not count that article as backing a shown one, and with many articles the top
sentence cited a third of those reporting it. After selection, the few shown sentences are
matched against every sentence of every article through an inverted index of content
stems: the same containment rule as ``align`` (IDF-weighted share of the sentence's
content, at least ``MIN_SHARED_STEMS`` stems, figures that agree), at a cost of the index's
postings for the shown sentences' stems, not of sentences squared.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from newsweave.model import Sentence
from newsweave.summarizer.align import (
    MIN_SHARED_STEMS,
    SUPPORT_THRESHOLD,
    Figures,
    figures_agree,
    measured_figures,
)
from newsweave.text import content_stems, number_tokens


class StemIndex:
    """Every sentence of a story, findable by the content stems it holds."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.stems = [set(content_stems(s.text)) for s in sentences]
        self.postings: dict[str, list[int]] = defaultdict(list)
        # figures by sentence text: many outlets repeat one wire sentence word for word
        self._figures: dict[tuple[str, bool], Figures] = {}
        for index, stems in enumerate(self.stems):
            for stem in stems:
                self.postings[stem].append(index)

    def backers(self, sentence: Sentence, idf: dict[str, float], known: list[int]) -> list[int]:
        """``known`` (articles already backing ``sentence``) and every other article with a
        sentence that contains it, in article order."""
        stems = set(content_stems(sentence.text))
        total = sum(idf.get(s, 1.0) for s in stems) or 1.0
        shared: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        known_set = set(known)
        for stem in stems:
            for other in self.postings.get(stem, ()):
                if self.sentences[other].article_index not in known_set:
                    shared[other] += idf.get(stem, 1.0)
                    count[other] += 1
        numbers = number_tokens(sentence.text)
        found = set(known)
        for other, weight in shared.items():
            article = self.sentences[other].article_index
            if (article in found or count[other] < MIN_SHARED_STEMS
                    or weight / total < SUPPORT_THRESHOLD):
                continue
            if self._figures_agree(sentence, numbers, self.sentences[other]):
                found.add(article)
        return sorted(found)

    def _figures_agree(self, sentence: Sentence, numbers: frozenset[str], other: Sentence
                       ) -> bool:
        theirs = number_tokens(other.text)
        if not (numbers and theirs):
            return True
        return figures_agree(self._measured(sentence), self._measured(other),
                             bool(numbers & theirs))

    def _measured(self, sentence: Sentence) -> Figures:
        key = (sentence.text, sentence.degraded)
        if key not in self._figures:
            self._figures[key] = measured_figures(sentence)
        return self._figures[key]


def idf_by_stem(vocabulary: dict[str, int], idf: np.ndarray) -> dict[str, float]:
    return {stem: float(idf[column]) for stem, column in vocabulary.items()}
