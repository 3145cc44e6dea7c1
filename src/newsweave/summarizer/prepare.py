"""Prepare a story: every stage that does not depend on how the summary is chosen.

clean → (reprints set aside) → segment → represent → align → features. Both the summarizer
(``pipeline.summarize_prepared``) and the cross-source analysis (``analysis/analyze.py``)
start from a :class:`PreparedStory`, so each stage runs once per story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsweave.errors import InputError
from newsweave.group.reprints import reprint_sources
from newsweave.languages import language_warning, story_language, without_unspaced
from newsweave.model import Article, Sentence, Story
from newsweave.summarizer.align import Alignment, align
from newsweave.summarizer.clean import clean_article
from newsweave.summarizer.features import FeatureTable, compute_features
from newsweave.summarizer.list_pages import withhold_other_reports
from newsweave.summarizer.represent import Representation, represent
from newsweave.summarizer.segment import segment
from newsweave.summarizer.word_importance import DEFAULT_TABLE
from newsweave.summarizer.word_importance import load_table as load_word_importance

# Similarity and alignment are sentences × sentences: past this many sentences a story is
# cut to the first sentences of every article, with a warning, to keep memory bounded.
MAX_SENTENCES = 2000


@dataclass
class PreparedStory:
    """A story after the stages that do not depend on the summarization method."""

    articles: list[Article]
    sentences: list[Sentence]
    representation: Representation
    alignment: Alignment
    features: FeatureTable
    warnings: list[str] = field(default_factory=list)
    story_id: str | None = None
    focus: str | None = None
    language: str | None = None  # ISO 639-1, languages.story_language
    # Past MAX_SENTENCES: every sentence, for backing the shown ones (backing.py).
    all_sentences: list[Sentence] | None = None

    @property
    def sentence_counts(self) -> list[int]:
        counts = [0] * len(self.articles)
        for sentence in self.sentences:
            counts[sentence.article_index] += 1
        return counts


def prepare(story: Story, word_prior: Path = DEFAULT_TABLE) -> PreparedStory:
    """Every stage up to the feature table; ``word_prior`` is the lexical prior's table
    (the learned model must see the one it was trained with)."""
    warnings: list[str] = []
    articles = [clean_article(a) for a in without_unspaced(story.articles, warnings)]
    language = story_language(articles)
    if note := language_warning(language):
        warnings.append(note)
    copies = reprint_sources(articles)
    for index, article in enumerate(articles):
        article.copy_of = articles[copies[index]].id if index in copies else None
    sentences: list[Sentence] = []
    for index, article in enumerate(articles):
        if index in copies:
            continue  # a reprint is not an independent outlet: its original speaks for it
        found = segment(article, index)
        if not found:
            warnings.append(f"{article.id}: no usable sentence; it cannot back any claim")
        sentences.extend(found)
    if not sentences:
        raise InputError("no usable sentence in any article")
    sentences = withhold_other_reports(articles, sentences)
    if len(sentences) > MAX_SENTENCES:
        warnings.append(
            f"{len(sentences)} sentences: only the first {MAX_SENTENCES} (the earliest of "
            "every article) are considered for the summary; every sentence counts for "
            "which articles back it"
        )
        all_sentences: list[Sentence] | None = sentences
        sentences = _earliest(sentences, MAX_SENTENCES)
    else:
        all_sentences = None
    if len(articles) - len(copies) == 1:
        warnings.append("only one article: nothing to compare across outlets")
    representation = represent(sentences, len(articles))
    alignment = align(sentences, representation, len(articles))
    features = compute_features(
        articles, sentences, representation, alignment, load_word_importance(word_prior)
    )
    return PreparedStory(
        articles, sentences, representation, alignment, features, warnings, story.id,
        story.focus, language, all_sentences,
    )


def _earliest(sentences: list[Sentence], limit: int) -> list[Sentence]:
    kept = sorted(sentences, key=lambda s: (s.position, s.article_index))[:limit]
    return sorted(kept, key=lambda s: (s.article_index, s.position))
