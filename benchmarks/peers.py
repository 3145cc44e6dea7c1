"""Peer summarizers for the benchmarks: Lead, and sumy's LexRank and TextRank.

Each is ``fn(story, max_words) -> list[str]``: sentences in output order, filling the word
budget (the last one may run over; the scorer truncates it). Peers read the raw article
strings as given, with no cleaning: what a user would get from these tools. All of them
see one segmentation: sumy's plain-text parser (paragraphs at blank lines, lines of a
paragraph joined, ALL-CAPS lines taken as headings) with nupunkt for sentences, because
sumy's own ``Tokenizer("english")`` needs NLTK punkt data that cannot be fetched offline.
One rule on top of the published methods: a sentence identical to one already chosen is
skipped (it would only spend budget), which makes the peers a little stronger, not weaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import nupunkt
from sumy.models.dom import ObjectDocumentModel
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsweave.model import Story

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class OfflineTokenizer:
    """The tokenizer interface sumy expects, without NLTK data."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in nupunkt.sent_tokenize(text) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


TOKENIZER = OfflineTokenizer()


def parse(text: str) -> ObjectDocumentModel:
    return PlaintextParser.from_string(text, TOKENIZER).document


def fill_budget(sentences: Iterable[str], max_words: int) -> list[str]:
    """Sentences in the given order until ``max_words`` is reached; repeats are skipped."""
    chosen: list[str] = []
    seen: set[str] = set()
    words = 0
    for sentence in sentences:
        if words >= max_words:
            break
        n = len(sentence.split())
        if n and sentence not in seen:
            chosen.append(sentence)
            seen.add(sentence)
            words += n
    return chosen


def lead(story: Story, max_words: int) -> list[str]:
    """First sentences of every article, round-robin: article 1's first, article 2's first, ..."""
    per_article = [[str(s) for s in parse(a.text).sentences] for a in story.articles]
    depth = max((len(s) for s in per_article), default=0)
    order = (sents[i] for i in range(depth) for sents in per_article if i < len(sents))
    return fill_budget(order, max_words)


def _sumy(summarizer: Any, story: Story, max_words: int) -> list[str]:
    document = parse("\n\n".join(a.text for a in story.articles))
    ranked: list[str] = []

    def take_ranked(infos: list[Any]) -> list[Any]:  # sumy passes all, best rated first
        ranked.extend(str(info.sentence) for info in infos)
        return infos

    summarizer(document, take_ranked)
    return fill_budget(ranked, max_words)


def _with_english(cls: Any) -> Any:
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


_LEXRANK = _with_english(LexRankSummarizer)
_TEXTRANK = _with_english(TextRankSummarizer)


def lexrank(story: Story, max_words: int) -> list[str]:
    """sumy's LexRank (English stemmer and stop words): top-ranked sentences, best first."""
    return _sumy(_LEXRANK, story, max_words)


def textrank(story: Story, max_words: int) -> list[str]:
    """sumy's TextRank (English stemmer and stop words): top-ranked sentences, best first."""
    return _sumy(_TEXTRANK, story, max_words)


PEERS: dict[str, Callable[[Story, int], list[str]]] = {
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}
