"""One event told by two outlets in other words: a paraphrase, shown once.

"A Florida police officer last weekend bought a replacement engagement ring ..." and "A
Florida police officer went above and beyond ... engagement ring had been snatched ..."
share too little of their wording for ``select.says_the_same`` (half of one's weighted
content in the other) yet report one event. Two sentences of *different* articles are
paraphrases where they share at least ``MIN_SHARED`` content stems, ``SHARE`` of the
shorter one's, and ``MIN_OVERLAP`` of one's IDF-weighted content (so that sharing the
story's names, which every sentence repeats, is not enough). Within one article a second
sentence mostly adds to the first; such a pair counts only on much stronger evidence
(``WITHIN_MIN_OVERLAP``, ``WITHIN_MIN_EVENT``): an article that tells its lede again
further down, credited to its source.

Tuned on the development sets with ``benchmarks/readability.py`` (paraphrase pairs per 100
summaries) and ROUGE (docs/quality.md, 2026-12-06). Across articles at IDF overlap 0.25:
Multi-News val (first 1,000) 131.0 -> 55.2 pairs but ROUGE-1 -0.30 (short inputs: what
replaces the retelling says less); raw dev 139.1 -> 58.7, ROUGE-1/2 +0.19/+0.27. Within
articles too: val ROUGE-2 -0.20 more. Hence two strengths: from ``SURE_PARAPHRASE`` a pair
is never shown together; below it the greedy selector takes the second only where no other
sentence fits (val 64.7 pairs, ROUGE-1/2 -0.23/-0.08).

Sharing the story's names and topic words is not sharing an event: in DUC 2007's Microsoft
topic "A U.S. federal judge ordered ... Microsoft Corp. to be split in two" and "In his
ruling, Federal District Judge Thomas Penfield Jackson wrote that Microsoft violated the
Sherman Antitrust Act." share "Microsoft" (a word most of the story's sentences use), one
name ("Federal ... Judge") and "violated". A pair tells one event only where what it shares
beyond the story's topic words (``TOPIC_SHARE``) weighs ``MIN_EVENT`` or more: each
content stem 1, each name (a run of capitalised words inside a sentence: "Bertrand
Piccard", "Judge Thomas Penfield Jackson") ``NAME_WEIGHT``, however many words it has.

Multi-News's text is lower-cased, so no capitals mark its names: "new york mayor michael
bloomberg said sunday that gun-reform supporters ..." and "new york mayor michael bloomberg
on sunday praised president barack obama's trip ..." share five event stems by the count
above. There a run of content words that recurs word for word in ``NAME_RUN_SENTENCES``
of the story's sentences ("michael bloomberg", "nonsteroidal anti-inflammatory drugs") is
taken for a name.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import numpy as np

from newsweave.model import Sentence
from newsweave.summarizer.readability import attribution, has_speech_verb, starts_with_quote
from newsweave.summarizer.trim import trim_span
from newsweave.text import content_stems, is_stopword, stem, tokens

MIN_SHARED = 4
SHARE = 0.3
# A clause cut short (cut_short.py) is the weaker of two sentences sharing this much of
# the shorter one's content stems (names and topic words included): never shown with it.
CUT_SHARE = 0.4
MIN_OVERLAP = 0.25
# From this IDF overlap a paraphrase is sure: never shown twice. Below it, the greedy
# selector (short inputs) still takes one where no other sentence is left to say something
# new (``select.select``'s ``retelling``).
SURE_PARAPHRASE = 0.3
# Topic words: content stems that most of the story's sentences use (TOPIC_SHARE), and at
# least TOPIC_MIN_SENTENCES of them (in a story of a dozen sentences a word four share is
# still news). What else a pair shares must weigh MIN_EVENT. With it DUC 2007 update B+C
# given previous 10.13 -> 10.40, ignoring previous 8.53 -> 9.78. A share of 0.2 separated
# more (DUC 2007 the same) but let raw dev's summaries retell more (benchmarks/
# readability.py: 77 pairs per 100 against 66; docs/quality.md, 2026-12-06 05:50-07:30).
TOPIC_SHARE = 0.5
TOPIC_MIN_SENTENCES = 6
MIN_EVENT = 2.5
NAME_WEIGHT = 0.5
# A run of capitalised words not opening the sentence: a name, titles and all.
_NAME_RUN = re.compile(r"(?<=[\w,;:)\]] )(?:[A-Z][\w'’.&-]*(?: |$))+")
# One thing happening to one subject, told in other verbs: "The northern span of the
# 57-year-old bridge fell into Port Ellis harbour ..." and "The northern span of the
# bridge, which links ..., collapsed shortly before 6pm" share 3 content stems and 0.2 of
# their IDF-weighted content, below the rule above. Where both open on the same subject
# (SUBJECT_MIN_SHARED content stems among each one's first OPENING_WORDS words) and
# neither reports speech (one speaker says many things), a lower IDF overlap is enough.
SUBJECT_MIN_OVERLAP = 0.15
SUBJECT_MIN_SHARED = 2
OPENING_WORDS = 6
# Within one article a second sentence mostly adds to the first, but an article may also
# tell its lede again further down, credited this time ("Ferguson Police Chief Thomas
# Jackson ... told reporters the 'robbery does not relate to the initial contact ...'"
# after "The Ferguson police officer who shot Michael Brown didn't stop him because he was
# suspected in a convenience-store robbery, ..."). Such a pair needs an overlap of
# WITHIN_MIN_OVERLAP (a sure one) and WITHIN_MIN_EVENT beyond the story's topic words and
# the article's own (stems in ARTICLE_TOPIC_SHARE of its sentences, and at least
# ARTICLE_TOPIC_MIN_SENTENCES): an article keeps naming what it is about.
WITHIN_MIN_OVERLAP = 0.35
WITHIN_MIN_EVENT = 4.0
# A quotation and its paraphrase: "Kellogg Co., citing the “deterioration” of a country
# ..., said Tuesday it was closing operations ..." and, next, "“The current economic and
# social deterioration in the country has now prompted the company to discontinue
# operations,” the ... company said." A sentence that quotes words the other has (every
# content stem of the quotation) tells the same statement: one event, in any articles, from
# QUOTED_MIN_OVERLAP and MIN_EVENT; a likely one only (``likely_only``), whatever its overlap:
# a quoted title or slogan ("the \"today\" show") is shared by sentences on other facts, and
# as sure paraphrases such pairs cost Multi-News val all ROUGE-1 0.02 (short inputs).
QUOTED_MIN_OVERLAP = 0.2
_QUOTATION = re.compile(r"[\"“”]([^\"“”]{2,200})[\"“”]")
# A report credited at its end to an unnamed source (", police said.", ", according to
# officials.") still opens on its subject, not on a speaker: "The northern span of the Tollan
# Bridge ... gave way at about 5:40 p.m., police said." retells "The northern span of the
# 57-year-old bridge fell into ...". A named or pronoun speaker (", Shi said.", ", he added.")
# makes it a statement, which stays speech: two officials' statements on one subject are two
# facts (DUC 2006's Mongolia topic). The source takes a few lower-case words, what follows
# the verb a few more ("on Tuesday", "in a statement").
_CREDITED_AT_THE_END = re.compile(
    r",\s+(?:according\s+to(?:\s+[a-z][\w.'’-]*){1,6}"
    r"|(?!(?:he|she|they|it|i|we|you)\s)(?:[a-z][\w.'’-]*\s+){1,6}"
    r"(?:said|says|told\s+[\w.'’-]+|added|stated|announced|wrote|tweeted)(?:\s+[\w.'’-]+){0,3})"
    r"\s*[.!?][\"”’]?\s*$")
# A few outlets' reports of one story open on its news: two of their first sentences that
# share much (a sure overlap, LEDES_MIN_OVERLAP) tell the main event twice even where what
# they share beyond the names is one stem ("A group of activists from Greenpeace ...
# scaled the Shard ..." and "Greenpeace protesters have climbed to the summit of London's
# Shard ..."): LEDES_MIN_EVENT. A collection of many articles (DUC's 25 a topic, months
# apart) opens on many events: there the rule is off (DUC 2006 ROUGE-2 10.57 -> 10.48 with it).
# From 0.3 to 0.2 when a photo credit no longer took an article's lede away (trim.py): more
# ledes, more told twice (val 300: 63.3 -> 62.0 pairs per 100, readability.py).
LEDES_MIN_OVERLAP = 0.2
LEDES_MIN_EVENT = 1.5
LEDES_MAX_ARTICLES = 5
# ... but an announcement and the event it announces are two (``_announces``).
_TO_COME = re.compile(r"\b(?:will|shall|[’']ll|going to|expected to|scheduled to|set to|"
                      r"plans? to|planning to)\b", re.IGNORECASE)
# Lower-cased text: a pair of adjacent content words found in this many sentences is part
# of a name. In two only (any pair of sentences sharing a phrase), Multi-News val's
# summaries (first 300) had 71.3 crude paraphrase pairs per 100 (readability.py), in three
# 59.0, from 52.0; of the 21 pairs three let in, about 15 were two facts, not one
# (docs/quality.md, 2026-12-06 13:36-).
NAME_RUN_SENTENCES = 3
# ... and a name may hold these between its words ("fish, wildlife and parks", "senate
# committee on aging"): val 1,000 ROUGE-1 +0.02, crude pairs 59.0 -> 60.0.
NAME_RUN_JOINS = frozenset({"of", "and", "on", "for", "the"})
ARTICLE_TOPIC_SHARE = 0.25
ARTICLE_TOPIC_MIN_SENTENCES = 3


def paraphrased(sentences: list[Sentence], stems: list[list[str]], overlap: np.ndarray,
                cased: bool = True, words: list[list[str]] | None = None,
                likely_only: np.ndarray | None = None) -> np.ndarray:
    """(n, n) bool, symmetric: pairs of sentences of different articles (or, on stronger
    evidence, of one article) that tell one event in other words (``stems``: each
    sentence's content stems, ``overlap``: the alignment's symmetric IDF-weighted
    containment; ``cased``: the text keeps its capitals, which mark names; ``words``: each
    sentence's tokens, where the caller has them; ``likely_only``: an (n, n) bool array,
    where given, set at the pairs found on weaker evidence, never sure paraphrases)."""
    n = len(sentences)
    found = np.zeros((n, n), dtype=bool)
    if n < 2:
        return found
    articles = np.array([s.article_index for s in sentences])
    apart = articles[:, None] != articles[None, :]
    sets = [set(words) for words in stems]
    topic = topic_stems(sets)
    names = {} if cased else recurring_runs(sentences, words=words)
    speakers: dict[int, set[str]] = {}  # per sentence, as _speaker finds them
    # Only pairs past the IDF overlap are compared word by word: few, in any story.
    for i, j in zip(*np.nonzero(np.triu((overlap >= MIN_OVERLAP) & apart, 1)), strict=True):
        if _one_event(sentences, sets, topic, names, speakers, i, j, MIN_EVENT):
            found[i, j] = found[j, i] = True
    ledes = np.array([s.position == 0 for s in sentences])
    if len(set(articles.tolist())) > LEDES_MAX_ARTICLES:
        ledes[:] = False
    for i, j in zip(*np.nonzero(np.triu((overlap >= LEDES_MIN_OVERLAP) & apart & ~found
                                        & ledes[:, None] & ledes[None, :], 1)), strict=True):
        if (_announces(sentences[i].text) == _announces(sentences[j].text)
                and _one_event(sentences, sets, topic, names, speakers, i, j, LEDES_MIN_EVENT)):
            found[i, j] = found[j, i] = True
    within = np.triu((overlap >= WITHIN_MIN_OVERLAP) & ~apart, 1)
    about: dict[int, set[str]] = {}  # per article, its own topic words too
    for i, j in zip(*np.nonzero(within), strict=True):
        article = int(articles[i])
        if article not in about:
            about[article] = topic | topic_stems(
                [sets[k] for k in np.flatnonzero(articles == article)],
                ARTICLE_TOPIC_SHARE, ARTICLE_TOPIC_MIN_SENTENCES)
        if _one_event(sentences, sets, about[article], names, speakers, i, j, WITHIN_MIN_EVENT):
            found[i, j] = found[j, i] = True
    near = np.triu((overlap >= SUBJECT_MIN_OVERLAP) & apart & ~found, 1)
    openings: dict[int, set[str] | None] = {}
    for i, j in zip(*np.nonzero(near), strict=True):
        first, second = _opening(sentences[i], openings, i), _opening(sentences[j], openings, j)
        if (first is not None and second is not None
                and len(first & second) >= SUBJECT_MIN_SHARED
                and _event_weight(sentences, sets, topic, names, speakers, i, j) >= MIN_EVENT):
            found[i, j] = found[j, i] = True
    quoted: dict[int, list[set[str]]] = {}
    for i, j in zip(*np.nonzero(np.triu((overlap >= QUOTED_MIN_OVERLAP) & ~found, 1)),
                    strict=True):
        if ((_quotes(sentences[i], sets[j], quoted, i)
             or _quotes(sentences[j], sets[i], quoted, j))
                and _one_event(sentences, sets, topic, names, speakers, i, j, MIN_EVENT)):
            found[i, j] = found[j, i] = True
            if likely_only is not None:
                likely_only[i, j] = likely_only[j, i] = True
    return found


def cut_short_retellings(shown: list[Sentence], stems: list[list[str]]) -> np.ndarray | None:
    """(n, n): pairs of a clause cut short (``Sentence.cut_short``) and a sentence that
    shares ``MIN_SHARED`` of its content stems and ``CUT_SHARE`` of the shorter one's, names
    and topic words included; None where nothing was cut short. A cut clause is worth its
    " …" only where it tells what no shown sentence does: with this module's full test
    alone, 300 val summaries showed 10 more pairs that ``readability.py`` counts as
    paraphrases (0.3: none, and val all ROUGE-1 -0.02; 0.4: 5, -0.01).
    ``stems``: each sentence's content stems, untrimmed."""
    cut = [i for i, sentence in enumerate(shown) if sentence.cut_short]
    if not cut:
        return None
    sets = [set(s) for s in stems]
    pairs = np.zeros((len(shown), len(shown)), dtype=bool)
    for i in cut:
        own = set(content_stems(shown[i].text))
        for j, other in enumerate(sets):
            shared = len(own & other)
            if j != i and shared >= MIN_SHARED and shared >= CUT_SHARE * min(len(own), len(other)):
                pairs[i, j] = pairs[j, i] = True
    return pairs


