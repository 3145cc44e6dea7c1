"""Item 8: stages whose cost grew with the square of the input are near-linear or capped.

Quotes are merged across outlets by comparing only pairs that share a run of words (the
result is the same as comparing every pair); entity tagging, the one stage that costs
per word at ~10,000 words a second, reads at most MAX_TAGGED_WORDS and says so.
"""

from __future__ import annotations

import random
import time

from scipy import sparse

from newsweave.analysis import quotes
from newsweave.analysis.entities import MAX_TAGGED_WORDS, tagged_pieces, tagging_capped
from newsweave.analysis.names import NameIndex
from newsweave.analysis.quotes import QuoteOccurrence, _excerpt, _same
from newsweave.group.reprints import _candidate_pairs, is_copy, shingles
from newsweave.group.text import news_text
from newsweave.links import Links
from newsweave.model import Article, Sentence
from newsweave.summarizer.align import align
from newsweave.summarizer.represent import represent
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
    groups = Links(len(found))
    words = [tokens(o.text) for o in found]
    for a in range(len(found)):
        for b in range(a + 1, len(found)):
            if _same(words[a], words[b]) or _excerpt(found[a], found[b], words[a], words[b]):
                groups.link(a, b)
    return groups.groups()


def _bucketed(found: list[QuoteOccurrence]) -> list[list[int]]:
    groups = Links(len(found))
    words = [tokens(o.text) for o in found]
    for a, b in quotes._candidate_pairs(words, [o.speaker for o in found]):
        if _same(words[a], words[b]) or _excerpt(found[a], found[b], words[a], words[b]):
            groups.link(a, b)
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


def _reprint_story(rng: random.Random) -> list[Article]:
    vocabulary = [f"w{k}" for k in range(400)]
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(30, 90))) for _ in range(40)]
    texts = list(originals)
    for _ in range(25):  # reprints: a line cut, a line added, or word for word
        words = rng.choice(originals).split()
        cut = rng.randint(0, len(words) // 4)
        texts.append(" ".join(words[cut:] if rng.random() < 0.5 else words + ["extra"] * cut))
    rng.shuffle(texts)
    return [Article(id=f"a{i}", source=f"a{i}", text=t) for i, t in enumerate(texts)]


def test_reprints_compare_only_candidate_pairs_and_find_what_all_pairs_find() -> None:
    for seed in range(4):
        articles = _reprint_story(random.Random(seed))
        texts = [shingles(news_text(a)) for a in articles]
        candidates = _candidate_pairs(texts)
        exhaustive = {(b, a) for a in range(len(texts)) for b in range(a)
                      if is_copy(texts[a], texts[b])}
        assert exhaustive <= {(b, a) for a, earlier in enumerate(candidates) for b in earlier}
        assert sum(map(len, candidates)) < len(texts) ** 2 / 8  # not every pair
    distinct = [set(f"{i} {k}".encode() for k in range(50)) for i in range(2000)]
    assert not any(_candidate_pairs(distinct))  # 2,000 distinct texts: nothing to compare


def test_sentence_by_article_tables_stay_sparse_with_many_articles() -> None:
    words = [f"crew{c} pier{c} tower{c} cable{c} span{c}." for c in range(35)]
    sentences = [Sentence(k, 0, 30, words[k % 35], 0) for k in range(300)]  # 35 kinds
    alignment = align(sentences, represent(sentences, 20_000), 20_000)
    assert sparse.issparse(alignment.backing.values)
    assert alignment.backing.values.nnz <= 300 * 300
    assert alignment.supporters(0) == [k for k in range(300) if k % 35 == 0]
    assert alignment.best_match(0, 35) == 35 and alignment.best_match(0, 20_000 - 1) == -1


def test_name_lookups_answer_as_the_first_introduced_name() -> None:
    index = NameIndex()
    for name in ["Kim Jong-un", "Ann Lee", "Bo Kim", "Ann Marsh", "Lee Ann"]:
        index.add_name(name)
    index.add_role(frozenset({"north", "korean", "leader"}), "Kim Jong-un", 0)
    index.add_role(frozenset({"leader"}), "Ann Lee", 5)
    assert [index.full_name(s) for s in ("Lee", "Kim", "Ann", "Marsh", "Nobody")] == [
        "Ann Lee", "Bo Kim", "Lee Ann", "Ann Marsh", None]
    assert index.by_role(frozenset({"leader"})) == "Kim Jong-un"
    assert index.by_role(frozenset({"korean", "leader"})) == "Kim Jong-un"
    assert index.by_role(frozenset({"mayor"})) is None
    story = NameIndex()
    story.extend(index)
    story.extend(index)
    assert story.full_names == index.full_names and story.full_name("Kim") == "Bo Kim"
