"""Find reprints: the same wire copy under another masthead, lightly edited.

Texts are compared as sets of word 5-grams ("shingles") of their news text (boilerplate
already gone, so a shared crawl notice or sign-up box never makes two pages copies);
MinHash signatures and locality-sensitive hashing (datasketch) offer, among any number of
stored articles, the few whose shingle sets may overlap, in time independent of the
store's size; each is then measured exactly on stored shingle hashes (a MinHash estimate
of 64 values errs by 0.06, enough to miss a short reprint).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsweave.links import Links
from newsweave.model import Article, published_seconds
from newsweave.text import tokens

if TYPE_CHECKING:  # datasketch takes ~1.5 s to import: only a grouper pays for it
    from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 64
# A reprint keeps most of its original: of the shorter text's shingles this share or more
# is in the other (a short wire item whose first line is rewritten and one paragraph of
# five dropped keeps 0.6-0.8 of its shingles; the new first line is in no other text) ...
REPRINT_CONTAINMENT = 0.6
# ... and the two overlap by this Jaccard or more (so a brief quoted inside a long feature
# is no copy of it). Two outlets' own reports of one event share under 0.1.
REPRINT_JACCARD = 0.2
# LSH offers candidates from a lower Jaccard, its estimate being noisy; each candidate is
# then measured exactly on the two texts' shingle hashes.
CANDIDATE_JACCARD = 0.12
# Below this many shingles a text is too short to call a copy (a two-line brief).
MIN_SHINGLES = 20


def shingles(text: str) -> set[bytes]:
    words = tokens(text)
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Drawing the random permutations costs more than hashing an article: draw them once.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)


def copies(shared: int, size_a: int, size_b: int, min_jaccard: float = REPRINT_JACCARD
           ) -> bool:
    """Whether texts of ``size_a`` and ``size_b`` shingles, ``shared`` of them in both,
    are copies of one text."""
    if min(size_a, size_b) < MIN_SHINGLES:
        return False
    jaccard = shared / (size_a + size_b - shared)
    return jaccard >= min_jaccard and shared >= REPRINT_CONTAINMENT * min(size_a, size_b)


def is_copy(a: set[bytes], b: set[bytes]) -> bool:
    """Exact comparison of two texts' shingles, for the few articles of one story."""
    return copies(len(a & b), len(a), len(b))


@dataclass
class Signature:
    values: np.ndarray  # the MinHash's NUM_PERM values
    hashes: np.ndarray  # the shingles' CRC-32s, sorted, unique: exact overlap, 4 bytes each
    bands: list[bytes]  # its LSH band keys at CANDIDATE_JACCARD (read ahead with the page)


@lru_cache(maxsize=4)
def band_ranges(threshold: float) -> tuple[tuple[int, int], ...]:
    """The bands (first, end value) datasketch's LSH chooses for this threshold."""
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def band_keys(values: np.ndarray, ranges: tuple[tuple[int, int], ...]) -> list[bytes]:
    """Per band, its MinHash values as a key: two texts meet in a band where all are equal."""
    return [values[start:end].tobytes() for start, end in ranges]


