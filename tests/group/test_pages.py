"""Pages read ahead in a worker process: the same pages, in order, and the same stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from assertions import CliRun
from test_group import articles, read_stories, write_articles

from newsweave.cli.errors import EXIT_PARTIAL
from newsweave.group import group, pages
from newsweave.group.pages import read_page, read_pages


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker for a handful of articles, in blocks of two."""
    monkeypatch.setattr(pages, "WORKER_FROM", 3)
    monkeypatch.setattr(pages, "BLOCK", 2)
    monkeypatch.setattr(pages, "AHEAD", 1)


def same_page(a: pages.Page, b: pages.Page) -> bool:
    hashes = (a.minhash.hashes.tolist() if a.minhash else None,
              b.minhash.hashes.tolist() if b.minhash else None)
    return a.text == b.text and a.not_news == b.not_news and hashes[0] == hashes[1]


def test_the_worker_reads_the_same_pages_in_order(small_blocks: None) -> None:
    given = articles() * 3  # 15 articles: the first block here, the rest in the worker
    read = list(read_pages(iter(given)))
    assert [article for article, _ in read] == given
    assert all(same_page(page, read_page(article)) for article, page in read)


def test_a_batch_read_ahead_groups_as_one_read_here(small_blocks: None) -> None:
    ahead = [[a.id for a in story.articles] for story in group(articles())]
    pages.WORKER_FROM = 10**9  # undone by monkeypatch
    here = [[a.id for a in story.articles] for story in group(articles())]
    assert ahead == here == [["courier-hollis", "gazette-hollis"],
                             ["courier-ines", "gazette-ines"], ["courier-jory"]]


def cli_stories(cli: CliRun, folder: Path) -> dict[str, list[str]]:
    """Two articles grouped, then three more added (one of them already grouped)."""
    items = articles()
    folder.mkdir()
    first, later = folder / "first.jsonl", folder / "later.jsonl"
    write_articles(first, items[:2])
    write_articles(later, [*items[2:], items[0]])
    stories = folder / "stories.jsonl"
    assert cli("group", str(first), "--out", str(stories)).exit_code == 0
    added = cli("group", str(later), "--into", str(stories))
    assert added.exit_code == EXIT_PARTIAL
    assert f"article {items[0].id!r} is already grouped, skipped" in added.stderr
    return read_stories(stories)


def test_the_cli_reads_ahead_for_new_and_stored_articles(
        small_blocks: None, cli: CliRun, tmp_path: Path) -> None:
    pages.WORKER_FROM = 2  # the two stored articles too (undone by monkeypatch)
    ahead = cli_stories(cli, tmp_path / "ahead")
    pages.WORKER_FROM = 10**9
    assert ahead == cli_stories(cli, tmp_path / "here")
    assert sorted(ahead.values()) == [["courier-hollis", "gazette-hollis"],
                                      ["courier-ines", "gazette-ines"], ["courier-jory"]]
