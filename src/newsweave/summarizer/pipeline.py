"""The summarization pipeline: clean → segment → represent → align → score → select → order.

``prepare.py`` runs the stages every consumer needs (the summarizer and the cross-source
analysis alike); :func:`summarize_story` adds salience, selection and trimming.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.arguments import (
    METHODS,
    Method,
    check_articles,
    check_focus,
    check_max_words,
    check_method,
)
from newsweave.errors import InputError
from newsweave.lede.cast import cast_of, is_cased
from newsweave.lede.choose import (
    choose_lede,
    lede_scores,
    opinion_articles,
    title_agreement,
)
from newsweave.lede.headline import headline
from newsweave.lede.order import introduced_summary, news_order
from newsweave.model import Article, Sentence, Story, Summary, SummarySentence
from newsweave.reading.read import story_from_documents
from newsweave.summarizer.backing import StemIndex, idf_by_stem
from newsweave.summarizer.coverage import select_by_coverage
from newsweave.summarizer.cut_short import shorten
from newsweave.summarizer.focus import focus_relevance, focus_stems
from newsweave.summarizer.paraphrase import SURE_PARAPHRASE, cut_short_retellings, paraphrased
from newsweave.summarizer.prepare import PreparedStory, prepare
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.score import unsupervised_salience
from newsweave.summarizer.select import (
    MAX_WORDS,
    MIN_WORDS,
    is_candidate,
    same_fact,
    select,
    shown_though_short,
    withheld,
)
from newsweave.summarizer.trim import trim
from newsweave.summarizer.word_importance import table_beside

# How much a candidate's similarity to chosen sentences costs, per method: the learned
# scores are standardised per story, the unsupervised ones keep their own scale.
REDUNDANCY = {"learned": 0.3, "unsupervised": 1.0}
# The learned model under-rates what many outlets report on full articles (it was trained
# on truncated ones); this much standardised cross-source support is added back. Tuned on
# multinews-raw dev: +0.4 ROUGE-1 there, -0.1 on Multi-News val.
LEARNED_SUPPORT_BONUS = 0.6
# From this many articles ``auto`` selects by concept coverage (coverage.py), where greedy
# selection keeps finding new wordings of the same facts ...
COVERAGE_MIN_ARTICLES = 11
# ... and from this many times the word budget of input text (full articles, not
# Multi-News's truncated ones). multinews-raw dev, ROUGE-1/2: greedy 47.04/16.07; from 2, 2.4,
# 3, 4, 6 budgets 47.38/16.60, 47.31/16.54, 47.31/16.53, 47.29/16.49, 47.14/16.27. Inputs
# under ~600 words lose about a point of ROUGE-1 by coverage, hence no lower.
COVERAGE_MIN_BUDGETS = 3.0
# How much relevance to a focus counts, in standard deviations of salience. Tuned on the
# DUC 2006 topics with their queries as focus (0.2/0.3/0.4: ROUGE-2 10.16/10.33/10.23;
# after coverage selection moved to ROUGE-2's own bigrams 10.62/10.73/10.84, 0.3 kept: the
# best weight moved with the selector, and 50 topics cannot tell 0.3 from 0.4 apart).
# 0.4 since the model was retrained on whole sentences only: at 0.3 an 80-word summary of
# examples/harbor-bridge focused on "the divers' search" no longer changed at all
# (tests/test_focus.py); DUC with queries 10.43 at 0.3, 10.41 at 0.4.
FOCUS_WEIGHT = 0.4


def _selects_by_coverage(prepared: PreparedStory, max_words: int) -> bool:
    words = sum(len(s.text.split()) for s in prepared.sentences)
    return (len(prepared.articles) >= COVERAGE_MIN_ARTICLES
            or words >= COVERAGE_MIN_BUDGETS * max_words)


def _standardised(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / (values.std() or 1.0)


def salience_for(
    prepared: PreparedStory, method: str, model_path: Path | None = None
) -> tuple[np.ndarray, str]:
    """Salience per sentence, and the name of the method that produced it.

    ``auto`` uses the learned model where it is installed and the story is within the
    range of story sizes it was trained on, and the unsupervised scorer otherwise.
    ``model_path`` picks a model file other than the one shipped with the package.
    """
    if method not in METHODS:
        raise InputError(f"unknown method {method!r} (choose from {', '.join(METHODS)})")
    if method in ("auto", "learned"):
        from newsweave.summarizer.learned import load_default_model

        model = load_default_model(required=method == "learned", path=model_path)
        if model is not None and (method == "learned" or model.covers(len(prepared.articles))):
            support = _standardised(prepared.features.column("support_soft"))
            texts = [s.text for s in prepared.sentences]
            scores = model.predict(prepared.features, texts, prepared.representation.tokens)
            return scores + LEARNED_SUPPORT_BONUS * support, "learned"
    return unsupervised_salience(prepared.features), "unsupervised"


@dataclass
class StoryFacts:
    """(n, n) pairs of sentences that tell one fact: ``one`` for sure (the same figures, or
    one event in other words on much shared content: shown once by every selector), and
    ``likely`` (a paraphrase on less of it: the greedy selector shows both only where
    nothing else is left to say, paraphrase.py)."""

    one: np.ndarray
    likely: np.ndarray
    figures: np.ndarray  # of ``one``, the pairs that give figures for one fact (same_fact)
    overlap: np.ndarray  # the alignment's (n, n) overlap they were judged on
    paraphrases: np.ndarray  # every pair telling one event in other words, sure or likely


def story_facts(prepared: PreparedStory) -> StoryFacts:
    alignment, overlap = prepared.alignment, prepared.alignment.overlap()
    cased = is_cased(a.text for a in prepared.articles)
    representation = prepared.representation
    likely_only = np.zeros(overlap.shape, dtype=bool)
    retold = paraphrased(prepared.sentences, representation.stems, overlap, cased,
                         representation.tokens, likely_only)
    sure = retold & ~likely_only & (overlap >= SURE_PARAPHRASE)
    figures = same_fact(overlap, alignment.figures, alignment.restating)
    one = figures | sure
    return StoryFacts(one, retold & ~one, figures, overlap, retold)


def choose_sentences(prepared: PreparedStory, shown: list[Sentence], salience: np.ndarray,
                     max_words: int, method: str, used: str, facts: StoryFacts,
                     lede: int | None = None, candidates: np.ndarray | None = None,
                     alone: np.ndarray | None = None, held: Sequence[int] = ()) -> list[int]:
    """The sentences of the summary (indices into ``shown``, the trimmed sentences), by
    concept coverage or greedy selection (``used``: the salience's method; ``facts``:
    ``story_facts``; ``lede``: a sentence to hold, chosen first; ``held``: more to hold
    where they fit, the introductions of people the summary names; ``candidates`` and
    ``alone``: which of ``shown`` may be shown and which stand alone, where known)."""
    alignment = prepared.alignment
    similarity, overlap = prepared.representation.similarity, facts.overlap
    support, disagreeing = alignment.backer_counts(), alignment.disagreeing
    chosen: list[int] = []
    if method == "auto" and _selects_by_coverage(prepared, max_words):
        about = focus_stems(prepared.focus) if prepared.focus else None
        chosen = select_by_coverage(shown, salience, similarity, overlap,
                                    facts.one | facts.likely, max_words, about, support,
                                    disagreeing, lede, held, candidates, alone)
    if not chosen:  # the default, and the fallback should the solver find nothing in time
        chosen = select(shown, salience, similarity, max_words, REDUNDANCY[used],
                        overlap=overlap, one_fact=facts.one, support=support,
                        disagreeing=disagreeing, first=lede, retelling=facts.likely,
                        candidates=candidates, alone=alone, held=held)
    return chosen


def summarize_prepared(
    prepared: PreparedStory,
    max_words: int = 250,
    method: str = "auto",
    model_path: Path | None = None,
    penalty: np.ndarray | None = None,
    hold_lede: bool = True,
    read_before: Sequence[str] = (),
    facts: StoryFacts | None = None,
) -> Summary:
    """``penalty``: per sentence, standard deviations of salience taken off it (an update
    summary's share of the sentence the reader has already read); ``hold_lede``: choose the
    lede from the whole story first and build the summary around it; ``read_before``: texts
    the reader has read (an update's previous articles), which introduce people too;
    ``facts``: ``story_facts(prepared)``, where the caller needs them too."""
    if max_words < 1:
        raise InputError(f"--max-words must be at least 1, not {max_words}")
    salience, used = salience_for(prepared, method, model_path)
    warnings = list(prepared.warnings)
    if prepared.focus:
        relevance = focus_relevance(prepared.focus, prepared.representation)
        if not relevance.any():
            warnings.append("the focus names nothing these articles mention; it was ignored")
        salience = salience + FOCUS_WEIGHT * salience.std() * _standardised(relevance)
    if penalty is not None:
        salience = salience - (salience.std() or 1.0) * penalty
    shown = shorten([trim(s) for s in prepared.sentences])
    facts = facts if facts is not None else story_facts(prepared)
    if (retold := cut_short_retellings(shown, prepared.representation.stems)) is not None:
        facts = replace(facts, one=facts.one | retold, likely=facts.likely & ~retold)
    overlap = facts.overlap
    candidates = np.array([is_candidate(s) for s in shown], dtype=bool)
    alone = np.array([stands_alone(s.text) for s in shown], dtype=bool)  # asked many times
    shortest_too = candidates | np.array([shown_though_short(s) for s in shown], dtype=bool)
    lede_value = lede_scores(shown, prepared.features, salience, overlap,
                             len(prepared.articles), candidates, alone)
    opinion = opinion_articles(prepared.sentences, len(prepared.articles))
    agreement = title_agreement(shown, prepared.articles, prepared.representation)
    cast = cast_of([a.text for a in prepared.articles] + list(read_before),
                   [a.title for a in prepared.articles if a.title])
    # The lede is chosen first, from the whole story, and the rest of the summary around it.
    best = choose_lede(shown, [int(i) for i in np.flatnonzero(candidates)], lede_value,
                       opinion, agreement, (facts.figures, prepared.alignment.backer_counts()),
                       cast, alone) if hold_lede else None

    def arrange(left_out: set[int], held: Sequence[int]) -> list[int]:
        available = withheld(shown, left_out) if left_out else shown
        showable = shortest_too.copy()
        showable[list(left_out)] = False  # what ``withheld`` does to each of them
        chosen = choose_sentences(prepared, available, salience, max_words, method, used,
                                  facts, best, showable, alone, held)
        lede = choose_lede(shown, chosen, lede_value, opinion, agreement, cast=cast, alone=alone)
        return news_order(shown, chosen, prepared.sentence_counts, lede, cast, alone)

    # who may introduce a person the summary names: sentences that may be shown, best first
    ranked = [int(i) for i in np.argsort(-salience, kind="stable") if candidates[i] and alone[i]]
    ordered = introduced_summary(shown, arrange, cast, read_before, ranked)
    supporting = {i: prepared.alignment.supporters(i) for i in ordered}
    if prepared.all_sentences is not None and ordered:  # backing beyond the sentence cap
        index = StemIndex(prepared.all_sentences)
        idf = idf_by_stem(prepared.representation.vocabulary, prepared.representation.idf)
        supporting = {i: index.backers(prepared.sentences[i], idf, supporting[i])
                      for i in ordered}
    sentences = [
        SummarySentence(
            text=shown[i].text,
            article_index=shown[i].article_index,
            start=shown[i].start,
            end=shown[i].end,
            supporting=supporting[i],
            score=float(salience[i]),
            cut_short=shown[i].cut_short,
        )
        for i in ordered
    ]
    empty_reason = None
    if not sentences and not candidates.any():
        empty_reason = ("no sentence can be shown: each is a question, an exclamation, a "
                        f"fragment, cut off, or under {MIN_WORDS} or over {MAX_WORDS} words")
    elif not sentences:
        empty_reason = f"no sentence fits in {max_words} words"
    if empty_reason:
        warnings.append(empty_reason)
    title = headline(prepared.articles, shown[ordered[0]].text if ordered else None)
    return Summary(sentences, prepared.articles, max_words, used, prepared.story_id, warnings,
                   prepared.focus, empty_reason, headline=title)


def summarize_story(
    story: Story, max_words: int = 250, method: str = "auto", model_path: Path | None = None
) -> Summary:
    if story.previous:  # what the articles add to those the reader has read
        from newsweave.update import summarize_update

        return summarize_update(story, max_words, method, model_path)
    prepared = prepare(story, table_beside(model_path))
    return summarize_prepared(prepared, max_words, method, model_path)


def as_story(articles: Sequence[Any] | Story) -> Story:
    """A Story from what Python users have: strings, dicts, Articles, or a Story."""
    if isinstance(articles, Story):
        return articles
    if articles and all(isinstance(a, Article) for a in articles):
        return Story(articles=list(articles))
    return story_from_documents(articles)


def summarize(
    articles: Sequence[str | Mapping[str, Any] | Article] | Story,
    max_words: int = 250,
    method: Method = "auto",
    focus: str | None = None,
    previous: Sequence[Any] | None = None,
) -> Summary:
    """Summarize one story told by several articles.

    ``articles`` may be strings, dicts with ``text`` (and optional ``source``, ``title``,
    ``url``, ``published``), :class:`~newsweave.model.Article` objects or a
    :class:`~newsweave.model.Story`. ``focus`` (a topic or question) makes the summary
    prefer the sentences about it. ``previous`` (in the same forms): articles the reader has
    already read; the summary then tells only what ``articles`` add to them. Any argument
    it cannot use raises :class:`~newsweave.errors.InputError` (see arguments.py).
    """
    max_words, method = check_max_words(max_words), check_method(method)
    focus = check_focus(focus)
    story = as_story(check_articles(articles))
    if focus is not None:
        story = replace(story, focus=focus)
    if previous is not None:
        read_before = as_story(check_articles(previous)).articles if previous else []
        story = replace(story, previous=list(read_before))
    return summarize_story(story, max_words, method)


def summary_sentences(
    story: Story, max_words: int = 250, method: str = "auto", model_path: Path | None = None
) -> list[str]:
    """The summary as a list of sentences, for evaluation: a story with nothing usable
    scores as an empty summary instead of stopping the run."""
    try:
        summary = summarize_story(story, max_words, method, model_path)
        return [s.text for s in summary.sentences]
    except InputError:
        return []
