"""``summarize NEW... --since OLD...``, JSONL "previous" and ``evaluate`` on update stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assertions import CliRun, assert_no_crash, stderr_lines
from update_helpers import articles_in

from newsweave.evaluate import summarize_file
from newsweave.summarizer.pipeline import summary_sentences
from newsweave.update.command import spread_since


def test_since_takes_every_path_up_to_the_next_option() -> None:
    assert spread_since(["new/", "--since", "a.txt", "b/", "--max-words", "80"]) == [
        "new/", "--since", "a.txt", "--since", "b/", "--max-words", "80"]
    assert spread_since(["n", "--since", "a", "--since", "b"]) == [
        "n", "--since", "a", "--since", "b"]


def test_since_on_the_command_line(cli: CliRun, new_dir: Path, old_dir: Path) -> None:
    old = sorted(str(p) for p in old_dir.iterdir())
    result = cli("summarize", str(new_dir), "--since", *old, "--max-words", "250")
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    headline, blank, *lines = result.stdout.splitlines()  # the headline, then the sentences
    assert headline and not blank
    assert "changes what brackwater-news, valley-post reported]" in lines[0]
    assert not any("opened in 1952" in line for line in lines)
    as_json = cli("summarize", str(new_dir), "--since", str(old_dir), "--format", "json")
    data = json.loads(as_json.stdout)
    assert {s["update"] for s in data["sentences"]} == {"new", "change"}
    assert len(data["previous_articles"]) == 2
    markdown = cli("summarize", str(new_dir), "--since", str(old_dir), "--format", "markdown")
    assert "*(changes what brackwater-news, valley-post reported)*" in markdown.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--since"], "error: --since needs the articles already read (files, directories)"),
    (["--since", "missing.txt"], "error: --since: missing.txt: no such file or directory"),
    (["--since", "-"], "error: --since cannot read standard input: give files or directories"),
    (["--since", " "], "error: --since is empty: give the articles already read"),
    (["--since", "old.jsonl"], "error: --since old.jsonl: a JSONL file holds whole stories; "
                               "give its articles as files, or each JSONL line a 'previous' "
                               "field"),
])
def test_bad_since_is_one_line(cli: CliRun, new_dir: Path, args: list[str], message: str
                               ) -> None:
    result = cli("summarize", str(new_dir), *args)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert stderr_lines(result.stderr) == [message]


def test_since_that_was_all_read_says_so(cli: CliRun, new_dir: Path) -> None:
    result = cli("summarize", str(new_dir), "--since", str(new_dir))
    assert result.exit_code == 2
    assert stderr_lines(result.stderr) == [
        "error: the new articles report nothing that the previous ones do not"]


def test_since_with_a_jsonl_file_is_refused(cli: CliRun, tmp_path: Path, old_dir: Path) -> None:
    stories = tmp_path / "s.jsonl"
    stories.write_text('{"documents": ["One story."]}\n', encoding="utf-8")
    result = cli("summarize", str(stories), "--since", str(old_dir))
    assert result.exit_code == 2
    assert stderr_lines(result.stderr) == [
        "error: --since applies to one story; in a JSONL file give each line a 'previous' field"]


def _story_line(new_dir: Path, old_dir: Path, **extra: object) -> str:
    def documents(path: Path) -> list[dict[str, str]]:
        return [{"source": a.source, "text": a.text} for a in articles_in(path)]

    record = {"id": "mill-fire", "documents": documents(new_dir),
              "previous": documents(old_dir), **extra}
    return json.dumps(record) + "\n"


def test_jsonl_previous_field(cli: CliRun, tmp_path: Path, new_dir: Path, old_dir: Path
                              ) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text(_story_line(new_dir, old_dir)
                       + '{"id": "bad", "documents": ["A line."], "previous": "not a list"}\n'
                       + '{"id": "worse", "documents": ["A line."], "previous": [3]}\n',
                       encoding="utf-8")
    result = cli("summarize", str(stories), "--jobs", "1", "--max-words", "250")
    assert result.exit_code == 1
    data = json.loads(result.stdout.splitlines()[0])
    assert data["story_id"] == "mill-fire"
    assert [s["update"] for s in data["sentences"]].count("change") == 1
    assert "opened in 1952" not in " ".join(s["text"] for s in data["sentences"])
    assert stderr_lines(result.stderr)[:2] == [
        "warning: line 2: 'previous' must be a list of documents",
        "warning: line 3: 'previous': document 1 is a int, not a string or object"]


def test_evaluate_passes_previous_through(tmp_path: Path, new_dir: Path, old_dir: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text(_story_line(new_dir, old_dir, summaries=["Nine died."]), encoding="utf-8")
    [(line, sentences)] = list(summarize_file(stories, summary_sentences))
    assert line.story is not None and len(line.story.previous) == 2
    assert sentences and not any("opened in 1952" in s for s in sentences)
