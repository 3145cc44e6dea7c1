"""Choose sentences under a hard word budget, without saying anything twice.

Greedy maximal marginal relevance: each step takes the candidate whose salience, less its
similarity to what is already chosen, is highest among those that still fit the budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsweave.lede.introductions import introduces
from newsweave.model import Sentence
from newsweave.summarizer.fragments import is_fragment
from newsweave.summarizer.readability import (
    lost_a_name,
    points_at_the_page,
    speakerless_quote,
    stands_alone,
    talks_as_or_to_the_reader,
)
from newsweave.text import STOPWORDS, balanced_quotes, ends_as_sentence

MIN_WORDS = 6
DUPLICATE_COSINE = 0.6  # cosine at which two sentences count as saying the same
# Containment at which two sentences count as saying the same. At 0.5, 461 pairs of shown
# sentences in 1,000 Multi-News val summaries (54 in the 91 raw ones) had 0.4-0.5: read by
# hand, about two in three repeat each other ("The teacher realized it was not apple juice
# ..." / "... before the lead teacher realized the liquid was not apple juice"), the rest
# share names only. 0.4, for readability: Multi-News val ROUGE-1/2 -0.12/-0.13 (first
# 1,000) and -0.09/-0.09 (next 1,000); raw articles +0.13/+0.16; DUC 2006 -0.11/-0.03.
OVERLAP_DUPLICATE = 0.4
# Lower for two sentences that both give figures: "nine died ..." and "at least seven were
# killed ..." report one fact, shown once (where the figures conflict, in the version most
# outlets back). A readability
# rule, not a ROUGE one: it costs 0.16/0.17 ROUGE-1/2 on Multi-News val, 0.06/0.07 on raw
# articles, 0.12/0.01 on DUC 2006.
FIGURE_DUPLICATE = 0.35
MAX_WORDS = 70
# A sentence about a person the sentence before it named: "She did not mention ...".
_PERSONAL_PRONOUN = re.compile(r"^[\"“‘']?(?:He|She|They|His|Her|Their|Him|Them)\b")


# A sentence that is an aside in brackets: whole ("(Your guess is as good as mine.)"), left
# open, or opening on a pointer, a note or a caption's date ("(See pictures: ...) instead,
# ...", "(Feb. 13) AP White House chief of staff ..."). Not "(CNN) A man was ...".
_ASIDE = re.compile(
    r"[(\[](?:[^)\]]*|[^)\]]*[)\]]\W*|\s*(?:see|note|editor|update|photo|watch|read|click)"
    r"\b.*|\s*(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d.*)$",
    re.IGNORECASE | re.DOTALL)


# A statement this short is shown only where it is news told whole ("No injuries were
# reported.", "Lab results are pending.", "All four deer were killed."): of the 3-5-word
# sentences a summary took when any could be, most were a voice's aside ("That's the right
# response.", "Even if it is boring.", "Just ask Seth Rogen.") or leaned on a word of the
# sentence before ("They have two children.", "Others went to the church.").
SHORTEST_STATEMENT = 3
_DETERMINERS = frozenset(
    "the a an no all some many most several each every one two three four five six seven eight "
    "nine ten dozens hundreds thousands".split())
# Words that point back or speak for someone, anywhere in a short statement.
_POINTS_BACK = re.compile(
    r"\b(?:it|its|this|that|these|those|they|them|their|he|him|his|she|her|i|me|my|we|us|our"
    r"|you|your|there|here|though|too|also|either|so|then|now|such|same|other|others|another"
    r"|latter|former|more|both|thing|stuff|guys?|[a-z]+n[’']t|thats|lets|let|\w+self"
    r"|\w+selves"
    # "One was killed.", "One of them ...", not "No one was hurt." nor "One firefighter ..."
    r"|(?<!no )one(?= (?:of|was|is|were|has|had|did|does|will|would|said)\b))\b",
    re.IGNORECASE)
# Past its first word, a finite verb that says a statement's tense: an auxiliary or a past
# form. An imperative ("Sew in thin plastic tubing.", "Stay in the know.") and a teaser
# ("Opens friday at local theaters.") have none.
_TENSED = re.compile(r"^\S+\s.*\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might"
                     r"|must|should|did|does|do|\w+ed)\b", re.IGNORECASE)
_NO_SUBJECT = frozenset("underneath inside outside meanwhile instead yet later earlier again "
                        "even just only still sadly indeed besides anyway plus hence thus".split())
_SHORT_STATEMENT = re.compile(r"^(?P<first>[A-Z][\w-]*)\b[^,:;!?()\"“”‘’…\[\]]*\w\.$")


def short_statement(text: str) -> bool:
    """Is ``text`` a whole statement of news in under ``MIN_WORDS`` words? Opening on a
    determiner or a noun (not an adverb, a participle or a function word), then a tensed
    verb, with no word that points back or speaks for someone, and nothing but a full stop
    for punctuation."""
    words = len(text.split())
    found = _SHORT_STATEMENT.match(text)
    if (not found or not SHORTEST_STATEMENT <= words < MIN_WORDS or _POINTS_BACK.search(text)
            or not _TENSED.match(text)):
        return False
    first = found.group("first").lower()
    if first in _DETERMINERS and text.split()[1][:1].isupper():
        return False  # "The Holts adopted eight babies.": a name the sentence before gave
    return first in _DETERMINERS or (
        first not in STOPWORDS and first not in _NO_SUBJECT
        and not first.endswith(("ed", "ing", "ly")))


def is_candidate(sentence: Sentence, shortest: int = MIN_WORDS) -> bool:
    """Can this sentence be shown? Degraded units and fragments never are, nor a sentence
    cut off by the end of its text (Multi-News truncates every story to about 500 tokens):
    showing them bought 0.32/0.14 ROUGE-1/2 on Multi-News val (first 2,000) and nothing on
    full articles (raw dev -0.02/-0.04), where sentences are whole.
    Nor one that points at the page ("in the video above"): 35 of 45,749 candidates of
    3,000 training stories and 92 raw ones, 32 of them rightly. Nor one whose name the page
    lost with its link ("sponsored by Rep.(R-Fla.)"). Nor a verbless fragment ("Parts of
    the coast still under water."). Nor an aside in brackets: an editor's note, a pointer, a
    caption's date or the writer's quip ("(Note: this item was corrected ...)", "(See more
    video of inside of home.)", "(Your guess is as good as mine.)": 26 of 8,757 sentences
    in the summaries of the first 1,000 val stories). Nor a question, nor an exclamation
    outside quotation marks: news reports neither; what ends on "!" is a post, an ad, a
    teaser or the writer's aside ("Get smart America!", "Become an archaeologist for a
    day!": 247 of 50,083 sentences in the summaries of val; raw dev +0.04/+0.06
    ROUGE-1/2, val all -0.02/-0.01). ``shortest``: the fewest words.
    """
    words = len(sentence.text.split())
    text = sentence.text.rstrip()
    return (
        not sentence.degraded
        and not sentence.inside_quote
        and shortest <= words <= MAX_WORDS
        and not text.endswith((":", "?", "!", ",", "؟", "？", "！", "،", "："))  # in any script
        and (sentence.cut_short or ends_as_sentence(text))
        and reads_whole(text)
        and not _ASIDE.match(text)
    )


def shown_though_short(sentence: Sentence) -> bool:
    """A sentence under ``MIN_WORDS`` words that is still shown: a whole statement of news
    (:func:`short_statement`, checked first: it is cheap) that is a candidate but for its
    length. The lede is chosen among candidates only."""
    return (short_statement(sentence.text.rstrip())
            and is_candidate(sentence, SHORTEST_STATEMENT))


def reads_whole(text: str) -> bool:
    """Nothing of the text is missing for a reader: every quote it closes it opens, it
    says nothing of the page ("in the video above"), no name went with a link, it has a
    verb of its own. What a summary's sentence and the analysis's claims both need."""
    return (balanced_quotes(text) and not points_at_the_page(text)
            and not lost_a_name(text) and not is_fragment(text))


def withheld(sentences: list[Sentence], indices: set[int]) -> list[Sentence]:
    """``sentences`` with those at ``indices`` marked so that no selector shows them (a
    degraded unit is never a candidate: ``is_candidate``)."""
    return [replace(s, degraded=True) if i in indices else s for i, s in enumerate(sentences)]


def same_fact(overlap: np.ndarray, figures: np.ndarray, restating: np.ndarray | None = None
              ) -> np.ndarray:
    """(n, n): pairs that give figures for much the same content, the same figures or
    conflicting ones, or that give the same measures with agreeing figures (``restating``,
    from alignment): the second says it again, or contradicts it."""
    same = np.logical_and.outer(figures, figures) & (overlap >= FIGURE_DUPLICATE)
    return same if restating is None else same | restating


def better_backed(one_fact: np.ndarray, disagreeing: np.ndarray, support: np.ndarray
                  ) -> np.ndarray:
    """(n, n): [i, j] where j gives i's fact (``one_fact``) with figures that cannot both be
    true (``disagreeing``) and more outlets back j (``support``): of the two, j is shown."""
    return one_fact & disagreeing & (support[None, :] > support[:, None])


def says_the_same(similarity: np.ndarray, overlap: np.ndarray, one_fact: np.ndarray
                  ) -> np.ndarray:
    """(n, n): pairs of which a summary shows at most one, by any selector (``one_fact``
    from :func:`same_fact`)."""
    return (similarity >= DUPLICATE_COSINE) | (overlap >= OVERLAP_DUPLICATE) | one_fact


def _most_valuable(fits: np.ndarray, value: np.ndarray, outbacked: np.ndarray | None,
                   support: np.ndarray | None) -> int:
    value = np.where(fits, value, -np.inf)
    best = int(np.argmax(value))
    if outbacked is not None and support is not None:
        rivals = np.flatnonzero(fits & outbacked[best])
        if rivals.size:  # the version of this fact that more outlets report
            best = int(max(rivals, key=lambda r: (support[r], value[r])))
    return best


def _next_held(holding: list[int], fits: np.ndarray) -> int | None:
    """The first of ``holding`` that ``fits``, taken off it with those before it."""
    while holding:
        wanted = holding.pop(0)
        if fits[wanted]:
            return wanted
    return None


def _antecedent_of_a_better_pair(fits: np.ndarray, leaning: np.ndarray, value: np.ndarray,
                                 lengths: np.ndarray, budget: int, articles: np.ndarray,
                                 similarity: np.ndarray, duplicate_threshold: float
                                 ) -> int | None:
    """Of the sentences that ``fit`` and stand alone, the one whose follower in its article
    leans on it (``leaning``: would fit but for that) makes the pair of most value on
    average, where both fit the ``budget`` together: a sentence that leans ("He has
    collected more than 10,000 quality rocks ...") is worth its antecedent's place where the
    two are worth more than the best sentence on its own."""
    pairs = [k for k in np.flatnonzero(leaning[1:]) if fits[k] and articles[k] == articles[k + 1]
             and lengths[k] + lengths[k + 1] <= budget
             and similarity[k, k + 1] < duplicate_threshold]
    return int(max(pairs, key=lambda k: value[k] + value[k + 1])) if pairs else None


def _nobody_else_between(k: int, chosen: list[int], shown: list[Sentence],
                         names_someone: dict[int, bool]) -> bool:
    """Does a chosen sentence of ``k``'s article come before it with no sentence between
    them that names someone (``names_someone``: a cache of ``introduces(text, "")``)? "She
    did not mention the report" may follow "Mayor Renata Vos told the crowd ..." with a
    question skipped between, not a sentence three people later: shown there, "she" would
    be whoever the reader met last."""
    article = shown[k].article_index
    nearest = max((j for j in chosen if j < k and shown[j].article_index == article),
                  default=None)
    if nearest is None:
        return False
    for j in range(nearest + 1, k):
        if j not in names_someone:
            names_someone[j] = introduces(shown[j].text, "")
        if names_someone[j]:
            return False
    return True


def select(
    shown: list[Sentence],
    salience: np.ndarray,
    similarity: np.ndarray,
    max_words: int,
    redundancy: float = 1.0,
    duplicate_threshold: float = DUPLICATE_COSINE,
    overlap: np.ndarray | None = None,
    one_fact: np.ndarray | None = None,
    support: np.ndarray | None = None,
    disagreeing: np.ndarray | None = None,
    first: int | None = None,
    retelling: np.ndarray | None = None,
    candidates: np.ndarray | None = None,
    alone: np.ndarray | None = None,
    held: Sequence[int] = (),
) -> list[int]:
    """Indices of the chosen sentences, in the order chosen (``first``, the lede, taken
    before any other, where given; ``held``: taken next, each where it fits and repeats
    nothing taken; ``candidates`` and ``alone``: :func:`is_candidate` and
    ``stands_alone`` of each of ``shown``, where the caller has them already).

    ``shown`` are the sentences as they would be shown (trimmed), aligned with
    ``salience`` and ``similarity``. A candidate too similar to a chosen one (cosine, or
    ``overlap``: one's content contained in the other's) is never taken, whatever its
    salience: no two summary sentences say the same thing. Sentences that cannot stand
    alone (a leading "He", a quote without its speaker) are taken right after the sentence
    before them in their article; once nothing that stands alone is left, also after an
    earlier shown sentence of their article (read right behind it), but never one that
    talks as or to the reader ("I think", "you") or a quotation that names no speaker
    (behind another sentence it reads as that one's speaker's). That fills budget short stories left
    unused: Multi-News val (first 1,000) +0.14/+0.07 ROUGE-1/2 (docs/quality.md).

    ``one_fact`` (:func:`same_fact`) marks pairs that give figures for one fact: only one
    of them is taken. ``retelling`` marks pairs that likely tell one event in other words
    (``paraphrase.py``): the second is taken only where no other sentence fits. Where two
    versions' figures cannot both be true (``disagreeing``), the one taken is the version
    most outlets back (``support``); agreeing versions compete on salience alone.
    """
    if one_fact is None:
        one_fact = np.zeros((len(shown), len(shown)), dtype=bool)
    elif overlap is not None:
        overlap = np.where(one_fact, np.maximum(overlap, OVERLAP_DUPLICATE), overlap)
    if overlap is not None:
        # Rescaled so that containment at OVERLAP_DUPLICATE counts as a duplicate, like
        # cosine at duplicate_threshold, and below it adds to the redundancy penalty.
        similarity = np.maximum(similarity, overlap * (duplicate_threshold / OVERLAP_DUPLICATE))
    outbacked = None
    if support is not None and disagreeing is not None:
        outbacked = better_backed(one_fact, disagreeing, support)
    lengths = np.array([len(s.text.split()) for s in shown])
    available = (np.array([is_candidate(s) for s in shown], dtype=bool) if candidates is None
                 else candidates.copy())
    alone = (np.array([stands_alone(s.text) for s in shown], dtype=bool) if alone is None
             else alone.copy())
    if not (available & alone).any():
        alone[:] = True
    articles = np.array([s.article_index for s in shown])
    later_in_a_shown_article = np.zeros(len(shown), dtype=bool)
    # Leaning sentences that only their antecedent can introduce: "I think", "you", and a
    # quotation that names no speaker (after another sentence it is that one's speaker's).
    voiced = np.array([talks_as_or_to_the_reader(s.text) or speakerless_quote(s.text)
                       for s in shown], dtype=bool)
    names_someone: dict[int, bool] = {}  # worked out only where the fallback asks
    chosen: list[int] = []
    budget = max_words
    max_similarity = np.zeros(len(shown))
    retold = np.zeros(len(shown), dtype=bool)
    holding = list(held)
    while True:
        room = available & (lengths <= budget) & (max_similarity < duplicate_threshold)
        fits = room.copy()
        if (fits & ~retold).any():
            fits &= ~retold
        if (fits & alone).any():
            fits &= alone
        else:
            # Nothing that stands alone is left: a sentence that leans on an antecedent may
            # still come after a shown sentence of its own article, where the antecedent is
            # found, but never one that talks as or to the reader or quotes no one.
            fits &= later_in_a_shown_article & ~voiced
            for k in np.flatnonzero(fits):
                if _PERSONAL_PRONOUN.match(shown[k].text):
                    fits[k] = _nobody_else_between(int(k), chosen, shown, names_someone)
        wanted = (None if first is not None and not chosen else
                  _next_held(holding, room & ~retold))
        if first is not None and not chosen and lengths[first] <= budget:
            best = first
        elif wanted is not None:
            best = wanted
        elif not fits.any():
            return chosen
        else:
            value = salience - redundancy * max_similarity
            best = _most_valuable(fits, value, outbacked, support)
            opener = _antecedent_of_a_better_pair(
                fits, room & ~retold & ~alone & ~voiced, value, lengths, budget, articles,
                similarity, duplicate_threshold)
            if opener is not None and value[opener:opener + 2].mean() > value[best]:
                best = opener  # its follower, now standing alone behind it, comes next
        chosen.append(best)
        if retelling is not None:
            retold |= retelling[best]
        available[best] = False
        budget -= int(lengths[best])
        max_similarity = np.maximum(max_similarity, similarity[best])
        later_in_a_shown_article[best + 1:] |= articles[best + 1:] == articles[best]
        follower = best + 1
        if follower < len(shown) and shown[follower].article_index == shown[best].article_index:
            alone[follower] = True  # its antecedent is now in the summary, just before it
