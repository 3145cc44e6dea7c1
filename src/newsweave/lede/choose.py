"""Which sentence opens the summary.

Every sentence of the story gets a lede score (``model.py``); the lede is the best-scoring
chosen sentence that may open a summary: it stands alone, is not a quotation, does not
name its subject by a surname alone, is not in the first person, and does not come from
an opinion piece (an article that speaks in the first person in a good share of its
sentences: a columnist's view is not the news).
Where the articles have titles, the lede agrees with them: only the sentences that say
nearly as much of the titles as the best one does are considered. Multi-News has no
titles, so the model cannot learn this; titles are what editors chose as the news.
"""

from __future__ import annotations

import re

import numpy as np

from newsweave.lede.features import lede_features
from newsweave.lede.headline import title_headline
from newsweave.lede.introductions import subject_needing_introduction
from newsweave.lede.model import load_lede_model
from newsweave.model import Article, Sentence
from newsweave.summarizer.features import FeatureTable
from newsweave.summarizer.readability import speaks_in_first_person, stands_alone, starts_with_quote
from newsweave.text import content_stems

# An article this much of whose sentences speak as "I" or "we" is a column or a blog.
OPINION_FIRST_PERSON_SHARE = 0.2
# A lede says at least this share of what the best title-agreeing sentence says of them.
# At 0.75 the lede model's pick among all the story's sentences scored 10.26 on raw dev
# (issue 22's lede score), at 0.5 10.88, without the rule 11.60: most outlets' titles name
# the news in fewer words than any sentence, so this only keeps out the sentences off it.
TITLE_KEEP = 0.5
# Captions written as sentences: "X poses with ...", "... is seen before the deadline".
_CAPTION = re.compile(r"\b(?:poses?|posing|pictured|is seen|are seen|seen here)\b", re.IGNORECASE)


def lede_scores(shown: list[Sentence], table: FeatureTable, salience: np.ndarray,
                overlap: np.ndarray, n_articles: int, candidates: np.ndarray) -> np.ndarray:
    """How lede-like each sentence is (see ``features.lede_features`` for the arguments)."""
    features = lede_features(shown, table, salience, overlap, n_articles, candidates)
    return load_lede_model().scores(features)


def opinion_articles(sentences: list[Sentence], n_articles: int) -> set[int]:
    first_person = np.zeros(n_articles)
    total = np.zeros(n_articles)
    for sentence in sentences:
        total[sentence.article_index] += 1
        first_person[sentence.article_index] += speaks_in_first_person(sentence.text)
    return {a for a in range(n_articles)
            if total[a] and first_person[a] / total[a] >= OPINION_FIRST_PERSON_SHARE}


def may_open(sentence: Sentence, opinion: set[int]) -> bool:
    text = sentence.text
    return (stands_alone(text) and not starts_with_quote(text)
            and subject_needing_introduction(text) is None
            and sentence.article_index not in opinion and not _CAPTION.search(text))


def title_agreement(shown: list[Sentence], articles: list[Article]) -> np.ndarray:
    """Per sentence, the share of the best-supported title's content words it says (the
    title most articles' text agrees with: one article's own angle does not count); 0
    where there are no titles."""
    title = title_headline(articles, None)
    stems = set(content_stems(title)) if title else set()
    if len(stems) < 2:
        return np.zeros(len(shown))
    return np.array([len(stems & set(content_stems(s.text))) / len(stems) for s in shown])


def best_backed(able: list[int], one_fact: np.ndarray, support: np.ndarray) -> list[int]:
    """``able`` less each sentence another of them tells the same fact as, with more outlets
    behind it ("at least seven killed", the wire's first count, against "nine died")."""
    return [i for i in able if not any(one_fact[i, j] and support[j] > support[i]
                                       for j in able)]


def choose_lede(shown: list[Sentence], chosen: list[int], scores: np.ndarray,
                opinion: set[int], agreement: np.ndarray | None = None,
                backing: tuple[np.ndarray, np.ndarray] | None = None) -> int | None:
    """The chosen sentence to open on, or None where none may open a summary
    (``agreement``: ``title_agreement``, where the story has titles; ``backing``: pairs
    that tell one fact and each sentence's backers, to open on the best-backed version)."""
    able = [i for i in chosen if may_open(shown[i], opinion)]
    if backing is not None:
        able = best_backed(able, *backing)
    if agreement is not None and able and (best := max(agreement[i] for i in able)) > 0:
        able = [i for i in able if agreement[i] >= TITLE_KEEP * best]
    return max(able, key=lambda i: (scores[i], -i)) if able else None