def _announces(text: str) -> bool:
    """It tells of what is still to come: "Mitt Romney has announced that he'll be giving a
    speech Thursday ..." is not the speech itself ("Mitt Romney delivered a sweeping
    broadside against Donald Trump on Thursday ...")."""
    return bool(_TO_COME.search(text))


def _one_event(sentences: list[Sentence], sets: list[set[str]], topic: set[str],
               names: dict[int, list[set[str]]], speakers: dict[int, set[str]], i: int, j: int,
               least: float) -> bool:
    shared = len(sets[i] & sets[j])
    return (shared >= MIN_SHARED and shared >= SHARE * min(len(sets[i]), len(sets[j]))
            and _event_weight(sentences, sets, topic, names, speakers, i, j) >= least)


def topic_stems(sets: list[set[str]], share: float = TOPIC_SHARE,
                fewest: int = TOPIC_MIN_SENTENCES) -> set[str]:
    """The content stems most of the story's sentences use (``share`` of them, and at least
    ``fewest``): what it is about, not what happened in it."""
    counts = Counter(word for words in sets for word in words)
    least = max(share * len(sets), fewest)
    return {word for word, count in counts.items() if count >= least}


def _event_weight(sentences: list[Sentence], sets: list[set[str]], topic: set[str],
                  names: dict[int, list[set[str]]], speakers: dict[int, set[str]], i: int,
                  j: int) -> float:
    """What sentences i and j share beyond the story's topic and beyond a speaker both name
    (``readability.attribution``: "Leon Marsh said X" and "Leon Marsh said Y" are two
    statements): a content stem counts 1, a name (its stems in one run of capitals in either
    sentence) NAME_WEIGHT."""
    shared = ((sets[i] & sets[j]) - topic
              - (_speaker(sentences[i], speakers, i) & _speaker(sentences[j], speakers, j)))
    runs = [run & shared for k in (i, j) for run in _name_runs(sentences[k], names, k)]
    runs = [run for run in runs if run]
    named = set().union(*runs) if runs else set()
    groups: list[set[str]] = []
    for run in runs:  # runs sharing a stem are one name ("Judge Jackson", "Judge Thomas ...")
        joined = [g for g in groups if g & run]
        groups = [g for g in groups if not g & run] + [run.union(*joined)]
    return len(shared - named) + NAME_WEIGHT * len(groups)


