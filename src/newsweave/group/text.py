"""The words grouping compares: an article's news text without its page furniture.

Boilerplate shared by unrelated pages (crawl notices, "Breaking news emails" sign-ups,
photo credits) would otherwise make two unrelated articles look alike, so every stage of
grouping reads :func:`news_text`, never the raw text.
"""

from __future__ import annotations

import re

from newsweave.model import Article
from newsweave.summarizer.boilerplate import is_boilerplate
from newsweave.summarizer.clean import PARAGRAPH_MAX_WORDS, clean_again, clean_article

# Rough sentence ends: enough to judge glued-in furniture sentence by sentence; grouping
# needs no exact boundaries.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


def rough_sentences(text: str) -> list[str]:
    return [sentence for sentence in _ROUGH_SENTENCE_END.split(text) if sentence]


def news_text(article: Article, cleaned: bool = False) -> str:
    """The cleaned text with boilerplate sentences dropped, the title first (``cleaned``:
    the article is one ``clean_article`` returned, as the summarizer's are)."""
    cleaned_article = clean_again(article) if cleaned else clean_article(article)
    kept = [
        sentence
        for paragraph in cleaned_article.text.split("\n\n")
        for sentence in rough_sentences(paragraph)
        if not _furniture(sentence)
    ]
    body = " ".join(kept)
    title = cleaned_article.title
    return f"{title}\n{body}" if title else body


def _furniture(sentence: str) -> bool:
    # A run of text longer than a paragraph is a degraded article's body (no sentence ends
    # to split it at), never page furniture, whatever words it contains.
    return len(sentence.split()) <= PARAGRAPH_MAX_WORDS and is_boilerplate(sentence)
