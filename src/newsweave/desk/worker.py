"""The worker: recomputes each story whose articles changed, never inside a request.

It runs as its own process (`serve` starts one), so summarizing and analysing never hold
the web process's interpreter, and talks to the web process only through the store: it
takes the story whose unread article has waited longest, summarizes its articles and
writes a new version; once no summary has been waiting for a moment, it brings one
story's analysis (``analyze``, ten times slower) up to that story's version. Many articles
arriving for one story while it works are read together next time. Killed at any point,
it loses nothing: a version is written in one transaction, and a story stays pending
until one is.
"""

from __future__ import annotations

import logging
import os
import time
from multiprocessing.synchronize import Event
from typing import Any

from newsweave.analysis.analyze import analyze_story
from newsweave.batch.pool import limit_native_threads
from newsweave.batch.tasks import nothing_shown
from newsweave.desk.backends import open_store
from newsweave.desk.records import (
    NO_NEWS_REASON,
    StoredArticle,
    StoryVersion,
    notice_headline,
    opening_headline,
)
from newsweave.desk.store import Shard, SqlStore
from newsweave.errors import NewsweaveError
from newsweave.model import Story
from newsweave.summarizer.pipeline import summarize_story

log = logging.getLogger("newsweave.desk.worker")

# A story of hundreds of articles is summarized from its newest ones: the analysis grows
# faster than linearly with articles, and its freshness is what the desk is for.
MAX_ARTICLES = 40
SUMMARY_WORDS = 120
RETRY_FAILED_AFTER_S = 60.0
# An analysis takes as long as ten summaries. While articles keep arriving, one started
# between two summaries would hold up every article that arrives meanwhile, so analyses
# wait for this long a pause in new summaries...
QUIET_BEFORE_ANALYSIS_S = 1.0
# ...unless the story's analysis has lagged its summary for this long.
ANALYSIS_MAX_LAG_S = 60.0


def headline_of(summary: dict[str, Any], articles: list[StoredArticle]) -> str | None:
    """The summary's own headline where the summarizer gives one, else the first article's
    title, else the summary's first sentence, else (no sentence could be shown) the first
    article's opening words; a story of pages that report nothing (a notice page stands
    alone: group/not_news.py) says so instead."""
    notice = notice_headline(articles)
    if notice:
        return notice
    if summary.get("headline"):
        return str(summary["headline"])
    sentences = summary.get("sentences") or []
    if sentences and not any(a.title for a in articles):
        return str(sentences[0]["text"])
    return opening_headline(articles)


def _story_input(articles: list[StoredArticle], story_id: str) -> tuple[list[StoredArticle],
                                                                         Story]:
    originals = [a for a in articles if not a.copy_of] or articles
    shown = originals[-MAX_ARTICLES:]
    return shown, Story([a.to_article() for a in shown], id=story_id)


def resummarize(store: SqlStore, story_id: str) -> bool:
    """Write a new version of the story's summary from its articles (milliseconds: this is
    what keeps a story current under load); False if nothing was newer."""
    articles = store.story_articles(story_id)
    if not articles:
        return False
    shown, story = _story_input(articles, story_id)
    try:
        if notice_headline(shown):  # a notice is no report: nothing of it is summarized
            raise NewsweaveError(NO_NEWS_REASON)
        summarized = summarize_story(story, SUMMARY_WORDS, "auto")
        if not summarized.sentences:  # a version that says why, as the command line does
            raise NewsweaveError(nothing_shown(summarized))
        summary = summarized.to_dict()
        summary.pop("articles")  # the store has them
    except NewsweaveError as exc:  # nothing summarizable (yet): a version that says why
        summary = {"sentences": [], "empty_reason": str(exc)}
    sentences = summary.get("sentences") or []
    lede = str(sentences[0]["text"]) if sentences else None
    version = StoryVersion(story_id, 0, time.time(), max(a.seq for a in articles),
                           [a.id for a in articles], summary)
    return store.write_version(version, headline_of(summary, shown), lede)