def signature(text: str) -> Signature | None:
    """The MinHash of a text's shingles; None for a text too short to judge."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    # CRC-32 is a fine 32-bit hash for shingles and several times faster than SHA-1.
    template = _template()
    minhash = type(template)(num_perm=NUM_PERM, hashfunc=zlib.crc32,
                      permutations=template.permutations, scheme=template.scheme)
    found_list = list(found)
    minhash.update_batch(found_list)
    hashes = np.unique(np.fromiter(map(zlib.crc32, found_list), np.uint32, len(found_list)))
    values = minhash.hashvalues
    return Signature(values, hashes, band_keys(values, band_ranges(CANDIDATE_JACCARD)))


class ReprintIndex:
    """Signatures of stored articles, searchable for near-copies of a new one: the
    locality-sensitive hashing of datasketch's ``MinHashLSH`` (its bands, one table of
    stored articles per band), on band keys worked out with each page."""

    def __init__(self, threshold: float = REPRINT_JACCARD) -> None:
        self.threshold = threshold
        self._ranges = band_ranges(min(threshold, CANDIDATE_JACCARD))
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in self._ranges]
        self._read_ahead = self._ranges == band_ranges(CANDIDATE_JACCARD)  # found.bands
        self._hashes: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def _bands(self, found: Signature) -> list[bytes]:
        if self._read_ahead:
            return found.bands
        return band_keys(found.values, self._ranges)

    def _offered(self, found: Signature) -> set[str]:
        """The stored articles that share a band with the text (LSH's candidates)."""
        met: set[str] = set()
        for key, table in zip(self._bands(found), self._tables, strict=True):
            listed = table.get(key)
            if listed:
                met.update(listed)
        return met

    def best_match(self, found: Signature | None) -> tuple[str, float] | None:
        """The stored article this text copies most closely, and their Jaccard."""
        if found is None:
            return None
        best: tuple[str, float] | None = None
        # In a fixed order: of equally close copies, the same one is chosen in every run.
        for key in sorted(self._offered(found)):
            stored = self._hashes[key]
            shared = len(np.intersect1d(stored, found.hashes, assume_unique=True))
            jaccard = shared / (len(stored) + len(found.hashes) - shared)
            if copies(shared, len(stored), len(found.hashes), self.threshold) and (
                best is None or jaccard > best[1]
            ):
                best = (key, jaccard)
        return best

    def add(self, article_id: str, found: Signature | None) -> None:
        if found is None or article_id in self._hashes:
            return
        for key, table in zip(self._bands(found), self._tables, strict=True):
            table.setdefault(key, []).append(article_id)
        self._hashes[article_id] = found.hashes


def _candidate_pairs(texts: list[set[bytes]]) -> list[list[int]]:
    """Per text, the earlier texts it may copy or be copied by, found by prefix filtering
    (exact, not an estimate): with every text's shingles ordered rarest first, two texts
    with Jaccard >= REPRINT_JACCARD share a shingle among the first
    ``len - ceil(REPRINT_JACCARD * len) + 1`` of each. A story of n distinct articles so
    compares a few pairs, not n²/2."""
    judged = [t if len(t) >= MIN_SHINGLES else set() for t in texts]
    frequency = Counter(shingle for text in judged for shingle in text)
    postings: dict[bytes, list[int]] = {}
    candidates: list[list[int]] = []
    for index, text in enumerate(judged):
        keep = len(text) - math.ceil(REPRINT_JACCARD * len(text) - 1e-9) + 1
        shared = [shingle for shingle in text if frequency[shingle] > 1]
        keep -= len(text) - len(shared)  # its own shingles come first and match nothing
        found: set[int] = set()
        for shingle in sorted(shared, key=lambda s: (frequency[s], s))[:max(keep, 0)]:
            holders = postings.setdefault(shingle, [])
            found.update(holders)
            holders.append(index)
        candidates.append(sorted(found))
    return candidates


def reprint_sources(articles: list[Article]) -> dict[int, int]:
    """Within one story (articles as ``clean_article`` returned them): index of each
    reprint -> index of the article it copies.

    Copies are found here, and a ``copy_of`` already given (by ``newsweave group``) is
    kept where that article is in the story. Of a set of copies of one text, the original
    is one not marked as a copy: the earliest published, else the longest (a reprint
    drops paragraphs), else the first given.
    """
    from newsweave.group.text import news_text

    index_of = {article.id: i for i, article in enumerate(articles)}
    links = Links(len(articles))

    texts = [shingles(news_text(article, cleaned=True)) for article in articles]
    candidates = _candidate_pairs(texts)
    for index, article in enumerate(articles):
        given = index_of.get(article.copy_of) if article.copy_of else None
        if given is not None:
            links.link(given, index)
        for other in candidates[index]:
            if links.root(other) != links.root(index) and is_copy(texts[index], texts[other]):
                links.link(other, index)
    members: dict[int, list[int]] = {}
    for index in range(len(articles)):
        members.setdefault(links.root(index), []).append(index)
    sources: dict[int, int] = {}
    for group in members.values():
        if len(group) < 2:
            continue
        unmarked = [i for i in group if articles[i].copy_of not in index_of] or group
        original = min(unmarked, key=lambda i: (
            published_seconds(articles[i].published) or float("inf"), -len(articles[i].text), i))
        sources.update({i: original for i in group if i != original})
    return sources
