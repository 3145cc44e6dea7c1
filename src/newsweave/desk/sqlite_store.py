"""The embedded store: one SQLite file in WAL mode (readers never wait for the writer),
FTS5 for search. Enough for one `serve` process; several share PostgreSQL instead."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from newsweave.desk.store import SqlStore
from newsweave.errors import NewsweaveError

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    story_id TEXT NOT NULL,
    received_at REAL NOT NULL,
    title TEXT, url TEXT, published TEXT, language TEXT, copy_of TEXT,
    content_hash TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id, seq);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, story_id);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    created_at REAL NOT NULL,
    changed_at REAL NOT NULL,
    updated_at REAL,
    changed_seq INTEGER NOT NULL,
    summarized_seq INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    headline TEXT, lede TEXT,
    conflict_count INTEGER NOT NULL,
    analyzed_seq INTEGER NOT NULL,
    rank REAL NOT NULL,
    summary TEXT, analysis TEXT
);
CREATE INDEX IF NOT EXISTS stories_changed ON stories(changed_at);
CREATE INDEX IF NOT EXISTS stories_rank ON stories(rank);
CREATE INDEX IF NOT EXISTS stories_pending ON stories(changed_at)
    WHERE changed_seq > summarized_seq;
CREATE INDEX IF NOT EXISTS stories_unanalyzed ON stories(changed_at)
    WHERE analyzed_seq < summarized_seq;
CREATE TABLE IF NOT EXISTS story_versions (
    story_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at REAL NOT NULL,
    summarized_seq INTEGER NOT NULL,
    article_ids TEXT NOT NULL,
    summary TEXT NOT NULL,
    conflicts TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    added_at REAL NOT NULL,
    etag TEXT, last_modified TEXT, last_polled REAL,
    next_poll REAL NOT NULL,
    failures INTEGER NOT NULL,
    error TEXT,
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_entries (
    url TEXT PRIMARY KEY,
    feed_id INTEGER NOT NULL,
    seen_at REAL NOT NULL,
    error TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, tokenize='unicode61');
"""


class SqliteStore(SqlStore):
    def __init__(self, path: Path, durable: bool = True) -> None:
        super().__init__()
        self.path = path
        self.durable = durable
        self.description = f"SQLite {path}"
        try:
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
            conn.close()
        except sqlite3.Error as exc:
            raise NewsweaveError(f"{path}: cannot open the store ({exc})") from None

    def _connect(self) -> Any:
        # isolation_level=None: transactions are begun explicitly (BEGIN IMMEDIATE for
        # ingest), so a read never holds a snapshot longer than its statement.
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: an acknowledged article survives the process being killed and the machine
        # losing power. The worker writes only what it can recompute (a version lost to a
        # power cut leaves its story pending again), so it skips the fsync (NORMAL).
        conn.execute(f"PRAGMA synchronous={'FULL' if self.durable else 'NORMAL'}")
        conn.execute("PRAGMA busy_timeout=30000")
        return _Autocommitting(conn)

    def _begin_ingest(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")  # the write lock: one ingest at a time, any process

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def _index_text(self, conn: Any, seq: int, title: str | None, text: str) -> None:
        conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                     (seq, title or "", text))

    def _search_story_ids_sql(self) -> str:
        return ("SELECT a.story_id FROM articles_fts JOIN articles a ON a.seq = "
                "articles_fts.rowid WHERE articles_fts MATCH ?")

    def _search_parameter(self, query: str) -> str:
        # Every word as a quoted phrase: the user's text is never read as FTS5 syntax.
        words = [w.replace('"', '""') for w in query.split()]
        return " ".join(f'"{w}"' for w in words) or '""'


class _Autocommitting:
    """A connection in autocommit mode that still offers ``commit``/``rollback``, and a
    ``BEGIN`` for writes that are not ingest (the store's shared code calls these)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def commit(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def close(self) -> None:
        self._conn.close()
