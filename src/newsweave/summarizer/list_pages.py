"""Pages that list several reports, each under a label in capitals: a police department's
daily crime report ("ROBBERY, 2017-07230093, 5800 block of Washington Boulevard. At
approximately 9:20 a.m. ...", "UNLAWFUL ENTRY, 2017-07210024, ..."). Grouped with the
story of one of its items, such a page brings the other items into the summary as if
they were the story's news (raw dev's attic story showed the blotter's robbery: "The
suspects then fled the scene with the merchandise.").

On a list page, a paragraph that says far less of what the story's other articles tell
than the page's best paragraph is another report: its sentences are withheld (never
shown; they may still back a claim). The page's own notes ("Follow-up investigations may
reveal different or additional information.") go the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsweave.model import Article, Sentence
from newsweave.text import content_stems, paragraphs

# A label in capitals and a comma opening a paragraph: "ROBBERY, ", "LARCENY FROM AUTO, ".
# Not a colon: an interview's turns ("LESTER HOLT: ...") are one conversation.
ITEM_LABEL = re.compile(r"^[A-Z][A-Z&/'’ -]{2,40}, ")
MIN_ITEMS = 3  # labelled paragraphs that make a page a list
MIN_SHARED = 3  # content stems a paragraph shares with the other articles, at the least
SHARE_OF_BEST = 0.5  # ... and this share of what the page's best paragraph shares


def off_story_spans(articles: list[Article]) -> dict[int, list[tuple[int, int]]]:
    """Per list page (article index): the spans of its paragraphs that are other reports."""
    pages = {index: spans for index, article in enumerate(articles)
             if not article.degraded
             and len(spans := paragraphs(article.text)) >= MIN_ITEMS
             and sum(bool(ITEM_LABEL.match(article.text[a:b])) for a, b in spans) >= MIN_ITEMS}
    if not pages or len(articles) < 2:
        return {}
    told: set[str] = set()  # what the articles that are no list page say
    for other, article in enumerate(articles):
        if other not in pages:
            told.update(content_stems(article.text))
    found: dict[int, list[tuple[int, int]]] = {}
    for index, spans in pages.items():
        shared = [len(set(content_stems(articles[index].text[a:b])) & told) for a, b in spans]
        floor = max(MIN_SHARED, SHARE_OF_BEST * max(shared))
        found[index] = [span for span, count in zip(spans, shared, strict=True) if count < floor]
    return found


def withhold_other_reports(articles: list[Article], sentences: list[Sentence]
                           ) -> list[Sentence]:
    """``sentences`` with those in a list page's other reports marked degraded."""
    spans = off_story_spans(articles)
    if not spans:
        return sentences
    return [replace(s, degraded=True)
            if any(a <= s.start < b for a, b in spans.get(s.article_index, ())) else s
            for s in sentences]
