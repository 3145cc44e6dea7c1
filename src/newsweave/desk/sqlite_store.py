"""The embedded store: one SQLite file in WAL mode (readers never wait for the writer),
FTS5 for search. Enough for one `serve` process; several share PostgreSQL instead."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from newsweave.desk.schema import ADDED_ARTICLE_COLUMNS, shared_tables
from newsweave.desk.store import SqlStore
from newsweave.errors import NewsweaveError

ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    story_id TEXT NOT NULL,
    received_at REAL NOT NULL,
    title TEXT, url TEXT, published TEXT, language TEXT, copy_of TEXT, not_news INTEGER,
    content_hash TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id, seq);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, story_id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, tokenize='unicode61');
"""
SCHEMA = ARTICLES + shared_tables("REAL", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT")


class SqliteStore(SqlStore):
    def __init__(self, path: Path, durable: bool = True) -> None:
        super().__init__()
        self.path = path
        self.durable = durable
        self.description = f"SQLite {path}"
        # One process's threads share its lock files' locks, so each has a thread lock too.
        self._thread_locks = {name: threading.Lock() for name in ("ingest", "writers")}
        self._lock_files: dict[str, int] = {}
        try:
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                present = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
                for name, kind in ADDED_ARTICLE_COLUMNS:
                    if name not in present:  # a store written before the column existed
                        conn.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
            conn.close()
            self.judge_old_articles()
        except sqlite3.Error as exc:
            raise NewsweaveError(f"{path}: cannot open the store ({exc})") from None

    def _connect(self) -> Any:
        # isolation_level=None: transactions are begun explicitly (BEGIN IMMEDIATE for
        # writes), so a read never holds a snapshot longer than its statement.
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: an acknowledged article survives the process being killed and the machine
        # losing power. The worker writes only what it can recompute (a version lost to a
        # power cut leaves its story pending again), so it skips the fsync (NORMAL).
        conn.execute(f"PRAGMA synchronous={'FULL' if self.durable else 'NORMAL'}")
        conn.execute("PRAGMA busy_timeout=30000")
        return _Autocommitting(conn)

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def _lock_file(self, name: str) -> int:
        if name not in self._lock_files:
            self._lock_files[name] = os.open(f"{self.path}-{name}", os.O_RDWR | os.O_CREAT,
                                             0o600)
        return self._lock_files[name]

    @contextmanager
    def _held(self, name: str) -> Iterator[None]:
        """A lock shared by every process and thread using the store: a lock file beside it."""
        with self._thread_locks[name]:
            lock_file = self._lock_file(name)
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    @contextmanager
    def ingest_lock(self) -> Iterator[Any]:
        """The ingest lock is a lock file, not SQLite's write lock: grouping decides (tens of
        milliseconds of CPU for a batch) while the worker goes on writing summaries, and
        SQLite's lock is taken only for the ingest's own writes (``ingest_writes``)."""
        with self._held("ingest"):
            yield self.connection()

    def ingest_writes(self, conn: Any) -> AbstractContextManager[Any]:
        return self.write_transaction()

    def _writer_turn(self) -> AbstractContextManager[None]:
        """Writers queue in the kernel for a lock file before they ask SQLite for its write
        lock. SQLite alone lets a waiting writer only poll, sleeping up to 100 ms between
        tries, so under a stream of ingest transactions the worker's writes seldom got in
        (a third of its time went to waiting); a blocked ``flock`` is woken as soon as the
        lock is free."""
        return self._held("writers")

    def close(self) -> None:
        super().close()
        for lock_file in self._lock_files.values():
            os.close(lock_file)
        self._lock_files.clear()

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
