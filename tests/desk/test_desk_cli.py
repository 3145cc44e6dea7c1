"""`newsweave ingest` and `newsweave feeds` from the shell, into a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from assertions import CliRun
from invented import PAYWALL_NOTICE, WILDFIRE

from newsweave.desk.sqlite_store import SqliteStore
from newsweave.desk.worker import catch_up


def test_ingest_files_and_jsonl_into_one_store(cli: CliRun, harbor_dir: Path,
                                               tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    result = cli("ingest", str(harbor_dir), "--db", db, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert "stored 5 articles" in result.stderr
    again = cli("ingest", str(harbor_dir), "--db", db, "--quiet")
    assert "stored 0 articles, 5 already stored" in again.stderr
    lines = tmp_path / "articles.jsonl"
    lines.write_text('{"id": "j1", "text": "Apple prices at the Dunmore market fell."}\n'
                     "not json\n", encoding="utf-8")
    mixed = cli("ingest", str(lines), "--db", db)
    assert mixed.exit_code == 0
    assert "line 2" in mixed.stderr and "stored 1 articles" in mixed.stderr
    store = SqliteStore(Path(db))
    try:
        stories = store.stories(10)
        assert sum(s.article_count for s in stories) == 6
        harbor = max(stories, key=lambda s: s.article_count)
        assert harbor.article_count == 5 and len(harbor.outlets) == 5
        assert catch_up(store) == len(stories)
        assert store.story(harbor.id) is not None
        assert store.story(harbor.id).version == 1  # type: ignore[union-attr]
    finally:
        store.close()


def test_ingest_names_the_pages_that_are_no_news_report(cli: CliRun, tmp_path: Path) -> None:
    lines = tmp_path / "articles.jsonl"
    lines.write_text("".join(json.dumps(a) + "\n" for a in [*WILDFIRE, PAYWALL_NOTICE]),
                     encoding="utf-8")
    result = cli("ingest", str(lines), "--db", str(tmp_path / "desk.db"), "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == (
        "stored 4 articles, 0 already stored; 1 of them no news report (a notice, sign-in "
        "or error page), each a story of its own: paywall-notice")


def test_ingest_reads_story_lines_as_summarize_and_group_read_them(
        cli: CliRun, tmp_path: Path) -> None:
    # Multi-News's own form ("|||||" between documents) was "'documents' is not a list".
    lines = tmp_path / "stories.jsonl"
    lines.write_text(
        json.dumps({"id": "pier", "documents": "The Kestrel pier fell into the bay on Sunday. "
                    "||||| Four anglers were hurt when Kestrel pier collapsed on Sunday."}) + "\n"
        + json.dumps({"id": "tram", "documents": [
            "Harrow council voted for the university tram line on Monday.",
            {"id": "gazette-tram", "text": "Councillors approved the tram on Monday."}]}) + "\n",
        encoding="utf-8")
    db = tmp_path / "desk.db"
    result = cli("ingest", str(lines), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.stderr
    assert "stored 4 articles" in result.stderr
    store = SqliteStore(db)
    try:
        ids = {a.id for s in store.stories(10) for a in store.story_articles(s.id)}
    finally:
        store.close()
    assert ids == {"pier-1", "pier-2", "tram-1", "gazette-tram"}  # as group names them


def test_a_bad_story_line_is_one_warning_and_the_good_ones_are_stored(
        cli: CliRun, tmp_path: Path) -> None:
    lines = tmp_path / "stories.jsonl"
    lines.write_text('{"id": "a", "documents": [7]}\n{"id": "b", "documents": "|||||"}\n'
                     '{"id": "c", "documents": 5}\n'
                     '{"id": "d", "documents": ["The ferry sailed again on Monday."]}\n',
                     encoding="utf-8")
    result = cli("ingest", str(lines), "--db", str(tmp_path / "desk.db"))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "line 1: document 1 is a int, not a string or object" in result.stderr
    assert "line 2: 'documents' is empty" in result.stderr
    assert "line 3: 'documents' is neither a list" in result.stderr
    assert "stored 1 articles" in result.stderr


def test_ingest_of_nothing_readable_is_one_line(cli: CliRun, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = cli("ingest", str(empty), "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")


def test_feeds_add_refuses_loopback_unless_allowed(cli: CliRun, tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    refused = cli("feeds", "add", "http://127.0.0.1:9/feed.xml", "--db", db)
    assert refused.exit_code == 2 and "--allow-private-feeds" in refused.stderr
    added = cli("feeds", "add", "http://127.0.0.1:9/feed.xml", "--db", db,
                "--allow-private-feeds")
    assert added.exit_code == 0 and "added: feed 1" in added.stderr
    listed = cli("feeds", "list", "--db", db)
    assert "http://127.0.0.1:9/feed.xml" in listed.stdout


def test_a_story_with_nothing_to_summarize_still_gets_a_version(tmp_path: Path) -> None:
    from newsweave.desk.grouping import StoreGrouper
    from newsweave.desk.ingest import Ingester, articles_from_json

    store = SqliteStore(tmp_path / "d.db")
    try:
        ingested = Ingester(store, StoreGrouper()).ingest(
            articles_from_json({"id": "tiny", "text": "ok"}))
        assert catch_up(store, timeout_s=30) == 1
        story = store.story(ingested[0].story_id)
        assert story is not None and story.version == 1 and not story.pending
        assert story.summary == {"sentences": [], "empty_reason": story.summary["empty_reason"]}
        assert story.summary["empty_reason"]
    finally:
        store.close()
