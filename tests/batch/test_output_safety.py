"""Nothing is ever lost: an input is never an output, an existing output is never
truncated, --resume continues exactly, failed stories are records in the output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from assertions import CliRun, assert_one_line_error, stderr_lines
from batch_helpers import WriteStories

MAX_WORDS = "30"


def summarize(cli: CliRun, *args: str) -> object:
    return cli("summarize", *args, "--max-words", MAX_WORDS, "--jobs", "1")


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_output_that_is_the_input_is_refused(
    link: str, cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    stories = write_stories(6)
    before = stories.read_bytes()
    out = stories
    if link == "symlink":
        out = tmp_path / "out.jsonl"
        out.symlink_to(stories)
    elif link == "hardlink":
        out = tmp_path / "out.jsonl"
        os.link(stories, out)
    for extra in ([], ["--overwrite"], ["--resume"]):
        result = cli("summarize", str(stories), "--out", str(out), *extra)
        assert result.exit_code == 2
        assert_one_line_error(result.stderr, "is the input")
        assert stories.read_bytes() == before


def test_existing_output_is_never_truncated(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    out = tmp_path / "summaries.jsonl"
    out.write_text("an earlier run's results\n", encoding="utf-8")
    result = summarize(cli, str(write_stories(4)), "--out", str(out))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "summaries.jsonl", "already exists", "--resume",
                          "--overwrite")
    assert out.read_text(encoding="utf-8") == "an earlier run's results\n"


def test_overwrite_replaces_only_when_complete(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    stories = write_stories(5)
    out = tmp_path / "summaries.jsonl"
    out.write_text("old\n", encoding="utf-8")
    result = summarize(cli, str(stories), "--out", str(out), "--overwrite")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["story_id"] for line in out.read_text().splitlines()] == [
        f"story-{n:04d}" for n in range(1, 6)
    ]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_failed_stories_are_records_in_the_output(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    out = tmp_path / "summaries.jsonl"
    result = summarize(cli, str(write_stories(9, bad_every=3)), "--out", str(out))
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 9  # every input line accounted for
    errors = [r for r in records if r["schema"] == "newsweave.error"]
    assert [(r["line"], r["story_id"]) for r in errors] == [(3, "broken"), (6, "broken"),
                                                             (9, "broken")]
    assert all(r["error"].startswith(f"line {r['line']}: not valid JSON") for r in errors)
    assert stderr_lines(result.stderr)[-1] == "summarized 6 stories, 3 failed"


@pytest.mark.parametrize("cut", [0.0, 0.37, 0.5, 0.81, 1.0])
def test_resume_repairs_and_continues_byte_for_byte(
    cut: float, cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    stories = write_stories(12, bad_every=5)
    full = tmp_path / "full.jsonl"
    assert summarize(cli, str(stories), "--out", str(full)).exit_code == 1
    data = full.read_bytes()
    partial = tmp_path / "partial.jsonl"
    partial.write_bytes(data[: int(len(data) * cut)])  # a killed run's output: a line cut
    result = summarize(cli, str(stories), "--out", str(partial), "--resume")
    assert result.exit_code in (0, 1), result.stderr
    assert partial.read_bytes() == data


def test_resume_refuses_another_inputs_output(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    out = tmp_path / "summaries.jsonl"
    assert summarize(cli, str(write_stories(3, name="a.jsonl")), "--out", str(out)).exit_code == 0
    before = out.read_bytes()
    other = tmp_path / "b.jsonl"
    other.write_text(json.dumps({"id": "elsewhere", "documents": ["A story. Another."]}) + "\n")
    result = summarize(cli, str(other), "--out", str(out), "--resume")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "does not continue", "'story-0001'", "'elsewhere'")
    assert out.read_bytes() == before


def test_jobs_are_capped_with_a_note(cli: CliRun, write_stories: WriteStories) -> None:
    result = cli("summarize", str(write_stories(3)), "--jobs", "64", "--max-words", MAX_WORDS)
    assert result.exit_code == 0, result.stderr
    note = stderr_lines(result.stderr)[0]
    assert note.startswith("note: --jobs 64 capped to ")
    assert int(note.split("capped to ")[1].split()[0]) <= min(3, os.cpu_count() or 1)


def test_evaluate_out_is_resumable_and_safe(cli: CliRun, tmp_path: Path) -> None:
    reference = "Twenty homes were flooded in Wendover Quay on Friday."
    lines = [json.dumps({"id": f"s{n}", "summary": reference,
                         "documents": [f"The river burst its banks on Friday, flooding {n} "
                                       "homes in Wendover Quay. Residents left overnight.",
                                       "Homes in Wendover Quay were flooded on Friday."]})
             for n in range(6)]
    data = tmp_path / "scored.jsonl"
    data.write_text("\n".join(lines) + "\n")
    out = tmp_path / "scores.jsonl"
    first = cli("evaluate", str(data), "--out", str(out), "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    full = out.read_bytes()
    assert len(full.splitlines()) == 6
    again = cli("evaluate", str(data), "--out", str(out), "--jobs", "1")
    assert again.exit_code == 2 and out.read_bytes() == full
    out.write_bytes(full[: len(full) // 2])
    resumed = cli("evaluate", str(data), "--out", str(out), "--jobs", "1", "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert out.read_bytes() == full
    table = first.stdout.splitlines()[-1].split()
    assert resumed.stdout.splitlines()[-1].split()[:6] == table[:6]  # same means, all 6 stories


def test_analyze_every_story_of_a_jsonl_file(
    cli: CliRun, write_stories: WriteStories, tmp_path: Path
) -> None:
    out = tmp_path / "analyses.jsonl"
    result = cli("analyze", str(write_stories(3)), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    analyses = [json.loads(line) for line in out.read_text().splitlines()]
    assert [a["story_id"] for a in analyses] == ["story-0001", "story-0002", "story-0003"]
    result = cli("analyze", str(write_stories(3)), "--out", str(out), "--jobs", "1")
    assert_one_line_error(result.stderr, "already exists")
