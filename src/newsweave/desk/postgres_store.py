"""The shared store: PostgreSQL (psycopg 3), for several `serve` processes behind a load
balancer. Same tables and queries as SQLite; the ingest lock is a transaction-scoped
advisory lock, and search is a generated ``tsvector`` column with a GIN index."""

from __future__ import annotations

from typing import Any

from newsweave.desk.schema import ADDED_ARTICLE_COLUMNS, shared_tables
from newsweave.desk.store import SqlStore
from newsweave.errors import NewsweaveError

INGEST_LOCK = 2_402_024  # any constant: every desk process takes the same advisory lock

ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    story_id TEXT NOT NULL,
    received_at DOUBLE PRECISION NOT NULL,
    title TEXT, url TEXT, published TEXT, language TEXT, copy_of TEXT, not_news INTEGER,
    content_hash TEXT NOT NULL UNIQUE,
    search TSVECTOR GENERATED ALWAYS AS
        (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id, seq);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, story_id);
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
"""
SCHEMA = ARTICLES + shared_tables("DOUBLE PRECISION", "BIGINT", "SERIAL PRIMARY KEY")


class PostgresStore(SqlStore):
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.description = "PostgreSQL " + url.split("@")[-1]  # never the password
        try:
            import psycopg
        except ImportError:
            raise NewsweaveError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'"
                                 ) from None
        try:
            with psycopg.connect(url) as conn:
                conn.execute(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")  # one creator
                conn.execute(SCHEMA)
                present = {row[0] for row in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = "
                    "'articles' AND table_schema = current_schema()")}
                for name, kind in ADDED_ARTICLE_COLUMNS:
                    if name not in present:  # a store written before the column existed
                        # (checked first: ALTER TABLE locks out readers even when it adds
                        # nothing, and other desk processes are reading this store)
                        conn.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
            self.judge_old_articles()
        except psycopg.Error as exc:
            raise NewsweaveError(f"cannot open the store at {self.description}: "
                                 f"{str(exc).strip().splitlines()[0]}") from None

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.url)

    def _begin_ingest(self, conn: Any) -> None:
        conn.execute(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")

    def _index_text(self, conn: Any, seq: int, title: str | None, text: str) -> None:
        """The ``search`` column is generated from the row itself."""

    def _search_story_ids_sql(self) -> str:
        return "SELECT story_id FROM articles WHERE search @@ plainto_tsquery('simple', %s)"
