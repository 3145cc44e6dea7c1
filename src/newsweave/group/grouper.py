"""Incremental grouping: each arriving article joins the story it belongs to, or starts one.

An article is first checked for being a reprint of a stored article (``reprints.py``):
a reprint joins its original's story and records ``copy_of``. Otherwise its TF-IDF
vector (``features.py``) finds the stories that share one of its strongest terms (an
inverted index, so the cost does not grow with the store) and were published within
``window_days`` of it; the pair judge (``judge.py``) reads each candidate's similarity
channels (``pairs.py``) and the article joins the likeliest story if its probability
reaches ``threshold``, else it starts a story. ``add`` never revisits a decision, so a
story id, once given, never changes; a batch (``group``, ``newsweave group``) then takes a
second look at every article it added (``revise.py``). A page that is no news report (a
crawl notice, a sign-in box: ``not_news.py``) starts a story of its own that no later
article is offered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from newsweave.group.features import DocumentFrequency, Vector, weigh
from newsweave.group.judge import PairJudge, load_judge
from newsweave.group.pages import Page, read_page
from newsweave.group.pairs import SECONDS_PER_DAY as SECONDS_PER_DAY  # batch imports it here
from newsweave.group.pairs import StoryState, closest_features
from newsweave.group.postings import TimePostings
from newsweave.group.reprints import REPRINT_JACCARD, ReprintIndex, Signature
from newsweave.group.seen import SeenSentences
from newsweave.languages import story_language
from newsweave.model import Article, published_seconds

# The judge's probability from which an article joins its most likely candidate story;
# tuned on the Multi-News val pile (benchmarks/grouping.py; docs/quality.md).
JOIN_THRESHOLD = 0.35
# Articles whose publication dates lie further apart than this report different events,
# however alike their words (two hearings of one trial, two storms of one season).
DEFAULT_WINDOW_DAYS = 3.0
# A story's centroid keeps its strongest terms only (memory stays per story, not per word).
CENTROID_TERMS = 80
# Candidate stories are those sharing one of the article's strongest terms, among the
# latest stories listed under that term in the article's time (``postings.py``) ...
QUERY_TERMS = 15
# ... and of those, the ones sharing the most of the article's weight are compared in full
SHORTLIST = 20
# ... and the judge asked about the closest of them by centroid cosine (the others count).
JUDGED = 5


@dataclass
class Prepared:
    """An arriving article as the grouper compares it."""

    vector: Vector
    numbers: frozenset[str]
    timestamp: float | None
    minhash: Signature | None  # of the whole text: a reprint is found on it
    sentences: list[int]  # its sentences' fingerprints (seen.py)
    not_news: bool = False  # a page that reports nothing: a story of its own, never offered


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, the article it reprints (if any), whether new."""

    story_id: str
    copy_of: str | None
    new_story: bool
    not_news: bool = False


