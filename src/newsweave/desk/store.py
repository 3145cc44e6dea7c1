"""The Store: what the desk keeps and how it asks for it, the same for SQLite and PostgreSQL.

Every query is written once, here, in the SQL both engines speak; a backend only says how
to connect, how to take the ingest lock, its schema and its full-text search
(``sqlite_store.py``, ``postgres_store.py``). Each thread gets its own connection.

A story is "pending" while ``changed_seq > summarized_seq``: an article has arrived that its
current version has not read. The worker writes a version only if it read further than
the current one, so a crash or two workers on one story never go backwards.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import fields
from typing import Any

from newsweave.desk.feed_queries import FeedQueries
from newsweave.desk.records import StoredArticle, StoryRow, StoryVersion
from newsweave.group.not_news import is_not_news
from newsweave.model import published_seconds

# A row of articles is a StoredArticle, column for field (store rows build it positionally).
ARTICLE_COLUMNS = ", ".join(f.name for f in fields(StoredArticle))
STORY_COLUMNS = ("id, version, created_at, changed_at, updated_at, changed_seq, summarized_seq, "
                 "article_count, outlets, headline, lede, conflict_count, analyzed_seq")
# On the front page a story covered by twice the outlets ranks as if updated this much later.
RANK_SECONDS_PER_DOUBLING = 3600.0
OUTLETS_MAX_AGE_S = 5.0


def content_hash(text: str) -> str:
    """The same text, whatever its whitespace, is the same article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


Shard = tuple[int, int]  # (index, count): a worker keeps the stories whose shard_of is index


def shard_of(story_id: str, count: int) -> int:
    """Which of ``count`` workers keeps the story current (stable across processes)."""
    return zlib.crc32(story_id.encode()) % count


def story_rank(changed_at: float, outlet_count: int) -> float:
    return changed_at + RANK_SECONDS_PER_DOUBLING * math.log2(max(1, outlet_count))


_FIELDS = [f.name for f in fields(StoredArticle)]
_TEXT, _NOT_NEWS = _FIELDS.index("text"), _FIELDS.index("not_news")


def _article(row: Sequence[Any]) -> StoredArticle:
    values = list(row)
    flag = values[_NOT_NEWS]
    # NULL: written by a desk from before the verdict was kept, still running beside this
    # one (a store's old rows are judged once when it is opened: ``judge_old_articles``).
    values[_NOT_NEWS] = is_not_news(values[_TEXT]) if flag is None else bool(flag)
    return StoredArticle(*values)


def _story(row: Sequence[Any], summary: Any = None, analysis: Any = None) -> StoryRow:
    values = list(row)
    values[8] = json.loads(values[8])
    story = StoryRow(*values)
    story.summary = json.loads(summary) if summary else None
    story.analysis = json.loads(analysis) if analysis else None
    return story


