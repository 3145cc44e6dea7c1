"""Which sentences of the new articles the reader has already read, and which change a figure.

The new articles' sentences are aligned with the previous articles' exactly as outlets are
aligned with each other (align.py): a new sentence is *read* to the extent that a previous
article contains its content with figures that agree ("nine dead" is read where an earlier
article said "nine people died"); it *changes* a figure where a previous sentence that would
back it but for its figures gives the same measure a value that cannot also be true ("9
dead" after "7 dead"): new figures for a known quantity are news, and are flagged as such.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from newsweave.model import Article, Sentence
from newsweave.summarizer.align import SUPPORT_THRESHOLD, align, figures_agree, measured_figures
from newsweave.summarizer.represent import represent
from newsweave.summarizer.segment import segment


@dataclass
class Novelty:
    """Per sentence of the new articles (in their order), what the reader knows of it."""

    read: np.ndarray  # the largest share of it one previous article reports, figures agreeing
    # the previous sentences whose figures it changes (their article_index: a previous article)
    changes: list[list[Sentence]]

    @property
    def changed(self) -> np.ndarray:
        return np.array([bool(found) for found in self.changes], dtype=bool)


def previous_sentences(previous: list[Article], limit: int) -> list[Sentence]:
    """The previous articles' sentences, at most ``limit`` (the earliest of each article):
    alignment is sentences × sentences, so a long reading history is cut, not the news."""
    found = [s for index, article in enumerate(previous) for s in segment(article, index)]
    if len(found) <= limit:
        return found
    kept = sorted(found, key=lambda s: (s.position, s.article_index))[:limit]
    return sorted(kept, key=lambda s: (s.article_index, s.position))


def compare_with_previous(new: list[Sentence], n_new_articles: int,
                          old: list[Sentence], n_old_articles: int) -> Novelty:
    """Align ``new`` (article indices into the new articles) with ``old`` (into the previous)."""
    if not old or not new:
        return Novelty(np.zeros(len(new)), [[] for _ in new])
    shifted = [replace(s, article_index=s.article_index + n_old_articles) for s in new]
    combined = old + shifted
    n_articles = n_old_articles + n_new_articles
    alignment = align(combined, represent(combined, n_articles), n_articles)
    first = len(old)
    read = alignment.backing.row_max(slice(first, None), slice(0, n_old_articles))
    changes: list[list[Sentence]] = []
    for i in range(first, len(combined)):
        rivals = np.flatnonzero(alignment.disagreeing[i, :first])
        changes.append([old[j] for j in rivals if _changes(combined[i], old[j],
                                                           alignment.containment, i, int(j))])
    return Novelty(read, changes)


def _changes(new: Sentence, old: Sentence, containment: np.ndarray, i: int, j: int) -> bool:
    """One would back the other but for its figures: a measure with values that cannot both
    be true. Where the two only share a few words ("Only 21 states ... have hate crime
    laws" and "Eight states have no hate crimes laws"; at align's looser
    RESTATING_CONTAINMENT), a counted noun in common does not make one fact."""
    if max(containment[i, j], containment[j, i]) < SUPPORT_THRESHOLD:
        return False
    a, b = measured_figures(new), measured_figures(old)
    return bool(a.keys() & b.keys()) and not figures_agree(a, b, shared_number=False)