def reanalyze(store: SqlStore, story_id: str) -> bool:
    """Bring the story's analysis (claims, conflicts, quotes, timeline, entities: a tenth
    of a second or more) up to its current version."""
    story = store.story(story_id, with_reports=False)
    if story is None:
        return False
    articles = [a for a in store.story_articles(story_id) if a.seq <= story.summarized_seq]
    shown, as_story = _story_input(articles, story_id)
    try:
        if notice_headline(shown):
            raise NewsweaveError(NO_NEWS_REASON)
        analysis = analyze_story(as_story, max_words=SUMMARY_WORDS)
        if not analysis.summary.sentences:  # no claim of an unshowable sentence is shown
            raise NewsweaveError(nothing_shown(analysis.summary))
        report = analysis.to_dict()
    except NewsweaveError as exc:
        report = _nothing_shown(shown, str(exc))
    ids = [a["id"] for a in report["articles"]]
    conflicts = [_with_article_ids(c, ids) for c in report["conflicts"]]
    return store.write_analysis(story_id, story.summarized_seq, report, conflicts)


def _nothing_shown(articles: list[StoredArticle], reason: str) -> dict[str, Any]:
    return {"schema": "newsweave.analysis", "story_id": None,
            "summary": {"sentences": [], "empty_reason": reason},
            "claims": [], "consensus": [], "exclusives": {}, "conflicts": [], "quotes": [],
            "timeline": [], "entities": [], "warnings": [reason],
            "articles": [{**a.to_dict(), "degraded": False} for a in articles]}


def _with_article_ids(conflict: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    versions = [{**v, "article_ids": [ids[i] for i in v["articles"]]}
                for v in conflict["versions"]]
    return {**conflict, "versions": versions}


def work(store: SqlStore, stop: Event, poll_s: float = 0.2, parent: int | None = None,
         shard: Shard = (0, 1)) -> None:
    """Keep the ``shard``'s stories current until ``stop`` is set (or the ``parent``
    process is gone: a server killed outright must not leave its worker behind). Summaries
    come first; an analysis is brought up to date in a pause between summaries, or once it
    lags too long."""
    failed: dict[str, float] = {}
    last_summary = 0.0
    while not stop.is_set() and (parent is None or os.getppid() == parent):
        now = time.time()
        failed = {s: t for s, t in failed.items() if now - t < RETRY_FAILED_AFTER_S}
        step, story_id = resummarize, store.pending_story(skip=list(failed), shard=shard)
        if story_id is not None:
            last_summary = time.monotonic()
        else:
            quiet = time.monotonic() - last_summary >= QUIET_BEFORE_ANALYSIS_S
            step, story_id = reanalyze, store.unanalyzed_story(
                skip=list(failed), changed_before=None if quiet else now - ANALYSIS_MAX_LAG_S,
                shard=shard)
        if story_id is None:
            stop.wait(poll_s)
            continue
        try:
            step(store, story_id)
        except Exception:  # one story's failure must not stop the others
            log.exception("story %s: %s failed; retrying in %.0f s",
                          story_id, step.__name__, RETRY_FAILED_AFTER_S)
            failed[story_id] = now


def run(db: str, stop: Event, parent: int, shard: Shard = (0, 1)) -> None:
    """A worker process's entry point. Its native code (spaCy's products on OpenBLAS,
    LightGBM's OpenMP) runs on one thread, as batch workers' does: `serve` runs one worker
    per core beside the web process, and each multiplying on every core made a backlog of
    5,500 stories take two workers 132 s instead of 39 (docs/quality.md, 2026-12-08)."""
    limit_native_threads()
    logging.basicConfig(level=logging.INFO, format="worker: %(message)s")
    store = open_store(db, durable=False)
    try:
        work(store, stop, parent=parent, shard=shard)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


def catch_up(store: SqlStore, timeout_s: float | None = None) -> int:
    """Summarize and analyze every pending story in this process (tests, benchmarks)."""
    done, deadline = 0, None if timeout_s is None else time.monotonic() + timeout_s
    while deadline is None or time.monotonic() < deadline:
        if (story_id := store.pending_story()) is not None:
            resummarize(store, story_id)
            done += 1
        elif (story_id := store.unanalyzed_story()) is not None:
            reanalyze(store, story_id)
        else:
            break
    return done
