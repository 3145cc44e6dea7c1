"""The tables both stores share, written once; each engine names its own column types."""

from __future__ import annotations

# Columns ``articles`` gained after stores were first written, as (name, type): a store
# opened without one gets it added, and ``SqlStore.judge_old_articles`` fills it for the
# old rows from their text, once, as the grouper judges it (``not_news``: deterministic
# on the text).
ADDED_ARTICLE_COLUMNS = (("not_news", "INTEGER"),)


def shared_tables(real: str, big: str, serial: str) -> str:
    """Stories, their versions, feeds and feed entries (articles differ by engine: search)."""
    return f"""
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    created_at {real} NOT NULL,
    changed_at {real} NOT NULL,
    updated_at {real},
    changed_seq {big} NOT NULL,
    summarized_seq {big} NOT NULL,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    headline TEXT, lede TEXT,
    conflict_count INTEGER NOT NULL,
    analyzed_seq {big} NOT NULL,
    rank {real} NOT NULL,
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
    created_at {real} NOT NULL,
    summarized_seq {big} NOT NULL,
    article_ids TEXT NOT NULL,
    summary TEXT NOT NULL,
    conflicts TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
CREATE TABLE IF NOT EXISTS feeds (
    id {serial},
    url TEXT NOT NULL UNIQUE,
    added_at {real} NOT NULL,
    etag TEXT, last_modified TEXT, last_polled {real},
    next_poll {real} NOT NULL,
    failures INTEGER NOT NULL,
    error TEXT,
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_entries (
    url TEXT PRIMARY KEY,
    feed_id INTEGER NOT NULL,
    seen_at {real} NOT NULL,
    error TEXT
);
"""
