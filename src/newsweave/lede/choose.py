"""Which sentence opens the summary.

Every sentence of the story gets a lede score (``model.py``); the lede is the best-scoring
chosen sentence that may open a summary: it stands alone, is not a quotation, does not
name its subject by a surname alone, is not in the first person, and does not come from
an opinion piece (an article that speaks in the first person in a good share of its
sentences: a columnist's view is not the news).
Where outlets' titles agree with the story, the lede agrees with them: only the sentences
that say nearly as much of a title as the best one does are considered. Multi-News has
no titles, so the model cannot learn this; titles are what editors chose as the news.
"""

from __future__ import annotations

import re

import numpy as np

from newsweave.lede.cast import Cast
from newsweave.lede.features import lede_features
from newsweave.lede.headline import shortened, title_headline
from newsweave.lede.introductions import new_thing, subject_needing_introduction
from newsweave.lede.model import load_lede_model
from newsweave.lede.not_news import not_a_lede
from newsweave.model import Article, Sentence
from newsweave.summarizer.features import FeatureTable
from newsweave.summarizer.readability import speaks_in_first_person, stands_alone, starts_with_quote
from newsweave.summarizer.represent import Representation
from newsweave.text import content_stems

# An article this much of whose sentences speak as "I" or "we" is a column or a blog.
OPINION_FIRST_PERSON_SHARE = 0.2
# Two title rules, each keeping the sentences that say at least TITLE_KEEP of what the best
# of them says: (1) of the best-supported title, where another article says half its
# words (a single scraped "title" is as often a place line or a site's name, "Norfolk, VA
# (23510)", "Team Rickshaw 2018", as the news); (2) of any title the other articles back
# on average (TITLE_BACKING), IDF-weighted, where MIN_TITLES are: what makes the Hanoi
# example open on the summit's collapse, which three titles say in their own words.
# Issue 22's lede score on raw dev: rule (1) on any title 10.60, (1) backed + (2) 11.14;
# DUC 2006 ROUGE-2 10.54 and 10.60 (rule (2) alone at 0.75: 10.35, no title rule: 10.42).
TITLE_KEEP = (0.5, 0.75)
MIN_TITLES = 2
TITLE_BACKING = 0.5
# Captions written as sentences: "X poses with ...", "... is seen before the deadline".
_CAPTION = re.compile(r"\b(?:poses?|posing|pictured|is seen|are seen|seen here)\b", re.IGNORECASE)


def lede_scores(shown: list[Sentence], table: FeatureTable, salience: np.ndarray,
                overlap: np.ndarray, n_articles: int, candidates: np.ndarray,
                alone: np.ndarray | None = None) -> np.ndarray:
    """How lede-like each sentence is (see ``features.lede_features`` for the arguments)."""
    features = lede_features(shown, table, salience, overlap, n_articles, candidates, alone)
    return load_lede_model().scores(features)


def opinion_articles(sentences: list[Sentence], n_articles: int) -> set[int]:
    first_person = np.zeros(n_articles)
    total = np.zeros(n_articles)
    for sentence in sentences:
        total[sentence.article_index] += 1
        first_person[sentence.article_index] += speaks_in_first_person(sentence.text)
    return {a for a in range(n_articles)
            if total[a] and first_person[a] / total[a] >= OPINION_FIRST_PERSON_SHARE}


def may_open(sentence: Sentence, opinion: set[int], cast: Cast | None = None,
             alone: bool | None = None) -> bool:
    """``cast``: the story's (``cast.cast_of``), to tell a surname opening;
    ``alone``: ``stands_alone`` of the sentence, where the caller has it already. Nor
    does a clause cut short by the end of its text open: what happened comes whole
    (``lede.py`` val 9.49 with them, 9.52 without)."""
    text = sentence.text
    return (not sentence.cut_short and (stands_alone(text) if alone is None else alone)
            and not starts_with_quote(text)
            and subject_needing_introduction(text) is None
            and (cast is None or new_thing(text, cast) is None)
            and sentence.article_index not in opinion and not _CAPTION.search(text)
            and not not_a_lede(text, cast))


