"""The update summary: the story's summary, less what the reader has already read.

The new articles are prepared and scored as a story of their own (so each sentence cites
only the new articles that back it); novelty.py then compares them with the previous
articles. A sentence mostly read before is never shown (for selection it is like a degraded
unit: it may back what is shown, never be shown itself); one partly read before loses
salience in proportion; one that changes a figure is always news, and gains salience.
The summary opens on the development: the most salient sentence shown, a changed figure
first where there is one; the whole story's lede is not held for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.errors import InputError
from newsweave.model import Article, EarlierReport, Sentence, Story, Summary, SummarySentence
from newsweave.summarizer.clean import clean_article
from newsweave.summarizer.pipeline import as_story, summarize_prepared
from newsweave.summarizer.prepare import MAX_SENTENCES, prepare
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.select import withheld
from newsweave.summarizer.word_importance import table_beside
from newsweave.update.novelty import Novelty, compare_with_previous, previous_sentences

# From this share of its content in one previous article (figures agreeing) a sentence is
# not news. DUC 2007 update sets B and C (10 sets, ROUGE-2 recall, 100 words, method auto,
# penalty 1.0): 0.5 / 0.7 / never 9.61 / 9.98 / 10.18, the same summarizer ignoring what
# was read 9.97 (docs/quality.md). 0.5 is where align.py lets an article back a sentence,
# but there "McKinney, 22, is charged with ... and could be sentenced to death" goes for
# its charges, read before, though the penalty it faces is news; "never" would repeat
# what the reader knows. Most of a sentence, then.
READ_SHARE = 0.7
# Standard deviations of salience a sentence loses per share of it read before: at 0.7,
# penalties 0 / 1 / 2 gave 10.01 / 9.98 / 9.98 (under coverage selection, auto's choice
# for DUC's sets, concepts outweigh salience, and it barely moves).
READ_PENALTY = 1.0
# Standard deviations of salience a sentence gains by changing a figure the reader knows
# ("nine dead" after "seven dead"): the development a short update should not leave out.
# Changes are rare (3 of 1,380 sentences of DUC's update sets), so set for the reader, not
# by ROUGE: at 30 words the mill-fire fixture otherwise shows the owner's pledge, not the toll.
CHANGE_BONUS = 1.0
# What ``auto`` means for an update: the unsupervised salience, selected greedily. What was
# read acts on salience (READ_PENALTY), and only the greedy selector lets salience decide:
# concept coverage, auto's choice for long inputs, weighs a bigram by the articles using it
# whether or not the reader has seen it. DUC 2007 B+C at 088f497 (docs/quality.md):
# coverage 9.14 given previous (8.59 ignoring it), unsupervised greedy 10.13 (9.50).
AUTO_UPDATE_METHOD = "unsupervised"
NOTHING_NEW = "the new articles report nothing that the previous ones do not"


def summarize_update(
    story: Story, max_words: int = 250, method: str = "auto", model_path: Path | None = None
) -> Summary:
    """What ``story.articles`` add for a reader who has read ``story.previous``."""
    if not story.articles:
        raise InputError("no new articles given")
    if method == "auto":
        method = AUTO_UPDATE_METHOD
    fresh = prepare(replace(story, previous=[]), table_beside(model_path))
    previous = [clean_article(a) for a in story.previous]
    old = previous_sentences(previous, MAX_SENTENCES)
    novelty = compare_with_previous(fresh.sentences, len(fresh.articles), old, len(previous))
    changed = novelty.changed
    read = (novelty.read >= READ_SHARE) & ~changed
    unread = withheld(fresh.sentences, {int(i) for i in np.flatnonzero(read)})
    penalty = np.where(changed, -CHANGE_BONUS, READ_PENALTY * novelty.read)
    # The story's lede is not held: an update opens on its development (development_first),
    # and the lede is often what the reader has read, told in other words.
    summary = summarize_prepared(replace(fresh, sentences=unread), max_words, method,
                                 model_path, penalty, hold_lede=False,
                                 read_before=[a.text for a in previous])
    summary.previous = previous
    if not summary.sentences and read.any():
        summary.warnings = [w for w in summary.warnings if w != summary.empty_reason]
        summary.empty_reason = NOTHING_NEW
        summary.warnings.append(NOTHING_NEW)
    _label(summary, fresh.sentences, novelty, previous)
    summary.sentences = development_first(summary.sentences)
    return summary


def update_summary(
    articles: Sequence[Any],
    previous: Sequence[Any],
    max_words: int = 250,
    method: str = "auto",
    focus: str | None = None,
) -> Summary:
    """The update of ``articles`` since ``previous`` (each: Articles, dicts or strings)."""
    new = as_story(articles)
    earlier: list[Article] = list(as_story(previous).articles) if previous else []
    return summarize_update(replace(new, previous=earlier, focus=focus or new.focus),
                            max_words, method)


def _label(summary: Summary, sentences: list[Sentence], novelty: Novelty,
           previous: list[Article]) -> None:
    """Mark each shown sentence new or a change, with the earlier reports it changes."""
    for shown in summary.sentences:
        index = next((i for i, s in enumerate(sentences) if s.article_index == shown.article_index
                      and s.start <= shown.start and shown.end <= s.end), None)
        earlier = novelty.changes[index] if index is not None else []
        shown.update = "change" if earlier else "new"
        shown.earlier = [EarlierReport(s.text, previous[s.article_index].id,
                                       previous[s.article_index].source) for s in earlier]


def development_first(sentences: list[SummarySentence]) -> list[SummarySentence]:
    """The reading order, with the development (a changed figure if any, else the most
    salient sentence that stands alone) and the sentences that lean on it moved first."""
    if not sentences:
        return sentences
    ranked = sorted(range(len(sentences)), key=lambda i: (
        not stands_alone(sentences[i].text), sentences[i].update != "change",
        -sentences[i].score))
    lead = ranked[0]
    end = lead + 1
    while end < len(sentences) and not stands_alone(sentences[end].text) and (
            sentences[end].article_index == sentences[lead].article_index):
        end += 1
    return sentences[lead:end] + sentences[:lead] + sentences[end:]
