"""A file of stories (the batch paths of summarize and analyze) sets notice pages aside
as a file input does: named in one warning per story, never summarized, never silent."""

from __future__ import annotations

import json
from pathlib import Path

from assertions import CliRun, assert_one_line_error
from test_not_news import COOKIE_WALL, CRAWL_NOTICE, FERRY, FERRY_AGAIN, pile

NOTICE_ASIDE = ("warning: line 1 (ferry): 1 page is not a news report, set aside: crawl (a "
                "notice, sign-in or error page)")
ONLY_NOTICES = ("warning: line 2: no news report among the articles given: crawl-2, "
                "cookies are notice, sign-in or error pages")
CLOSING = ("story, 0 failed; 1 set aside (notice, sign-in or error pages only: no news "
           "report); 1 without the notice pages named above")


def write_stories(path: Path) -> Path:
    """A story with a crawl notice among its reports, and one of notices only (no
    "not_news" flags: judged from the text)."""
    stories = [
        {"id": "ferry", "documents": [{"id": "herald", "text": FERRY},
                                      {"id": "crawl", "text": CRAWL_NOTICE},
                                      {"id": "ledger", "text": FERRY_AGAIN}]},
        {"id": "pages", "documents": [{"id": "crawl-2", "text": CRAWL_NOTICE},
                                      {"id": "cookies", "text": COOKIE_WALL}]},
    ]
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    return path


def lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_summarize_a_stories_file_sets_notices_aside(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "summaries.jsonl"
    result = cli("summarize", str(write_stories(tmp_path / "stories.jsonl")), "--out", str(out),
                 "--jobs", "1")
    assert result.exit_code == 0, result.stderr  # a notice story is no failure
    assert lines(result.stderr) == [NOTICE_ASIDE, ONLY_NOTICES, f"summarized 1 {CLOSING}"]
    summary, aside = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    cited = {o for s in summary["sentences"] for o in s["supporting_articles"]}
    assert cited == {"herald", "ledger"}
    assert NOTICE_ASIDE.removeprefix("warning: line 1 (ferry): ") in summary["warnings"]
    assert aside["schema"] == "newsweave.error" and "no news report" in aside["error"]


def test_analyze_a_stories_file_sets_notices_aside(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "analyses.jsonl"
    result = cli("analyze", str(write_stories(tmp_path / "stories.jsonl")), "--out", str(out),
                 "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stderr) == [NOTICE_ASIDE, ONLY_NOTICES, f"analyzed 1 {CLOSING}"]
    analysis = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {a["id"] for a in analysis["articles"]} == {"herald", "ledger"}


def test_grouped_stories_are_summarized_on_the_groupers_verdicts(
        cli: CliRun, tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in pile()),
                        encoding="utf-8")
    stories = tmp_path / "stories.jsonl"
    assert cli("group", str(articles), "--out", str(stories)).exit_code == 0
    # The grouper's verdicts are read, not judged again: a flag says it all.
    records = [json.loads(line) for line in stories.read_text(encoding="utf-8").splitlines()]
    for record in records:
        for document in record["documents"]:
            if document["id"] == "ledger":
                document["not_news"] = True
    stories.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = cli("summarize", str(stories), "--out", str(tmp_path / "s.jsonl"), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    closing = lines(result.stderr)[-1]
    # herald alone is summarized; cookies, crawl and missing are stories of notices only.
    assert closing == ("summarized 1 story, 0 failed; 3 set aside (notice, sign-in or "
                       "error pages only: no news report); 1 without the notice pages named "
                       "above")
    assert any("set aside: ledger" in line for line in lines(result.stderr))


def test_analyze_one_story_of_a_stories_file_sets_notices_aside(
        cli: CliRun, tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "stories.jsonl")
    result = cli("analyze", str(stories), "--story", "ferry", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert ("warning: 1 page is not a news report, set aside: crawl (a notice, sign-in or "
            "error page)") in lines(result.stderr)
    assert {a["id"] for a in json.loads(result.stdout)["articles"]} == {"herald", "ledger"}
    only = cli("analyze", str(stories), "--story", "pages")
    assert only.exit_code != 0
    assert_one_line_error(only.stderr, "no news report among the articles given: crawl-2, "
                          "cookies are notice, sign-in or error pages")