def _speaker(sentence: Sentence, cache: dict[int, set[str]], key: int) -> set[str]:
    if key not in cache:
        cache[key] = set(content_stems(attribution(sentence.text)))
    return cache[key]


def _name_runs(sentence: Sentence, cache: dict[int, list[set[str]]], key: int
               ) -> list[set[str]]:
    if key not in cache:
        cache[key] = [{stem(t) for t in tokens(run) if len(t) > 1 and not is_stopword(t)}
                      for run in _NAME_RUN.findall(sentence.text)]
    return cache[key]


def _quotes(sentence: Sentence, other: set[str], cache: dict[int, list[set[str]]], key: int
            ) -> bool:
    """Does ``sentence`` quote words whose content stems ``other`` all has?"""
    if key not in cache:
        cache[key] = [found for quotation in _QUOTATION.findall(sentence.text)
                      if (found := set(content_stems(quotation)))]
    return any(quotation <= other for quotation in cache[key])


def _opening(sentence: Sentence, cache: dict[int, set[str] | None], key: int) -> set[str] | None:
    """The content stems a sentence opens on (its subject, mostly), or None for reported
    speech, which a speaker's name opens whatever they said (a report credited at its end
    is not that: ``_CREDITED_AT_THE_END``). A dateline is no subject: "NAIROBI, June 9
    (Xinhua) --" opens a wire service's every report."""
    if key not in cache:
        start, end = trim_span(sentence.text, first=sentence.position == 0)
        text = _CREDITED_AT_THE_END.sub("", sentence.text[start:end])
        cache[key] = (None if has_speech_verb(text) or starts_with_quote(text)
                      else set(content_stems(" ".join(text.split()[:OPENING_WORDS]))))
    return cache[key]


def recurring_runs(sentences: list[Sentence], least: int = NAME_RUN_SENTENCES,
                   words: list[list[str]] | None = None) -> dict[int, list[set[str]]]:
    """Per sentence, the stems of each run of content words whose adjacent pairs (over
    ``NAME_RUN_JOINS``) recur in ``least`` of the sentences: the names of lower-cased
    text, as ``_name_runs`` finds them by capitals in cased text (``words``: each
    sentence's tokens, where the caller has them)."""
    found_words = [tokens(s.text) for s in sentences] if words is None else words
    sequences = [[stem(t) if len(t) > 1 and not is_stopword(t) else None
                  for t in sentence_words if t not in NAME_RUN_JOINS]
                 for sentence_words in found_words]
    counts: Counter[tuple[str, str]] = Counter()
    for sequence in sequences:
        counts.update({(a, b) for a, b in pairwise(sequence) if a and b})
    runs: dict[int, list[set[str]]] = {}
    for k, sequence in enumerate(sequences):
        found: list[set[str]] = []
        current: set[str] = set()
        for a, b in pairwise(sequence):
            if a and b and counts[(a, b)] >= least:
                current |= {a, b}
            elif current:
                found.append(current)
                current = set()
        runs[k] = found + [current] if current else found
    return runs
