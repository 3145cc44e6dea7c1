"""`newsweave serve`, `newsweave ingest`, `newsweave feeds`: the desk from the shell."""

from __future__ import annotations

import threading
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsweave.cli.errors import reports_errors, warn
from newsweave.desk.backends import open_store
from newsweave.desk.config import DEFAULT_MAX_BODY_BYTES, TOKEN_ENV, read_token
from newsweave.errors import NewsweaveError

if TYPE_CHECKING:  # the web stack loads only when a command needs it
    from newsweave.desk.ingest import Ingester
    from newsweave.desk.store import SqlStore

DB_OPTION = click.option("--db", default="newsweave.db", show_default=True,
                         help="A SQLite file, or postgresql://... to share a store.")
INGEST_BATCH = 200


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@DB_OPTION
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"The write token [default: ${TOKEN_ENV}]; without one, writes are refused.")
@click.option("--allow-private-feeds", is_flag=True,
              help="Let feeds and their pages be fetched from private or loopback addresses.")
@click.option("--max-body-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BODY_BYTES,
              show_default=True, help="Larger request bodies are refused (413).")
@click.option("--feed-interval", type=click.FloatRange(min=1), default=300.0,
              show_default=True, help="Seconds between two polls of a feed.")
@click.option("--host-interval", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host (politeness).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes keeping summaries current, each for its share of the stories: "
                   "one per core the web process leaves idle.")
@reports_errors
def serve(host: str, port: int, db: str, token_file: Path | None, allow_private_feeds: bool,
          max_body_bytes: int, feed_interval: float, host_interval: float,
          workers: int) -> None:
    """Run the live news desk: web pages, the JSON API, the feed poller and the worker."""
    import os

    import uvicorn

    from newsweave.desk import feeds, worker
    from newsweave.desk.access import Access
    from newsweave.desk.app import create_app
    from newsweave.desk.context import Desk
    from newsweave.desk.fetch import Fetcher

    store = open_store(db)
    token = read_token(token_file)
    ingester = _ingester(store)
    desk = Desk(store, ingester, Access(token, max_body_bytes), allow_private_feeds)
    context = get_context("spawn")  # a fresh interpreter: nothing of this one is inherited
    stop = context.Event()
    processes = [context.Process(target=worker.run, args=(db, stop, os.getpid(), (k, workers)),
                                 name=f"newsweave-worker-{k}", daemon=True)
                 for k in range(workers)]
    for process in processes:
        process.start()
    fetcher = Fetcher(allow_private_feeds, host_interval)
    poller = feeds.Poller(ingester, fetcher, feed_interval)
    poll_stop = threading.Event()
    polling = threading.Thread(target=feeds.poll_forever, args=(poller, poll_stop),
                               name="newsweave-feeds", daemon=True)
    polling.start()
    if token is None:
        warn(f"warning: no write token (${TOKEN_ENV} or --token-file): POSTs are refused")
    warn(f"newsweave desk on http://{host}:{port}/ (store: {store.description})")
    try:
        uvicorn.run(create_app(desk), host=host, port=port, log_level="warning",
                    timeout_graceful_shutdown=5)
    finally:
        poll_stop.set()
        stop.set()
        for process in processes:
            process.join(10)
        fetcher.close()
        store.close()


def _ingester(store: SqlStore) -> Ingester:
    from newsweave.desk.grouping import StoreGrouper
    from newsweave.desk.ingest import Ingester

    ingester = Ingester(store, StoreGrouper())
    ingester.warm()
    return ingester


@click.command()
@click.argument("targets", nargs=-1, required=True)
@DB_OPTION
@click.option("--quiet", is_flag=True, help="No progress or warnings.")
@reports_errors
def ingest(targets: tuple[str, ...], db: str, quiet: bool) -> None:
    """Store the articles in TARGETS (files, folders, article JSONL, page URLs) in the desk's
    store; a running `newsweave serve` on the same --db picks them up."""
    from tqdm import tqdm

    from newsweave.desk.ingest import ArticleIn
    from newsweave.desk.sources import read_sources

    store = open_store(db)
    ingester = _ingester(store)
    warnings: list[str] = []
    counts = {"stored": 0, "duplicate": 0}
    notices: list[str] = []  # stored pages judged no news report: named, never quietly kept
    batch: list[ArticleIn] = []

    def flush() -> None:
        for result in ingester.ingest(batch):
            counts[result.status] += 1
            if result.not_news and result.status == "stored":
                notices.append(result.id)
        batch.clear()

    try:
        for item in tqdm(read_sources(targets, warnings), unit=" articles", disable=quiet):
            batch.append(item)
            if len(batch) >= INGEST_BATCH:
                flush()
        if batch:
            flush()
    finally:
        store.close()
    if not quiet:
        for message in warnings:
            warn(f"warning: {message}")
    if not counts["stored"] and not counts["duplicate"]:
        raise NewsweaveError("no article could be read from the input")
    stored = f"stored {counts['stored']} articles, {counts['duplicate']} already stored"
    if notices:
        shown = ", ".join(notices[:5]) + (", ..." if len(notices) > 5 else "")
        stored += (f"; {len(notices)} of them no news report (a notice, sign-in or error "
                   f"page), each a story of its own: {shown}")
    warn(stored)


@click.group()
def feeds() -> None:
    """Register RSS/Atom feeds for `newsweave serve` to poll."""


@feeds.command("add")
@click.argument("url")
@DB_OPTION
@click.option("--allow-private-feeds", is_flag=True,
              help="Accept a feed on a private or loopback address.")
@reports_errors
def feeds_add(url: str, db: str, allow_private_feeds: bool) -> None:
    """Register the feed at URL."""
    import time

    from newsweave.desk.fetch import FetchRefused, check_feed_url

    try:
        check_feed_url(url, allow_private_feeds)
    except FetchRefused as exc:
        raise NewsweaveError(str(exc)) from None
    store = open_store(db)
    try:
        feed, new = store.add_feed(url, time.time())
    finally:
        store.close()
    warn(f"{'added' if new else 'already registered'}: feed {feed.id} {feed.url}")


@feeds.command("list")
@DB_OPTION
@reports_errors
def feeds_list(db: str) -> None:
    """Each feed with its last poll, error and articles stored."""
    store = open_store(db)
    try:
        for feed in store.feeds():
            state = f"error: {feed.error}" if feed.error else "ok"
            click.echo(f"{feed.id}\t{feed.url}\t{feed.articles} articles\t{state}")
    finally:
        store.close()


COMMANDS = (serve, ingest, feeds)
