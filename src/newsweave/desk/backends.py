"""Which store a ``--db`` value names: a PostgreSQL URL, else a SQLite file path."""

from __future__ import annotations

from pathlib import Path

from newsweave.desk.store import SqlStore


def open_store(db: str, durable: bool = True) -> SqlStore:
    """``durable=False``: a store for writes that can be recomputed (the worker's)."""
    if db.startswith(("postgresql://", "postgres://")):
        from newsweave.desk.postgres_store import PostgresStore

        return PostgresStore(db)
    from newsweave.desk.sqlite_store import SqliteStore

    return SqliteStore(Path(db), durable)
