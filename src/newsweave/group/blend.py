"""Never blend two stories silently: split what ``summarize`` or ``analyze`` was given.

A handful of articles a person gathered is judged more leniently than a stream: two
articles share a story when their cosine reaches ``BLEND_THRESHOLD`` (and their dates, if
both have one, lie within the window), and stories are the connected groups that makes.
Articles of one event score 0.25-0.5 on the project's examples, unrelated ones under 0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsweave.errors import InputError
from newsweave.group.features import DocumentFrequency, dot, term_counts, weigh
from newsweave.group.grouper import DEFAULT_WINDOW_DAYS
from newsweave.group.not_news import is_not_news
from newsweave.group.pairs import SECONDS_PER_DAY
from newsweave.group.text import news_text
from newsweave.links import Links
from newsweave.model import Article, Story, published_seconds

BLEND_THRESHOLD = 0.15


def split_stories(articles: list[Article], window_days: float = DEFAULT_WINDOW_DAYS
                  ) -> list[list[int]]:
    """The stories among a few articles, as lists of indices, largest first."""
    df = DocumentFrequency.shipped()
    counts = [term_counts(None, news_text(a)) for a in articles]
    for found in counts:
        df.add(set(found))
    vectors = [weigh(found, df) for found in counts]
    times = [published_seconds(a.published) for a in articles]
    links = Links(len(articles))

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            ti, tj = times[i], times[j]
            if ti is not None and tj is not None and abs(ti - tj) > window_days * SECONDS_PER_DAY:
                continue
            if dot(vectors[i], vectors[j]) >= BLEND_THRESHOLD:
                links.link(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(links.root(i), []).append(i)
    # Largest first: most articles, then most words (a file of fragments loses a tie).
    words = [len(a.text.split()) for a in articles]
    return sorted(groups.values(), key=lambda g: (-len(g), -sum(words[i] for i in g), g[0]))


class NoNewsReport(InputError):
    """Every article given is a page that reports nothing: there is nothing to summarize."""


def reports_only(story: Story, warn: Callable[[str], None], judged: bool = False) -> Story:
    """The story without its pages that are no news report (a crawl notice, a cookie wall:
    ``not_news.py``), each named in one warning: such a page is no story of its own and no
    outlet that said nothing. ``NoNewsReport`` when no article given is a news report.
    ``judged``: the articles' ``not_news`` flags are the grouper's verdicts (read, not
    judged again)."""
    notices = [a.id for a in story.articles
               if (a.not_news if judged else is_not_news(a.text))]
    if not notices:
        return story
    named = ", ".join(notices)
    if len(notices) == len(story.articles):
        kind = ("is a notice, sign-in or error page" if len(notices) == 1
                else "are notice, sign-in or error pages")
        raise NoNewsReport(f"no news report among the articles given: {named} {kind}")
    warn(f"1 page is not a news report, set aside: {named} (a notice, sign-in or error page)"
         if len(notices) == 1 else
         f"{len(notices)} pages are not news reports, set aside: {named} (notice, sign-in "
         "or error pages)")
    return replace(story, articles=[a for a in story.articles if a.id not in notices])


def largest_story(story: Story, warn: Callable[[str], None]) -> Story:
    """The story itself when its articles tell one story; else its largest story, warned.
    Set the pages that are no news report aside first (``reports_only``): each would
    count as a story of its own."""
    if len(story.articles) < 2:
        return story
    groups = split_stories(story.articles)
    if len(groups) == 1:
        return story
    names = ["(" + ", ".join(story.articles[i].id for i in g) + ")" for g in groups]
    shown = "; ".join(names[:4]) + ("; ..." if len(names) > 4 else "")
    warn(f"these {len(story.articles)} articles tell {len(groups)} stories: {shown}; "
         f"only the largest (the first) is used; use `newsweave group` to split them, or "
         "--one-story to keep them together")
    return replace(story, articles=[story.articles[i] for i in groups[0]])
