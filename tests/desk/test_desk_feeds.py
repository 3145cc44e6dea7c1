"""The feed poller against a real local HTTP server: good feeds are read, bad ones are
recorded with their error and retried later while the others go on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from feedserver import FeedSite, feed_site

from newsweave.desk.feeds import ENTRIES_PER_POLL, Poller
from newsweave.desk.fetch import Fetcher, FetchRefused, check_feed_url
from newsweave.desk.grouping import StoreGrouper
from newsweave.desk.ingest import Ingester
from newsweave.desk.sqlite_store import SqliteStore


@pytest.fixture(scope="module")
def site() -> Iterator[FeedSite]:
    with feed_site() as served:
        yield served


@pytest.fixture
def poller(tmp_path: Path) -> Iterator[Poller]:
    store = SqliteStore(tmp_path / "feeds.db")
    fetcher = Fetcher(allow_private=True, host_interval_s=0.0, tries=2, backoff_s=0.05,
                      timeout=httpx.Timeout(1.0))
    try:
        yield Poller(Ingester(store, StoreGrouper()), fetcher, interval_s=60)
    finally:
        fetcher.close()
        store.close()


def test_a_feed_is_read_and_then_asked_conditionally(poller: Poller, site: FeedSite) -> None:
    feed, _ = poller.store.add_feed(site.url("/feed.xml"), time.time())
    assert poller.poll(feed) == 3
    state = poller.store.feeds()[0]
    assert state.error is None and state.articles == 3 and state.etag
    stored = poller.store.stories(10)
    assert len(stored) == 1 and stored[0].article_count == 3
    assert stored[0].outlets == ["Valley News"]
    # The PDF and the image are entries read for good: never fetched again.
    assert poller.store.entry_seen(site.url("/report.pdf"))
    assert poller.store.entry_seen(site.url("/photo.png"))
    hits = site.conditional_hits
    assert poller.poll(state) == 0
    assert site.conditional_hits == hits + 1


@pytest.mark.parametrize(("path", "says"), [
    ("/broken.xml", "not a readable feed"),
    ("/loop-a.xml", "too many redirects"),
    ("/slow.xml", "timed out"),
    ("/down.xml", "HTTP 503"),
    ("/missing.xml", "HTTP 404"),
])
def test_a_failing_feed_is_recorded_and_retried_later(poller: Poller, site: FeedSite,
                                                      path: str, says: str) -> None:
    bad, _ = poller.store.add_feed(site.url(path), time.time())
    good, _ = poller.store.add_feed(site.url("/feed.xml"), time.time())
    assert poller.poll_due() == 3  # the good feed goes on
    states = {f.url: f for f in poller.store.feeds()}
    failed = states[bad.url]
    assert says in (failed.error or "")
    assert failed.failures == 1 and failed.next_poll > time.time() + 60
    assert states[good.url].error is None
    assert poller.poll_due() == 0  # not due again yet


def test_a_feed_of_10000_entries_is_read_a_slice_per_poll(poller: Poller,
                                                          site: FeedSite) -> None:
    feed, _ = poller.store.add_feed(site.url("/huge.xml"), time.time())
    assert poller.poll(feed) == ENTRIES_PER_POLL
    state = poller.store.feeds()[0]
    assert state.error is None and state.next_poll <= time.time()  # due again at once
    assert state.etag is None  # and asked for in full, not "not modified"
    assert poller.store.article_count() == ENTRIES_PER_POLL


def test_private_and_loopback_addresses_are_refused_unless_allowed(site: FeedSite) -> None:
    for url in (site.url("/feed.xml"), "http://localhost/feed", "http://10.0.0.8/feed",
                "http://[::1]/feed", "http://169.254.169.254/latest"):
        with pytest.raises(FetchRefused, match="private or loopback"):
            check_feed_url(url, allow_private=False)
    with pytest.raises(FetchRefused, match="not an http"):
        check_feed_url("file:///etc/passwd", allow_private=True)
    fetcher = Fetcher(allow_private=False, host_interval_s=0.0)
    try:
        with pytest.raises(FetchRefused, match="private or loopback"):
            fetcher.get(site.url("/feed.xml"))
    finally:
        fetcher.close()
