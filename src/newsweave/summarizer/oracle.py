"""What each sentence is worth against a human reference: the training signal.

Counts follow ROUGE (rouge-score tokens, Porter stems), so that a label means what the
evaluation means. Two labels per sentence: its own ROUGE-1/2 precision and recall against
the reference, and whether the greedy extractive oracle picks it.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsweave.text import stems


def ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


Grams = Counter[tuple[str, ...]]


def _overlap(candidate: Grams, reference: Grams) -> int:
    return sum(min(n, reference[gram]) for gram, n in candidate.items() if gram in reference)


def sentence_scores(sentences: list[str], reference: str) -> np.ndarray:
    """Per sentence: ROUGE-1 precision, ROUGE-1 recall, ROUGE-2 precision, ROUGE-2 recall."""
    ref_words = stems(reference)
    ref1, ref2 = ngrams(ref_words, 1), ngrams(ref_words, 2)
    total1, total2 = max(sum(ref1.values()), 1), max(sum(ref2.values()), 1)
    scores = np.zeros((len(sentences), 4))
    for i, sentence in enumerate(sentences):
        words = stems(sentence)
        c1, c2 = ngrams(words, 1), ngrams(words, 2)
        o1, o2 = _overlap(c1, ref1), _overlap(c2, ref2)
        scores[i] = (
            o1 / max(sum(c1.values()), 1),
            o1 / total1,
            o2 / max(sum(c2.values()), 1),
            o2 / total2,
        )
    return scores


def greedy_oracle(sentences: list[str], reference: str, max_words: int) -> list[int]:
    """Sentences a greedy search picks to maximise ROUGE-1 F + ROUGE-2 F within the budget."""
    ref_words = stems(reference)
    ref1, ref2 = ngrams(ref_words, 1), ngrams(ref_words, 2)
    total1, total2 = max(sum(ref1.values()), 1), max(sum(ref2.values()), 1)
    grams = [(ngrams(stems(s), 1), ngrams(stems(s), 2)) for s in sentences]
    lengths = [len(s.split()) for s in sentences]

    def f_measure(c1: Counter[tuple[str, ...]], c2: Counter[tuple[str, ...]]) -> float:
        value = 0.0
        for cand, ref, total in ((c1, ref1, total1), (c2, ref2, total2)):
            hit = _overlap(cand, ref)
            size = sum(cand.values())
            if hit and size:
                p, r = hit / size, hit / total
                value += 2 * p * r / (p + r)
        return value

    chosen: list[int] = []
    acc1: Counter[tuple[str, ...]] = Counter()
    acc2: Counter[tuple[str, ...]] = Counter()
    best_value, words = 0.0, 0
    while True:
        best = -1
        for i, (c1, c2) in enumerate(grams):
            if i in chosen or words + lengths[i] > max_words:
                continue
            value = f_measure(acc1 + c1, acc2 + c2)
            if value > best_value:
                best_value, best = value, i
        if best < 0:
            return chosen
        chosen.append(best)
        acc1 += grams[best][0]
        acc2 += grams[best][1]
        words += lengths[best]
