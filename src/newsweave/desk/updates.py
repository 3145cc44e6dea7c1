"""What is new in a story since a version the reader saw.

The articles that arrived after that version, the update summary of them for a reader who
has read the ones before (``newsweave.update``: only what the earlier articles do not
already report, changed figures flagged, the development first), and the current
conflicts that involve a new article.
"""

from __future__ import annotations

from typing import Any

from newsweave.desk.context import PageCache
from newsweave.desk.records import StoredArticle, StoryRow
from newsweave.errors import NewsweaveError
from newsweave.model import Story
from newsweave.update import summarize_update

UPDATE_WORDS = 100
MAX_ARTICLES = 40  # each side, newest first: as the worker caps a story's summary


def new_since(story: StoryRow, articles: list[StoredArticle], seen_seq: int,
              cache: PageCache | None = None) -> dict[str, Any]:
    key = (story.id, story.summarized_seq, story.analyzed_seq, seen_seq)
    found = cache.get(key) if cache is not None else None
    if found is None:
        found = _new_since(story, articles, seen_seq)
        if cache is not None:
            cache.put(key, found)
    return dict(found)


def _new_since(story: StoryRow, articles: list[StoredArticle], seen_seq: int) -> dict[str, Any]:
    arrived = [a for a in articles if a.seq > seen_seq and not a.copy_of]
    read = [a for a in articles if a.seq <= seen_seq and not a.copy_of]
    answer: dict[str, Any] = {
        "articles": sorted(a.id for a in articles if a.seq > seen_seq),
        "sentences": [], "empty_reason": None,
        "conflicts": [c for c in (story.analysis or {}).get("conflicts", [])
                      if {a.id for a in arrived} & set(_conflict_article_ids(c, story))]}
    if not arrived:
        answer["empty_reason"] = "no new article"
        return answer
    update = Story([a.to_article() for a in arrived[-MAX_ARTICLES:]], id=story.id,
                   previous=[a.to_article() for a in read[-MAX_ARTICLES:]])
    try:
        summary = summarize_update(update, UPDATE_WORDS).to_dict()
    except NewsweaveError as exc:
        answer["empty_reason"] = str(exc)
        return answer
    answer["sentences"] = summary["sentences"]
    answer["empty_reason"] = summary.get("empty_reason")
    return answer


def _conflict_article_ids(conflict: dict[str, Any], story: StoryRow) -> list[str]:
    ids = [a["id"] for a in (story.analysis or {}).get("articles", [])]
    return [ids[i] for version in conflict["versions"] for i in version["articles"]]