def _said(stems: set[str], bodies: list[set[str]], own: int) -> list[float]:
    """The share of ``stems`` each article's text but the ``own`` one says."""
    return [len(stems & body) / max(len(stems), 1) for k, body in enumerate(bodies) if k != own]


def article_stems(articles: list[Article]) -> list[set[str]]:
    """Each article's content stems: what its text says, to hold titles against."""
    return [set(content_stems(a.text)) for a in articles]


def backed_titles(articles: list[Article], bodies: list[set[str]]) -> list[set[str]]:
    """The content stems of each title the other articles' text (``bodies``:
    ``article_stems``) backs: on average they say at least ``TITLE_BACKING`` of its words.
    That is the story's news, not one article's own angle nor a scraped place line."""
    found = []
    for index, article in enumerate(articles):
        stems = set(content_stems(shortened(article.title))) if article.title else set()
        said = _said(stems, bodies, index)
        if len(stems) >= 2 and said and sum(said) / len(said) >= TITLE_BACKING:
            found.append(stems)
    return found


def title_agreement(shown: list[Sentence], articles: list[Article],
                    representation: Representation) -> np.ndarray:
    """(n, 2) per sentence: the share of the best-supported title's content words it says
    (0 where no other article says half that title's words), and the most of any backed
    title it says, each word weighted by its IDF in the story: a title's rarer words ("cut
    short", "collapses") are its news, the names every sentence shares are not (0 where
    fewer than ``MIN_TITLES`` titles are backed)."""
    agreement = np.zeros((len(shown), 2))
    if not any(a.title for a in articles):
        return agreement
    said = [set(content_stems(s.text)) for s in shown]
    bodies = article_stems(articles)
    title = title_headline(articles, None)
    owner = next((k for k, a in enumerate(articles) if a.title and title
                  and shortened(a.title) == title), -1)
    stems = set(content_stems(title)) if title else set()
    if len(stems) >= 2 and max(_said(stems, bodies, owner), default=0.0) >= TITLE_BACKING:
        agreement[:, 0] = [len(stems & own) / len(stems) for own in said]
    titles = backed_titles(articles, bodies)
    if len(titles) >= MIN_TITLES:
        idf = representation.idf
        rarest = float(idf.max()) if len(idf) else 1.0
        weight = {stem: float(idf[column]) for stem, column in representation.vocabulary.items()}

        def weighed(words: set[str]) -> float:
            return sum(weight.get(word, rarest) for word in words)

        agreement[:, 1] = [max(weighed(t & own) / weighed(t) for t in titles) for own in said]
    return agreement


def best_backed(able: list[int], one_fact: np.ndarray, support: np.ndarray) -> list[int]:
    """``able`` less each sentence another of them tells the same fact as, with more outlets
    behind it ("at least seven killed", the wire's first count, against "nine died")."""
    return [i for i in able if not any(one_fact[i, j] and support[j] > support[i]
                                       for j in able)]


def choose_lede(shown: list[Sentence], chosen: list[int], scores: np.ndarray,
                opinion: set[int], agreement: np.ndarray | None = None,
                backing: tuple[np.ndarray, np.ndarray] | None = None,
                cast: Cast | None = None, alone: np.ndarray | None = None) -> int | None:
    """The chosen sentence to open on, or None where none may open a summary
    (``agreement``: ``title_agreement``, where the story has titles; ``backing``: pairs
    that tell one fact and each sentence's backers, to open on the best-backed version;
    ``alone``: ``stands_alone`` of each of ``shown``, where the caller has it already)."""

    def opens(i: int, columns: set[int]) -> bool:
        return may_open(shown[i], columns, cast, None if alone is None else bool(alone[i]))

    able = [i for i in chosen if opens(i, opinion)]
    if not able and opinion:  # every article a column: the news is still told in one
        able = [i for i in chosen if opens(i, set())]
    if backing is not None:
        able = best_backed(able, *backing)
    for column, keep in enumerate(TITLE_KEEP):
        said = agreement[:, column] if agreement is not None else np.zeros(len(shown))
        if able and (best := max(said[i] for i in able)) > 0:
            able = [i for i in able if said[i] >= keep * best]
    return max(able, key=lambda i: (scores[i], -i)) if able else None
