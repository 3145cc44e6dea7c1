"""Item 8: stages whose cost grew with the square of the input are near-linear or capped.

Quotes are merged across outlets by comparing only pairs that share a run of words (the
result is the same as comparing every pair); entity tagging, the one stage that costs
per word at ~10,000 words a second, reads at most MAX_TAGGED_WORDS and says so.
"""

from __future__ import annotations

import random
import time

from newsweave.analysis import quotes
from newsweave.analysis.entities import MAX_TAGGED_WORDS, tagged_pieces, tagging_capped
from newsweave.analysis.groups import Groups
from newsweave.analysis.quotes import QuoteOccurrence, _excerpt, _same
from newsweave.model import Article
from newsweave.text import tokens

WORDS = "the bridge fell on tuesday and nine people died when divers searched water".split()


def _occurrences(count: int, seed: int) -> list[QuoteOccurrence]:
    rng = random.Random(seed)
    base = [" ".join(rng.choices(WORDS, k=rng.randint(3, 14))) for _ in range(count // 3 + 1)]
    found = []
    for index in range(count):
        words = rng.choice(base).split()
        if rng.random() < 0.4:  # a cut or an edit of a quotation another outlet printed
            cut = rng.randint(0, max(0, len(words) - 3))
            words = words[cut:] if rng.random() < 0.5 else words[: len(words) - cut] + ["said"]
        speaker = rng.choice([None, "Ann Lee", "Bo Chen"])
        found.append(QuoteOccurrence(index % 7, 0, 1, " ".join(words), speaker))
    return found


def _all_pairs(found: list[QuoteOccurrence]) -> list[list[int]]:
    groups = Groups(len(found))
    words = [tokens(o.text) for o in found]
    for a in range(len(found)):
        for b in range(a + 1, len(found)):
            if _same(words[a], words[b]) or _excerpt(found[a], found[b], words[a], words[b]):
                groups.join(a, b)
    return groups.groups()


def _bucketed(found: list[QuoteOccurrence]) -> list[list[int]]:
    groups = Groups(len(found))
    words = [tokens(o.text) for o in found]
    for a, b in quotes._candidate_pairs(words, [o.speaker for o in found]):
        if _same(words[a], words[b]) or _excerpt(found[a], found[b], words[a], words[b]):
            groups.join(a, b)
    return groups.groups()


def test_candidate_buckets_merge_exactly_as_all_pairs_do() -> None:
    for seed in range(5):
        found = _occurrences(150, seed)
        assert _bucketed(found) == _all_pairs(found)


def test_thousands_of_quotes_merge_in_about_linear_time() -> None:
    articles = [Article(id=f"a{i}", source=f"a{i}", text="x") for i in range(7)]
    distinct = [QuoteOccurrence(i % 7, 0, 1, f"quote number {i} about pier {i} and crew {i}",
                                "Ann Lee") for i in range(4000)]
    copies = [QuoteOccurrence(i % 7, 0, 1, "nobody was hurt and that is what matters", None)
              for i in range(4000)]
    started = time.perf_counter()
    merged = quotes._merge(articles, distinct + copies)
    assert time.perf_counter() - started < 5  # all pairs: 32 million comparisons
    assert len(merged) == 4001


def test_entity_tagging_is_capped_round_robin_and_says_so() -> None:
    paragraph = " ".join(["Mayor Renata Vos spoke in Port Ellis."] * 50)  # 350 words
    articles = [Article(id=f"a{i}", source=f"a{i}", text="\n\n".join([paragraph] * 40))
                for i in range(10)]
    pieces = tagged_pieces(articles)
    assert sum(len(text.split()) for text, _ in pieces) <= MAX_TAGGED_WORDS
    assert {index for _, index in pieces} == set(range(10))  # every outlet is read
    assert "entities are tagged in the first" in (tagging_capped(articles) or "")
    assert tagging_capped([Article(id="s", source="s", text=paragraph)]) is None