class Grouper:
    """An in-memory index of stories that assigns each new article to one.

    ``window_days``: articles further apart in time than this never share a story
    (articles without a date are compared with every story). ``threshold``: the judge's
    probability from which an article joins its likeliest candidate story. ``judge``:
    the shipped pair judge unless given (``train.py`` gives one that is never asked).
    ``reprint_jaccard``: the estimated shingle overlap from which an article is a reprint.
    ``revisable``: keep every article's vector and every story's members, so that
    ``revise.py`` can move articles after the pass (memory: a vector per article).
    """

    def __init__(
        self,
        window_days: float = DEFAULT_WINDOW_DAYS,
        threshold: float = JOIN_THRESHOLD,
        reprint_jaccard: float = REPRINT_JACCARD,
        judge: PairJudge | None = None,
        revisable: bool = False,
    ) -> None:
        if window_days <= 0:
            raise ValueError("window_days must be positive")
        self.window_days = window_days
        self.threshold = threshold
        self._judge = judge or load_judge()
        self._df = DocumentFrequency.shipped()
        self._reprints = ReprintIndex(reprint_jaccard)
        self._seen = SeenSentences()
        self._stories: dict[str, StoryState] = {}
        self._postings = TimePostings(window_days)
        self._story_of: dict[str, str] = {}
        self._original_of: dict[str, str] = {}
        self._next_number = 1
        self.revisable = revisable
        self._prepared: dict[str, Prepared] = {}  # revisable only
        self._members: defaultdict[str, list[str]] = defaultdict(list)  # revisable only
        self._arrival: dict[str, int] = {}  # revisable only: each article's place in order

    def __len__(self) -> int:
        """How many articles the index holds."""
        return len(self._story_of)

    @property
    def judge(self) -> PairJudge:
        return self._judge

    @property
    def df(self) -> DocumentFrequency:
        return self._df

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def add(self, article: Article, page: Page | None = None) -> Assignment:
        """Decide the article's story (and whether it is a reprint), and index it
        (``page``: its ``pages.read_page``, where worked out ahead).

        Sets ``article.language``, ``article.copy_of`` and ``article.not_news`` as decided.
        """
        page = page or read_page(article)
        if article.language is None:
            article.language = page.language or story_language([article])
        prepared = self.prepare(article, page)
        article.not_news = prepared.not_news
        if prepared.not_news:  # never a reprint, never joined: its wording is every notice's
            article.copy_of = None
            story_id = self._new_id()
            self.index(article.id, story_id, None, prepared)
            return Assignment(story_id, None, True, not_news=True)
        copied = self._reprints.best_match(prepared.minhash)
        copy_of: str | None = None
        if copied is not None and self._within_window(self._story_of[copied[0]],
                                                      prepared.timestamp):
            copy_of = self._original_of.get(copied[0], copied[0])
            found: str | None = self._story_of[copied[0]]
        else:
            found = self._best_story(prepared)
        story_id = found or self._new_id()
        article.copy_of = copy_of
        self.index(article.id, story_id, copy_of, prepared)
        return Assignment(story_id, copy_of, found is None)

    def add_existing(self, article: Article, story_id: str, copy_of: str | None = None,
                     page: Page | None = None) -> None:
        """Index an article whose story was decided before (a store read at start-up)."""
        self.index(article.id, story_id, copy_of, self.prepare(article, page))

    def prepare(self, article: Article, page: Page | None = None) -> Prepared:
        """The article's vector and numbers (of its own words: those of its page that no
        stored article carried), date, MinHash and whether it is no news report (its
        ``page``, read here unless given); its words are now counted."""
        page = page or read_page(article, language=False)
        kept, sentences = self._seen.own_words(page.sentences)
        counts = page.sentences.counts(kept)
        self._df.add(set(counts))
        return Prepared(weigh(counts, self._df), page.sentences.numbers_of(kept),
                        published_seconds(article.published), page.minhash, sentences,
                        page.not_news)

    def candidates(self, prepared: Prepared, judged: int = SHORTLIST
                   ) -> tuple[list[str], np.ndarray]:
        """The stories the inverted index offers (within the window), and their pair
        features (``pairs.PAIR_FEATURES``), one row each; only the ``judged`` closest
        (``pairs.closest_features``)."""
        vector = prepared.vector
        shared = self.shared_weights(vector, prepared.timestamp)
        shortlist = self.shortlist(shared, prepared.timestamp)
        kept, rows = closest_features(vector, prepared.numbers,
                                      [self._stories[story_id] for story_id in shortlist],
                                      [shared[story_id] for story_id in shortlist], self._df,
                                      judged)
        return [shortlist[i] for i in kept], rows

    def shared_weights(self, vector: Vector, timestamp: float | None) -> dict[str, float]:
        """Per story met in the inverted index near ``timestamp``, the weight of the
        article's strongest terms it lists (a story stays listed under a term after
        the term left its centroid, and in a bucket after its dates moved on: the window
        and the judge's channels look at the story as it is)."""
        shared: dict[str, float] = {}
        met = shared.get
        for stem in query_terms(vector):
            weight = vector[stem]
            for story_id in self._postings.listed(stem, timestamp):
                shared[story_id] = met(story_id, 0.0) + weight
        return shared

    def _list(self, story_id: str, stems: Iterable[str]) -> None:
        state = self._stories[story_id]
        self._postings.add(story_id, state.mean_time(), stems, state.centroid.keys())

    def shortlist(self, shared: dict[str, float], timestamp: float | None) -> list[str]:
        """The ``SHORTLIST`` stories within the window that share the most weight (of
        equal weights, the first met)."""
        kept: list[str] = []
        for story_id in heaviest_first(shared, 4 * SHORTLIST):
            if self._offered(story_id, timestamp):
                kept.append(story_id)
                if len(kept) == SHORTLIST:
                    break
        return kept

    def _best_story(self, prepared: Prepared) -> str | None:
        shortlist, rows = self.candidates(prepared, JUDGED)
        if not shortlist:
            return None
        probabilities = self._judge.probabilities(rows)
        best = int(np.argmax(probabilities))
        return shortlist[best] if probabilities[best] >= self.threshold else None

    def _within_window(self, story_id: str, timestamp: float | None) -> bool:
        return self._stories[story_id].days_from(timestamp) <= self.window_days

    def _offered(self, story_id: str, timestamp: float | None) -> bool:
        # A story emptied by ``revise.py`` is gone, though the index still lists its id.
        return story_id in self._stories and self._within_window(story_id, timestamp)

    def index(self, article_id: str, story_id: str, copy_of: str | None,
              prepared: Prepared) -> None:
        """Record the article under ``story_id`` (decided by ``add``, or given)."""
        state = self._stories.get(story_id)
        if state is None:
            state = self._stories[story_id] = StoryState()
            self._claim_number(story_id)
        self._story_of[article_id] = story_id
        self._seen.remember(prepared.sentences)  # a notice's sentences are no one's own words
        if self.revisable:  # what revise.py compares (the MinHash and fingerprints are kept
            # by the reprint index and the seen sentences)
            self._prepared[article_id] = replace(prepared, minhash=None, sentences=[])
            self._arrival[article_id] = len(self._arrival)
            self._members[story_id].append(article_id)
        if prepared.not_news:
            return  # in no posting list and no reprint index: no later article meets it
        before = set(state.centroid)
        state.add(prepared.vector, prepared.numbers, prepared.timestamp, CENTROID_TERMS)
        self._list(story_id, state.centroid.keys() - before)
        if copy_of is not None:
            self._original_of[article_id] = self._original_of.get(copy_of, copy_of)
        self._reprints.add(article_id, prepared.minhash)

    # --- what revise.py reads and changes (a revisable grouper only) ---

    def prepared_of(self, article_id: str) -> Prepared:
        return self._prepared[article_id]

    def members(self, story_id: str) -> list[str]:
        """The story's articles in arrival order."""
        return self._members.get(story_id, [])

    def original_of(self, article_id: str) -> str | None:
        """The article a stored reprint copies (None for an original)."""
        return self._original_of.get(article_id)

    def state(self, story_id: str) -> StoryState:
        return self._stories[story_id]

    def state_of(self, article_ids: list[str]) -> StoryState:
        """The state a story of these articles (in this order) would have."""
        state = StoryState()
        for article_id in article_ids:
            prepared = self._prepared[article_id]
            state.add(prepared.vector, prepared.numbers, prepared.timestamp, CENTROID_TERMS)
        return state

    def move(self, article_ids: list[str], story_id: str | None) -> str:
        """Move stored articles of one story to another (a new one for None); the story
        they leave is rebuilt without them, or forgotten when empty. Returns the story."""
        source = self._story_of[article_ids[0]]
        target = story_id or self._new_id()
        leaving = set(article_ids)
        self._members[source] = [a for a in self._members[source] if a not in leaving]
        self._members[target] = sorted(self._members[target] + article_ids,
                                       key=self._arrival.__getitem__)
        for article_id in article_ids:
            self._story_of[article_id] = target
        if not self._members[source]:
            del self._members[source], self._stories[source]
            self._postings.forget(source)
        else:
            self._rebuild(source)
        self._rebuild(target)
        return target

    def _rebuild(self, story_id: str) -> None:
        before = set(self._stories[story_id].centroid) if story_id in self._stories else set()
        if story_id not in self._stories:
            self._claim_number(story_id)
        state = self._stories[story_id] = self.state_of(self._members[story_id])
        self._list(story_id, state.centroid.keys() - before)

    def _new_id(self) -> str:
        while f"story-{self._next_number}" in self._stories:
            self._next_number += 1
        return f"story-{self._next_number}"

    def _claim_number(self, story_id: str) -> None:
        number = story_id.removeprefix("story-")
        if number.isdigit() and int(number) >= self._next_number:
            self._next_number = int(number) + 1


def heaviest_first(weights: dict[str, float], first: int) -> Iterator[str]:
    """The keys by descending weight, of equal weights in the dict's order (as ``sorted(
    weights, key=weights.get, reverse=True)``): the ``first`` heaviest (and their ties)
    are sorted at once, the rest only if asked for. A store's article meets hundreds of
    stories and most often takes its shortlist from the first few dozen."""
    ids = list(weights)
    values = np.fromiter(weights.values(), np.float64, len(ids))
    if len(ids) <= first:
        yield from (ids[i] for i in np.argsort(-values, kind="stable").tolist())
        return
    cut = np.partition(values, len(ids) - first)[len(ids) - first]
    for part in (values >= cut, values < cut):
        where = np.flatnonzero(part)
        yield from (ids[i] for i in where[np.argsort(-values[where], kind="stable")].tolist())


def query_terms(vector: Vector) -> list[str]:
    """The article's strongest terms: those the inverted index is asked about."""
    return sorted(vector, key=lambda stem: -vector[stem])[:QUERY_TERMS]