class SqlStore(FeedQueries):
    """The shared implementation; subclasses connect and supply the engine's dialect."""

    placeholder = "?"
    description = "store"

    def __init__(self) -> None:
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._outlets: tuple[float, list[tuple[str, int, int]]] | None = None

    # --- what a backend supplies -------------------------------------------------------
    def _connect(self) -> Any:
        raise NotImplementedError

    def _begin_ingest(self, conn: Any) -> None:
        """Start a write transaction that no other ingest, here or in another process, runs
        beside: grouping decides on what the store holds, so decisions must not interleave."""
        raise NotImplementedError

    def _begin_write(self, conn: Any) -> None:
        """Start a write transaction (engines that start one implicitly need nothing)."""

    def _writer_turn(self) -> AbstractContextManager[Any]:
        """Held around every write transaction: engines whose writers must queue fairly
        for one lock (SQLite) supply one; others need none."""
        return nullcontext()

    def _index_text(self, conn: Any, seq: int, title: str | None, text: str) -> None:
        raise NotImplementedError

    def _search_story_ids_sql(self) -> str:
        """SQL selecting ``story_id`` of articles matching the one parameter, a user query."""
        raise NotImplementedError

    def _search_parameter(self, query: str) -> str:
        return query

    # --- connections ---------------------------------------------------------------------
    def connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                with suppress(Exception):  # a connection of a thread that has ended
                    conn.close()
            self._connections.clear()
        self._local = threading.local()

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        conn = self.connection()
        cur = conn.execute(self._sql(sql), tuple(params))
        rows = cur.fetchall()
        conn.commit()  # end the read transaction: later reads see later writes
        return list(rows)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def ingest_lock(self) -> AbstractContextManager[Any]:
        """Held for a whole ingest, deciding and writing: no other ingest, here or in
        another process, runs beside it (grouping decides on what the store holds). Yields
        the connection to read and write with. Here: one transaction holding the ingest
        lock (see ``_begin_ingest``); an engine whose write lock blocks every other writer
        (SQLite) holds a lock of its own instead, and writes in ``ingest_writes``."""
        return self._transaction(self._begin_ingest)

    def ingest_writes(self, conn: Any) -> AbstractContextManager[Any]:
        """The ingest's writes, inside ``ingest_lock``, in one transaction."""
        return nullcontext(conn)

    def write_transaction(self) -> AbstractContextManager[Any]:
        return self._transaction(self._begin_write)

    @contextmanager
    def _transaction(self, begin: Callable[[Any], None]) -> Iterator[Any]:
        conn = self.connection()
        with self._writer_turn():
            begin(conn)
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    def _exec(self, conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self._sql(sql), tuple(params))

    def judge_old_articles(self, batch: int = 500) -> int:
        """Store the ``not_news`` verdict of the articles stored before the store kept it,
        judged from their text as the grouper judges it, once (each backend calls this on
        opening the store; a second process doing the same writes the same verdicts).
        Returns how many were judged."""
        judged = 0
        while rows := self._all("SELECT id, text FROM articles WHERE not_news IS NULL "
                                f"ORDER BY seq LIMIT {int(batch)}"):
            with self.write_transaction() as conn:
                for article_id, text in rows:
                    self._exec(conn, "UPDATE articles SET not_news = ? WHERE id = ? AND "
                               "not_news IS NULL", (int(is_not_news(text)), article_id))
            judged += len(rows)
        return judged

    # --- articles ------------------------------------------------------------------------
    def article(self, article_id: str, conn: Any = None) -> StoredArticle | None:
        """The article stored as ``article_id`` (inside ``conn``'s transaction if given)."""
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?"
        row = (self._exec(conn, sql, (article_id,)).fetchone() if conn is not None
               else self._one(sql, (article_id,)))
        return _article(row) if row else None

    def duplicate_of(self, conn: Any, article_id: str | None, url: str | None,
                     text_hash: str) -> StoredArticle | None:
        """The stored article this one repeats (same id, URL or text), inside a transaction."""
        for column, value in (("id", article_id), ("url", url), ("content_hash", text_hash)):
            if value is None:
                continue
            row = self._exec(conn, f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {column} = ?",
                             (value,)).fetchone()
            if row:
                return _article(row)
        return None

    def insert_article(self, conn: Any, article: StoredArticle, text_hash: str) -> int:
        cur = self._exec(
            conn,
            "INSERT INTO articles (id, source, text, story_id, received_at, title, url, "
            "published, language, copy_of, not_news, content_hash) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING seq",
            (article.id, article.source, article.text, article.story_id, article.received_at,
             article.title, article.url, article.published, article.language,
             article.copy_of, int(article.not_news), text_hash))
        seq = int(cur.fetchone()[0])
        self._index_text(conn, seq, article.title, article.text)
        return seq

    def articles_after(self, conn: Any, seq: int, limit: int = 1000) -> list[StoredArticle]:
        """Articles stored after ``seq``, read inside the caller's transaction."""
        rows = self._exec(conn, f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE seq > ? "
                          "ORDER BY seq LIMIT ?", (seq, limit)).fetchall()
        return [_article(r) for r in rows]

    def story_articles(self, story_id: str) -> list[StoredArticle]:
        rows = self._all(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE story_id = ? "
                         "ORDER BY seq", (story_id,))
        return [_article(r) for r in rows]

    def article_count(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM articles")[0])

    # --- stories -------------------------------------------------------------------------
    def touch_story(self, conn: Any, article: StoredArticle, seq: int) -> None:
        """Count a newly stored article into its story (creating the story)."""
        row = self._exec(conn, "SELECT outlets, article_count FROM stories WHERE id = ?",
                         (article.story_id,)).fetchone()
        now = article.received_at
        if row is None:
            self._exec(conn, "INSERT INTO stories (id, version, created_at, changed_at, "
                       "changed_seq, summarized_seq, article_count, outlets, conflict_count, "
                       "analyzed_seq, rank) VALUES (?, 0, ?, ?, ?, 0, 1, ?, 0, 0, ?)",
                       (article.story_id, now, now, seq, json.dumps([article.source]),
                        story_rank(now, 1)))
            return
        outlets = sorted(set(json.loads(row[0])) | {article.source})
        self._exec(conn, "UPDATE stories SET changed_at = ?, changed_seq = ?, "
                   "article_count = ?, outlets = ?, rank = ? WHERE id = ?",
                   (now, seq, int(row[1]) + 1, json.dumps(outlets),
                    story_rank(now, len(outlets)), article.story_id))

    def story(self, story_id: str, with_reports: bool = True) -> StoryRow | None:
        reports = ", summary, analysis" if with_reports else ""
        row = self._one(f"SELECT {STORY_COLUMNS}{reports} FROM stories WHERE id = ?",
                        (story_id,))
        if row is None:
            return None
        return _story(row[:13], *row[13:]) if with_reports else _story(row)

    def stories(self, limit: int, offset: int = 0, order: str = "changed",
                outlet: str | None = None, query: str | None = None) -> list[StoryRow]:
        """Stories newest change first (``order="changed"``) or by front-page rank."""
        where, params = self._story_filter(outlet, query)
        column = "rank" if order == "rank" else "changed_at"
        rows = self._all(f"SELECT {STORY_COLUMNS} FROM stories{where} ORDER BY {column} DESC, "
                         "id LIMIT ? OFFSET ?", [*params, limit, offset])
        return [_story(r) for r in rows]

    def published_spans(self, stories: Sequence[StoryRow]) -> dict[str, tuple[float, float]]:
        """The first and last publication time (seconds) of each of ``stories`` every
        article of which gives one; one that lacks a time is absent (its articles' arrival
        times tell its span, as the coverage chart keeps one clock). ISO times compared as
        text: display only."""
        if not stories:
            return {}
        marks = ", ".join("?" for _ in stories)
        rows = self._all("SELECT story_id, MIN(published), MAX(published), COUNT(published) "
                         f"FROM articles WHERE story_id IN ({marks}) AND published IS NOT NULL "
                         "GROUP BY story_id", [s.id for s in stories])
        counts = {s.id: s.article_count for s in stories}
        spans = {}
        for story_id, first, last, dated in rows:
            start, end = published_seconds(first), published_seconds(last)
            if start is not None and end is not None and int(dated) == counts[story_id]:
                spans[str(story_id)] = (start, end)
        return spans

    def story_count(self, outlet: str | None = None, query: str | None = None) -> int:
        where, params = self._story_filter(outlet, query)
        return int(self._one(f"SELECT COUNT(*) FROM stories{where}", params)[0])

    def _story_filter(self, outlet: str | None, query: str | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if outlet:
            clauses.append("id IN (SELECT story_id FROM articles WHERE source = ?)")
            params.append(outlet)
        if query and query.strip():
            clauses.append(f"id IN ({self._search_story_ids_sql()})")
            params.append(self._search_parameter(query))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def outlets(self, max_age_s: float = OUTLETS_MAX_AGE_S) -> list[tuple[str, int, int]]:
        """Each outlet with its article and story counts, most articles first. Counting
        reads every article, so every page does not: the counts may be seconds old."""
        now = time.monotonic()
        if self._outlets is None or now - self._outlets[0] > max_age_s:
            rows = self._all("SELECT source, COUNT(*), COUNT(DISTINCT story_id) FROM articles "
                             "GROUP BY source ORDER BY COUNT(*) DESC, source")
            self._outlets = (now, [(str(r[0]), int(r[1]), int(r[2])) for r in rows])
        return self._outlets[1]

    def pending_story(self, skip: Sequence[str] = (), shard: Shard = (0, 1)) -> str | None:
        """The story of ``shard`` whose unread article has waited longest (``skip``: ones
        that failed)."""
        return self._first_of_shard("changed_seq > summarized_seq", skip, shard)

    def pending_count(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM stories "
                             "WHERE changed_seq > summarized_seq")[0])

    def unanalyzed_story(self, skip: Sequence[str] = (), changed_before: float | None = None,
                         shard: Shard = (0, 1)) -> str | None:
        """The story of ``shard`` whose analysis lags its summary longest (only one that
        last changed before ``changed_before``, where given)."""
        where, params = "analyzed_seq < summarized_seq", []
        if changed_before is not None:
            where, params = where + " AND changed_at < ?", [changed_before]
        return self._first_of_shard(where, skip, shard, params)

    def _first_of_shard(self, where: str, skip: Sequence[str], shard: Shard,
                        params: Sequence[Any] = ()) -> str | None:
        extra = "".join(" AND id <> ?" for _ in skip)
        index, count = shard
        # The oldest few: one of them is in any one of a few workers' shards.
        rows = self._all(f"SELECT id FROM stories WHERE {where}{extra} ORDER BY changed_at "
                         "LIMIT ?", [*params, *skip, 1 if count == 1 else 64 * count])
        return next((str(r[0]) for r in rows if shard_of(str(r[0]), count) == index), None)

    def write_version(self, version: StoryVersion, headline: str | None,
                      lede: str | None) -> bool:
        """Store a new summary if it read further than the story's current version."""
        with self.write_transaction() as conn:
            row = self._exec(conn, "SELECT version, summarized_seq FROM stories WHERE id = ?",
                             (version.story_id,)).fetchone()
            if row is None or int(row[1]) >= version.summarized_seq:
                return False
            version.version = int(row[0]) + 1
            summary_json = json.dumps(version.summary)
            self._exec(conn, "INSERT INTO story_versions (story_id, version, created_at, "
                       "summarized_seq, article_ids, summary, conflicts) "
                       "VALUES (?,?,?,?,?,?,?)",
                       (version.story_id, version.version, version.created_at,
                        version.summarized_seq, json.dumps(version.article_ids), summary_json,
                        json.dumps(version.conflicts)))
            self._exec(conn, "UPDATE stories SET version = ?, updated_at = ?, "
                       "summarized_seq = ?, headline = ?, lede = ?, summary = ? WHERE id = ?",
                       (version.version, version.created_at, version.summarized_seq, headline,
                        lede, summary_json, version.story_id))
        return True

    def write_analysis(self, story_id: str, read_seq: int, analysis: dict[str, Any],
                       conflicts: list[dict[str, Any]]) -> bool:
        """Store an analysis of the story's articles up to ``read_seq`` if it is newer."""
        with self.write_transaction() as conn:
            row = self._exec(conn, "SELECT analyzed_seq FROM stories WHERE id = ?",
                             (story_id,)).fetchone()
            if row is None or int(row[0]) >= read_seq:
                return False
            self._exec(conn, "UPDATE stories SET analysis = ?, analyzed_seq = ?, "
                       "conflict_count = ? WHERE id = ?",
                       (json.dumps(analysis), read_seq, len(conflicts), story_id))
            self._exec(conn, "UPDATE story_versions SET conflicts = ? WHERE story_id = ? "
                       "AND summarized_seq = ?", (json.dumps(conflicts), story_id, read_seq))
        return True

    def story_version(self, story_id: str, version: int) -> StoryVersion | None:
        row = self._one("SELECT story_id, version, created_at, summarized_seq, article_ids, "
                        "summary, conflicts FROM story_versions WHERE story_id = ? AND "
                        "version = ?", (story_id, version))
        if row is None:
            return None
        return StoryVersion(str(row[0]), int(row[1]), float(row[2]), int(row[3]),
                            json.loads(row[4]), json.loads(row[5]), json.loads(row[6]))

    def seq_at_version(self, story_id: str, version: int) -> int | None:
        """The last article seq the story's version had read (0 for version 0)."""
        if version == 0:
            return 0
        found = self.story_version(story_id, version)
        return found.summarized_seq if found else None
