"""What grouping reads of an article on its own, worked out ahead in a second process.

An article's news text (its page furniture dropped), that text's MinHash, its sentences'
fingerprints, stems and numbers (``seen.Sentences``), its language and whether it is no
news report at all depend on the article alone, and cost about half of a batch's time.
A batch of many articles has them worked out in a forked worker process beside the
grouper, a few blocks ahead of it and in the order given; the grouper reads the rest (its
own words, its vector, its story) in order as before, so the stories are the same. A
short batch, a machine of one core, or a system that cannot fork does it all in this
process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_all_start_methods
from multiprocessing.pool import AsyncResult

from newsweave.group.not_news import is_not_news
from newsweave.group.reprints import Signature, signature
from newsweave.group.seen import Sentences, sentences_of
from newsweave.group.text import news_text
from newsweave.languages import story_language
from newsweave.model import Article

# Articles per block sent to the worker, and blocks in flight at once: enough that the
# worker is never waited for, few enough that a stream's articles are not all in memory.
BLOCK = 128
AHEAD = 8
# Fewer articles than this are read here: starting a worker costs more than it saves.
WORKER_FROM = 2 * BLOCK


@dataclass
class Page:
    """An article as grouping reads it, before any other article is compared."""

    text: str  # news_text: what every stage of grouping compares
    minhash: Signature | None  # of the whole text: a reprint is found on it
    not_news: bool  # a page that reports nothing (not_news.py)
    sentences: Sentences  # of the news text: what the grouper counts of its own words
    language: str | None = None  # the article's, or its detected one (None: not asked)


def read_page(article: Article, language: bool = True) -> Page:
    """The article's page (the raw text judged for notices: ``news_text`` has already
    dropped the furniture a notice is made of); ``language``: detect the article's
    language where it has none."""
    text = news_text(article)
    return Page(text, signature(text), is_not_news(article.text), sentences_of(text),
                article.language or (story_language([article]) if language else None))


def read_pages(articles: Iterable[Article]) -> Iterator[tuple[Article, Page]]:
    """Each article with its page, in the order given; worked out in a worker process
    when there are many articles and more than one core."""
    from newsweave.batch.pool import forked_pool, usable_cpus

    stream = iter(articles)
    first = list(islice(stream, WORKER_FROM))
    if len(first) < WORKER_FROM or usable_cpus() < 2 or "fork" not in get_all_start_methods():
        for article in first:
            yield article, read_page(article)
        for article in stream:
            yield article, read_page(article)
        return
    with forked_pool(1) as pool:  # reads pages only: no OpenMP in the worker
        blocks = _blocks(first, stream)
        waiting: deque[tuple[list[Article], AsyncResult[list[Page]]]] = deque()
        # This process reads the first block itself while the worker starts.
        here = next(blocks)
        for block in islice(blocks, AHEAD):
            waiting.append((block, pool.map_async(read_page, block)))
        for article in here:
            yield article, read_page(article)
        while waiting:
            block, pages = waiting.popleft()
            for block_after in islice(blocks, 1):
                waiting.append((block_after, pool.map_async(read_page, block_after)))
            yield from zip(block, pages.get(), strict=True)


def _blocks(first: list[Article], rest: Iterator[Article]) -> Iterator[list[Article]]:
    for start in range(0, len(first), BLOCK):
        yield first[start:start + BLOCK]
    while block := list(islice(rest, BLOCK)):
        yield block
