"""The worker: recomputes each story whose articles changed, never inside a request.

It runs as its own process (`serve` starts one), so summarizing and analysing never hold
the web process's interpreter, and talks to the web process only through the store: it
takes the story whose unread article has waited longest, runs ``analyze`` (which
summarizes too) on its articles and writes a new version. Many articles arriving for one
story while it works are read together next time. Killed at any point, it loses nothing:
a version is written in one transaction, and a story stays pending until one is.
"""

from __future__ import annotations

import logging
import os
import time
from multiprocessing.synchronize import Event
from typing import Any

from newsweave.analysis.analyze import analyze_story
from newsweave.desk.backends import open_store
from newsweave.desk.records import StoredArticle, StoryVersion
from newsweave.desk.store import SqlStore
from newsweave.model import Story

log = logging.getLogger("newsweave.desk.worker")

# A story of hundreds of articles is summarized from its newest ones: the analysis grows
# faster than linearly with articles, and its freshness is what the desk is for.
MAX_ARTICLES = 40
SUMMARY_WORDS = 120
RETRY_FAILED_AFTER_S = 60.0


def headline_of(summary: dict[str, Any], articles: list[StoredArticle]) -> str | None:
    """The summary's own headline where the summarizer gives one, else the first article's
    title, else the summary's first sentence."""
    if summary.get("headline"):
        return str(summary["headline"])
    titled = next((a.title for a in articles if a.title), None)
    if titled:
        return titled
    sentences = summary.get("sentences") or []
    return str(sentences[0]["text"]) if sentences else None


def recompute(store: SqlStore, story_id: str) -> bool:
    """Write a new version of the story from its articles; False if nothing was newer."""
    articles = store.story_articles(story_id)
    if not articles:
        return False
    read_seq = max(a.seq for a in articles)
    originals = [a for a in articles if not a.copy_of] or articles
    shown = originals[-MAX_ARTICLES:]
    analysis = analyze_story(Story([a.to_article() for a in shown], id=story_id),
                             max_words=SUMMARY_WORDS)
    report = analysis.to_dict()
    summary = report.pop("summary")
    ids = [a["id"] for a in report["articles"]]
    conflicts = [_with_article_ids(c, ids) for c in report["conflicts"]]
    sentences = summary.get("sentences") or []
    lede = str(sentences[0]["text"]) if sentences else None
    version = StoryVersion(story_id, 0, time.time(), read_seq, [a.id for a in articles],
                           summary, conflicts)
    return store.write_version(version, headline_of(summary, shown), lede, report)


def _with_article_ids(conflict: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    versions = [{**v, "article_ids": [ids[i] for i in v["articles"]]}
                for v in conflict["versions"]]
    return {**conflict, "versions": versions}


def work(store: SqlStore, stop: Event, poll_s: float = 0.2, parent: int | None = None) -> None:
    """Recompute pending stories until ``stop`` is set (or the ``parent`` process is gone:
    a server killed outright must not leave its worker behind)."""
    failed: dict[str, float] = {}
    while not stop.is_set() and (parent is None or os.getppid() == parent):
        now = time.time()
        failed = {s: t for s, t in failed.items() if now - t < RETRY_FAILED_AFTER_S}
        story_id = store.pending_story(skip=list(failed))
        if story_id is None:
            stop.wait(poll_s)
            continue
        try:
            recompute(store, story_id)
        except Exception:  # one story's failure must not stop the others
            log.exception("story %s: recomputation failed; retrying in %.0f s",
                          story_id, RETRY_FAILED_AFTER_S)
            failed[story_id] = now


def run(db: str, stop: Event, parent: int) -> None:
    """The worker process's entry point."""
    logging.basicConfig(level=logging.INFO, format="worker: %(message)s")
    store = open_store(db)
    try:
        work(store, stop, parent=parent)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


def catch_up(store: SqlStore, timeout_s: float | None = None) -> int:
    """Recompute every pending story in this process (tests, `ingest --wait`)."""
    done, deadline = 0, None if timeout_s is None else time.monotonic() + timeout_s
    while (story_id := store.pending_story()) is not None:
        if deadline is not None and time.monotonic() > deadline:
            break
        recompute(store, story_id)
        done += 1
    return done
