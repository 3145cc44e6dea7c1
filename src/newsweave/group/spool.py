"""Hold grouped articles on disk until every story is complete, then write the stories.

The grouper's index keeps a few kilobytes per article; the texts themselves wait in a
temporary SQLite file, so grouping a pile costs memory for its index, not its text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsweave.errors import NewsweaveError
from newsweave.model import Article

_DOCUMENT_FIELDS = ("id", "text", "source", "title", "url", "published", "language", "copy_of")


def document(article: Article) -> dict[str, Any]:
    """An article as a story line's document (the form ``summarize`` reads)."""
    record = article.to_dict()
    # Grouping's own verdict, shown where it placed the page alone (story lines only).
    return {**{name: record[name] for name in _DOCUMENT_FIELDS}, "not_news": article.not_news}


class StorySpool:
    """Articles by story, in a temporary SQLite file deleted on close."""

    def __init__(self) -> None:
        handle, self._path = tempfile.mkstemp(prefix="newsweave-group-", suffix=".sqlite")
        os.close(handle)
        self._db = sqlite3.connect(self._path)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(
            "CREATE TABLE article (seq INTEGER PRIMARY KEY, story TEXT, article TEXT,"
            " document TEXT)"
        )

    def add(self, story_id: str, article: Article) -> None:
        self._db.execute(
            "INSERT INTO article (story, article, document) VALUES (?, ?, ?)",
            (story_id, article.id, json.dumps(document(article), ensure_ascii=False)),
        )

    def move(self, stories: dict[str, str]) -> None:
        """Put articles (by id) in other stories: the grouper's second look moved them."""
        if not stories:
            return
        self._db.execute("CREATE INDEX IF NOT EXISTS by_article ON article (article)")
        self._db.executemany("UPDATE article SET story = ? WHERE article = ?",
                             [(story, article) for article, story in stories.items()])

    def stories(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(story id, documents) in the order stories started, articles in arrival order."""
        self._db.execute("CREATE INDEX IF NOT EXISTS by_story ON article (story, seq)")
        self._db.execute("DROP TABLE IF EXISTS temp.start")
        self._db.execute("CREATE TEMP TABLE start AS SELECT story, MIN(seq) AS first"
                         " FROM article GROUP BY story")
        current: str | None = None
        documents: list[dict[str, Any]] = []
        for story_id, text in self._db.execute(
            "SELECT article.story, document FROM article JOIN temp.start"
            " ON article.story = start.story ORDER BY start.first, article.seq"
        ):
            if story_id != current and current is not None:
                yield current, documents
                documents = []
            current = story_id
            documents.append(json.loads(text))
        if current is not None:
            yield current, documents

    def write(self, out: Path | None, stdout: TextIO) -> int:
        """Write every story as a JSONL line (atomically when ``out`` is a file)."""
        if out is None:
            return self._write_to(stdout)
        partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            with open(partial, "w", encoding="utf-8") as stream:
                count = self._write_to(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(partial, out)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise NewsweaveError(f"{out}: cannot write ({exc.strerror or exc})") from None
        return count

    def _write_to(self, stream: TextIO) -> int:
        count = 0
        for story_id, documents in self.stories():
            line = {"id": story_id, "documents": documents}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
        return count

    def close(self) -> None:
        self._db.close()
        Path(self._path).unlink(missing_ok=True)

    def __enter__(self) -> StorySpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
