"""What a ``group --dask`` worker reads from its part of the input."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.batch.article_parts import article_parts, read_part


def test_a_story_line_s_documents_without_ids_are_named_after_the_story(tmp_path: Path) -> None:
    # As ``newsweave group`` reads them: "article-1" is in every story of a Multi-News file.
    pile = tmp_path / "stories.jsonl"
    pile.write_text(
        json.dumps({"id": "pier", "documents": ["The pier fell into the bay on Sunday.",
                                                "Four anglers were hurt at the pier."]}) + "\n"
        + json.dumps({"id": "vote", "documents": [
            "The council voted for the tram on Monday.",
            {"id": "gazette-tram", "text": "Councillors approved the tram line."}]}) + "\n",
        encoding="utf-8")
    problems: list[str] = []
    ids = [article.id for part in article_parts([str(pile)])
           for _, article in read_part(part, problems.append)]
    assert ids == ["pier-1", "pier-2", "vote-1", "gazette-tram"]
    assert not problems
