"""What is new in a story since a version the reader saw.

Until the update summarizer (`newsweave summarize NEW --since OLD`) is on main, "new" is
the simplest honest reading of the versions the store keeps: the current summary's
sentences whose supporting articles all arrived after that version, and the current
conflicts that involve an article that arrived after it.
"""

from __future__ import annotations

from typing import Any

from newsweave.desk.records import StoredArticle, StoryRow


def new_since(story: StoryRow, articles: list[StoredArticle], seen_seq: int) -> dict[str, Any]:
    arrived = {a.id for a in articles if a.seq > seen_seq}
    summary = story.summary or {}
    sentences = [s for s in summary.get("sentences", [])
                 if s["supporting_articles"] and set(s["supporting_articles"]) <= arrived]
    conflicts = [c for c in (story.analysis or {}).get("conflicts", [])
                 if arrived & set(_conflict_article_ids(c, story))]
    return {"articles": sorted(arrived), "sentences": sentences, "conflicts": conflicts}


def _conflict_article_ids(conflict: dict[str, Any], story: StoryRow) -> list[str]:
    ids = [a["id"] for a in (story.analysis or {}).get("articles", [])]
    return [ids[i] for version in conflict["versions"] for i in version["articles"]]
