"""Selection by concept coverage, for stories told by many articles or at length.

With 25 articles on one topic, greedy selection by salience keeps finding new wordings of
what it already has. Covering the story's concepts does better (Gillick & Favre 2009):
a concept is a stemmed word bigram as ROUGE-2 counts it (less those of two stopwords),
worth the number of the story's articles that use it, and the summary is the set of
sentences, within the word budget, that covers the most concept weight, plus a share of
their salience and a small reward per word (so the budget is used). Solved exactly as an
integer linear program by scipy's HiGHS solver over the best-scored candidates, with the
greedy selector's rules as constraints: no two sentences that say the same thing, and a
sentence that cannot stand alone only right after the one it leans on.

On DUC 2006 (25 articles a topic) ROUGE-2 recall: greedy selection 9.27; coverage of
content-stem bigrams counted among the candidates 9.94; of ROUGE-2's own bigrams counted
over the whole story 10.52. On full Multi-News articles (multinews-raw dev) it also beats
greedy selection of the learned model's scores, +0.27/+0.46 ROUGE-1/2, but only where the
input runs to several times the budget: on inputs under ~600 words it loses about a point
of ROUGE-1 (all of Multi-News's truncated val is that short). The pipeline chooses by
article count and input length (``pipeline.COVERAGE_MIN_ARTICLES``, ``COVERAGE_MIN_BUDGETS``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.model import Sentence
from newsweave.summarizer.readability import stands_alone
from newsweave.summarizer.select import better_backed, is_candidate, says_the_same
from newsweave.text import is_stopword, stem, tokens

POOL = 100  # best-scored candidates the program chooses from
MIN_ARTICLES = 3  # a bigram is a concept when at least this many articles use it
SALIENCE_WEIGHT = 5.0  # per standard deviation of salience, against one article's concept use
WORD_REWARD = 0.05
# The search stops after NODE_LIMIT branch-and-bound nodes, a limit that gives the same
# summary on a busy machine as on an idle one: with a time limit alone (it was 5 s) a
# starved process stopped early, and DUC 2006 read 41.60/10.49 instead of 41.70/10.51 with
# the test suite running beside it. Programs need at most 17 nodes and 1.1 s (DUC 2006,
# raw dev, idle); the time limit stays only as a guard against a pathological program.
NODE_LIMIT = 200
TIME_LIMIT_SECONDS = 60.0
# How many times a bigram naming the focus counts. DUC 2006 with each topic query as focus,
# ROUGE-2 recall: 10.73 without focus concepts; weight 1/2/2.5/3: 10.69/10.93/10.75/10.66.
# DUC's queries are long narratives naming many stems; a reader's short focus names a few,
# and below 3 an 80-word summary of examples/harbor-bridge focused on "the divers' search"
# does not move at all (tests/test_focus.py), so 3.
FOCUS_CONCEPT_WEIGHT = 3.0


Bigram = tuple[str, str]


def concept_bigrams(text: str) -> set[Bigram]:
    """The stemmed word bigrams ROUGE-2 would count, less those of two stopwords ("of the")."""
    words = tokens(text)
    return {(stem(a), stem(b)) for a, b in zip(words, words[1:], strict=False)
            if not (is_stopword(a) and is_stopword(b))}


def _concepts(shown: list[Sentence], pool: list[int], focus: set[str] | None = None
              ) -> tuple[list[set[Bigram]], dict[Bigram, float]]:
    """Each candidate's bigrams, and the concepts among them with their weight: the number
    of articles using each, counted over the whole story, not only the candidates, since an
    article reports a fact whether or not its sentence made the pool. A bigram naming the
    focus is a concept however few articles use it, and weighs FOCUS_CONCEPT_WEIGHT times."""
    every = [concept_bigrams(s.text) for s in shown]
    users: dict[Bigram, set[int]] = {}
    for sentence, pairs in zip(shown, every, strict=True):
        for pair in pairs:
            users.setdefault(pair, set()).add(sentence.article_index)
    bigrams = [every[i] for i in pool]
    in_pool = set().union(*bigrams)
    weights: dict[Bigram, float] = {}
    for pair, articles in users.items():
        about_focus = bool(focus and focus.intersection(pair))
        if pair in in_pool and (len(articles) >= MIN_ARTICLES or about_focus):
            weights[pair] = len(articles) * (FOCUS_CONCEPT_WEIGHT if about_focus else 1.0)
    return bigrams, weights


def select_by_coverage(
    shown: list[Sentence],
    salience: np.ndarray,
    similarity: np.ndarray,
    overlap: np.ndarray,
    one_fact: np.ndarray,
    max_words: int,
    focus: set[str] | None = None,
    support: np.ndarray | None = None,
    disagreeing: np.ndarray | None = None,
    first: int | None = None,
    held: Sequence[int] = (),
    showable: np.ndarray | None = None,
    alone: np.ndarray | None = None,
) -> list[int]:
    """Indices of the chosen sentences (``shown`` as they would be shown, trimmed;
    ``first``: the lede, which the summary must hold, where given; ``held``: more it must
    hold, each that fits beside the lede; ``showable`` and ``alone``: ``is_candidate`` and
    ``stands_alone`` of each of ``shown``, where the caller has them: on full articles
    asking again cost a sixteenth of a story's time);
    ``one_fact``, ``support`` and ``disagreeing`` as for :func:`~newsweave.summarizer.select.select`
    (of two versions of a fact whose figures conflict, only the better-backed one is a
    candidate); ``focus``: the stems of a focus
    (:func:`~newsweave.summarizer.focus.focus_stems`)."""
    candidates = ([int(i) for i in np.flatnonzero(showable)] if showable is not None
                  else [i for i, s in enumerate(shown) if is_candidate(s)])
    if support is not None and disagreeing is not None and candidates:
        outbacked = better_backed(one_fact, disagreeing, support)[:, candidates]
        candidates = [i for i in candidates if not outbacked[i].any()]
    pool = sorted(candidates, key=lambda i: -salience[i])[:POOL]
    if first is not None and len(shown[first].text.split()) > max_words:
        first = None
    if first is not None and first not in pool:
        pool.append(first)
    room = max_words - (len(shown[first].text.split()) if first is not None else 0)
    held = [i for i in held if i != first and len(shown[i].text.split()) <= room]
    pool.extend(i for i in held if i not in pool)
    if not pool:
        return []
    bigrams, weights = _concepts(shown, pool, focus)
    concepts = {pair: k for k, pair in enumerate(weights)}
    having = np.zeros((len(concepts), len(pool)))  # concept k is in candidate j
    for j, pairs in enumerate(bigrams):
        for pair in pairs:
            if pair in concepts:
                having[concepts[pair], j] = 1.0
    worth = np.array(list(weights.values()), dtype=float)
    # A concept only one candidate has is covered exactly when that candidate is chosen:
    # its weight goes to the sentence, and the program keeps variables for shared ones only
    # (several times faster to solve, same optimum).
    owned = having.sum(axis=1) == 1
    lengths = np.array([len(shown[i].text.split()) for i in pool], dtype=float)
    scores = salience[pool]
    standard = (scores - scores.mean()) / (scores.std() or 1.0)
    gain = SALIENCE_WEIGHT * standard + WORD_REWARD * lengths + worth[owned] @ having[owned]
    having, worth = having[~owned], worth[~owned]
    n, m = len(pool), len(worth)
    objective = -np.concatenate([gain, worth])
    rows: list[np.ndarray] = []
    upper: list[float] = []

    def add(row: np.ndarray, bound: float) -> None:
        rows.append(row)
        upper.append(bound)

    add(np.concatenate([lengths, np.zeros(m)]), float(max_words))
    for k in range(m):  # a shared concept counts only if some chosen sentence has it
        row = np.zeros(n + m)
        row[:n] = -having[k]
        row[n + k] = 1.0
        add(row, 0.0)
    among = np.ix_(pool, pool)
    same = says_the_same(similarity[among], overlap[among], one_fact[among])
    for a, b in zip(*np.nonzero(np.triu(same, 1)), strict=True):
        row = np.zeros(n + m)
        row[[a, b]] = 1.0
        add(row, 1.0)
    place = {i: j for j, i in enumerate(pool)}
    for must in ([first] if first is not None else []) + held:  # x_must >= 1
        row = np.zeros(n + m)
        row[place[must]] = -1.0
        add(row, -1.0)
    for j, i in enumerate(pool):
        if not (stands_alone(shown[i].text) if alone is None else alone[i]):
            # only with the sentence before it, or not at all
            row = np.zeros(n + m)
            row[j] = 1.0
            before = i - 1
            if before >= 0 and before in place and (
                    shown[before].article_index == shown[i].article_index):
                row[place[before]] = -1.0
            add(row, 0.0)
    # Imported here: scipy.optimize takes 0.14 s to import, paid by every worker process
    # at start, and most stories (every Multi-News one) never reach this program.
    from scipy.optimize import Bounds, LinearConstraint, milp

    result = milp(objective, integrality=np.ones(n + m), bounds=Bounds(0, 1),
                  constraints=LinearConstraint(np.array(rows), -np.inf, np.array(upper)),
                  options={"node_limit": NODE_LIMIT, "time_limit": TIME_LIMIT_SECONDS})
    if result.x is None:
        return []
    chosen = [pool[j] for j in range(n) if result.x[j] > 0.5]
    return sorted(chosen, key=lambda i: -salience[i])
