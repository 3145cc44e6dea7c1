"""Item 6: summarize and analyze read, warn and exit the same way on the same input.

The class: every input that leaves nothing to show (empty, blank, binary, unsupported,
missing, no usable sentence, nothing within the budget, a JSONL file with no readable
story) gives both commands the same one-line error and exit 2; a JSONL file with
malformed lines names each of them in both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assertions import CliRun, assert_no_crash

EXIT_INPUT = 2


def _error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(
    ("inputs", "options"),
    [
        (["empty.txt"], []),
        (["blank.txt"], []),
        (["binary.txt"], []),
        (["unknown.pdf"], []),
        (["no-such-file.txt"], []),
        (["fragments.txt"], []),
        (["single.txt", "latin1.txt"], ["--max-words", "3"]),
        (["all-bad.jsonl"], []),
    ],
)
def test_nothing_to_show_is_the_same_error_and_exit_2_for_both_commands(
    inputs: list[str], options: list[str], cli: CliRun, bad_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "all-bad.jsonl").write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    paths = [str((tmp_path if name.endswith(".jsonl") else bad_dir) / name) for name in inputs]
    results = {command: cli(command, *paths, *options) for command in ("summarize", "analyze")}
    for result in results.values():
        assert_no_crash(result)
        assert result.exit_code == EXIT_INPUT, result.stderr
    if inputs == ["all-bad.jsonl"]:  # a run over a file's stories writes error records
        assert all("line 1: no 'documents' field" in r.stderr + r.stdout
                   for r in results.values())
        return
    assert all(result.stdout == "" for result in results.values())
    summarize_error, analyze_error = (_error_line(r.stderr) for r in results.values())
    assert summarize_error == analyze_error


def test_malformed_jsonl_lines_are_named_by_analyze_as_by_summarize(
    cli: CliRun, tmp_path: Path
) -> None:
    good = {"id": "bridge", "documents": [
        {"source": "a", "text": "Nine people died when the bridge collapsed on Tuesday. Divers "
                                "searched the water through the night for the missing."},
        {"source": "b", "text": "The bridge collapsed on Tuesday evening, killing nine people. "
                                "The mayor said the city would rebuild it."}]}
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(['{"id": "broken", "documents": [', json.dumps(good),
                               '{"id": "x"}', "[1, 2]"]) + "\n", encoding="utf-8")
    summarized = cli("summarize", str(path), "--jobs", "1")
    analyzed = cli("analyze", str(path), "--method", "unsupervised")
    # the one readable story is analyzed; the lines lost make it partial, as for summarize
    assert analyzed.exit_code == summarized.exit_code == 1, analyzed.stderr
    for line in (1, 3, 4):
        assert f"line {line}:" in summarized.stderr
        assert f"line {line}:" in analyzed.stderr
    assert analyzed.stderr.count("warning:") >= 3
