"""Many stories from one JSONL file: streaming, in order, bad lines warned and counted."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from assertions import CliRun, assert_no_crash, assert_one_line_error, stderr_lines

from newsweave.batch import summarize_jsonl

STORIES: list[tuple[str, list[Any]]] = [
    (
        "fire",
        [
            {"source": "echo", "text": "Fire broke out at the covered market in Saltmarsh on "
             "Sunday night. Firefighters brought it under control within two hours."},
            {"source": "post", "text": "A fire destroyed twelve stalls at the covered market in "
             "Saltmarsh on Sunday night. Nobody was hurt, the fire service said."},
        ],
    ),
    (
        "roof",
        [
            "Part of the roof of Fenwick Primary School blew off during high winds on Thursday. "
            "Pupils were moved to the hall and nobody was hurt.",
            "High winds tore part of the roof from Fenwick Primary School on Thursday. "
            "Children and staff were moved to the school hall unharmed.",
        ],
    ),
    (
        "flood",
        [
            "The river burst its banks at Wendover Quay on Friday, flooding twenty homes. "
            "Residents were taken to the community centre overnight.",
            "Twenty homes in Wendover Quay were flooded on Friday when the river burst its "
            "banks. Families spent the night at the community centre.",
        ],
    ),
]


def good_line(story_id: str, documents: list[Any]) -> str:
    return json.dumps({"id": story_id, "documents": documents})


def mixed_jsonl(tmp_path: Path, name: str = "stories.jsonl") -> Path:
    """Good stories on lines 1, 3, 6 and 8; bad ones on 2, 4, 5 and 7."""
    lines = [
        good_line(*STORIES[0]),
        '{"id": "broken", "documents": ["unterminated',
        good_line(*STORIES[1]),
        '{"id": "no-docs"}',
        '{"id": "fragments", "documents": ["Hi.", "Ok."]}',
        good_line(*STORIES[2]),
        "[1, 2, 3]",
        good_line("fire-again", STORIES[0][1]),
    ]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def story_ids(stdout: str) -> list[str]:
    """The ids of the summaries (error records left out)."""
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return [r["story_id"] for r in records if r["schema"] == "newsweave.summary"]


def error_lines(stdout: str) -> list[int]:
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return [r["line"] for r in records if r["schema"] == "newsweave.error"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_good_and_bad_lines(jobs: str, cli: CliRun, tmp_path: Path) -> None:
    path = mixed_jsonl(tmp_path)
    out = tmp_path / "summaries.jsonl"
    result = cli("summarize", str(path), "--out", str(out), "--jobs", jobs, "--max-words", "40")
    assert_no_crash(result)
    assert result.exit_code == 1  # some failed, some done
    assert result.stdout == ""
    assert story_ids(out.read_text(encoding="utf-8")) == ["fire", "roof", "flood", "fire-again"]
    # The output accounts for every input line: failed ones are error records, in place.
    assert error_lines(out.read_text(encoding="utf-8")) == [2, 4, 5, 7]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8
    lines = stderr_lines(result.stderr)
    assert "Traceback" not in result.stderr
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert [w.split(":")[1].strip() for w in warnings] == [
        "line 2", "line 4", "line 5", "line 7"
    ]
    assert lines[-1] == "summarized 4 stories, 4 failed"
    assert len(lines) == len(warnings) + 1


def test_output_order_is_input_order_with_many_workers(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    ids = [f"story-{i:02d}" for i in range(30)]
    path.write_text(
        "".join(good_line(i, STORIES[n % 3][1]) + "\n" for n, i in enumerate(ids)),
        encoding="utf-8",
    )
    result = cli("summarize", str(path), "--jobs", "2", "--max-words", "30")
    assert result.exit_code == 0, result.stderr
    assert story_ids(result.stdout) == ids


def test_each_summary_is_a_faithful_json_line(cli: CliRun, tmp_path: Path) -> None:
    result = cli("summarize", str(mixed_jsonl(tmp_path)), "--jobs", "1", "--max-words", "40")
    for line in result.stdout.splitlines():
        data = json.loads(line)
        if data["schema"] == "newsweave.error":
            assert data["error"].startswith(f"line {data['line']}: ")
            continue
        assert data["schema"] == "newsweave.summary"
        assert 0 < data["word_count"] <= 40
        texts = {a["id"]: a["text"] for a in data["articles"]}
        for s in data["sentences"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["text"]


def test_gzipped_input_gives_the_same_output(cli: CliRun, tmp_path: Path) -> None:
    plain = mixed_jsonl(tmp_path)
    packed = tmp_path / "stories.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    a = cli("summarize", str(plain), "--jobs", "1", "--max-words", "40")
    b = cli("summarize", str(packed), "--jobs", "2", "--max-words", "40")
    assert a.exit_code == b.exit_code == 1
    assert a.stdout == b.stdout and a.stdout


def test_text_format_heads_each_story(cli: CliRun, tmp_path: Path) -> None:
    result = cli(
        "summarize", str(mixed_jsonl(tmp_path)), "--format", "markdown", "--max-words", "40"
    )
    heads = [line for line in result.stdout.splitlines() if line.startswith("# ")]
    assert heads == ["# fire", "# broken", "# roof", "# no-docs", "# fragments", "# flood",
                     "# line-7", "# fire-again"]


def test_fixture_with_malformed_lines(cli: CliRun, bad_dir: Path) -> None:
    result = cli("summarize", str(bad_dir / "malformed.jsonl"), "--jobs", "1")
    assert result.exit_code == 1
    assert story_ids(result.stdout) == ["market-fire", "school-roof"]
    warnings = [w for w in stderr_lines(result.stderr) if w.startswith("warning: ")]
    assert [w.split(":")[1].strip() for w in warnings] == ["line 2", "line 4", "line 5"]


def test_all_lines_bad_exits_2(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('not json\n{"documents": []}\n', encoding="utf-8")
    result = cli("summarize", str(path))
    assert result.exit_code == 2
    assert error_lines(result.stdout) == [1, 2]
    assert stderr_lines(result.stderr)[-1] == "summarized 0 stories, 2 failed"


def test_empty_jsonl_is_an_error(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    result = cli("summarize", str(path))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "empty.jsonl", "no stories")


def test_missing_jsonl_is_an_error(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "summaries.jsonl"
    out.write_text("earlier results\n", encoding="utf-8")
    result = cli("summarize", str(tmp_path / "absent.jsonl"), "--jobs", "2", "--out", str(out))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "absent.jsonl", "no such file")
    assert out.read_text(encoding="utf-8") == "earlier results\n"  # not truncated


def test_corrupt_gzip_is_an_error(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl.gz"
    path.write_bytes(b"this is not gzip data at all")
    result = cli("summarize", str(path), "--jobs", "1")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "stories.jsonl.gz", "cannot read")


def test_unwritable_out(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "out.jsonl"
    result = cli("summarize", str(mixed_jsonl(tmp_path)), "--out", str(out))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "out.jsonl", "cannot write")


def test_library_call_streams_and_counts(tmp_path: Path) -> None:
    out = io.StringIO()
    warnings: list[str] = []
    result = summarize_jsonl(
        mixed_jsonl(tmp_path), out, max_words=40, jobs=1, progress=False, warn=warnings.append
    )
    assert (result.done, result.failed) == (4, 4)
    assert story_ids(out.getvalue()) == ["fire", "roof", "flood", "fire-again"]
    assert len(warnings) == 4 and all(w.startswith("warning: line ") for w in warnings)


def test_one_crashing_story_does_not_end_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.summarizer.pipeline

    real = newsweave.summarizer.pipeline.summarize_story

    def flaky(story: Any, *args: Any, **kwargs: Any) -> Any:
        if story.id == "roof":
            raise RuntimeError("boom\nwith a second line")
        return real(story, *args, **kwargs)

    monkeypatch.setattr(newsweave.summarizer.pipeline, "summarize_story", flaky)
    out = io.StringIO()
    warnings: list[str] = []
    result = summarize_jsonl(
        mixed_jsonl(tmp_path), out, max_words=40, jobs=1, progress=False, warn=warnings.append
    )
    assert (result.done, result.failed) == (3, 5)
    crash = next(w for w in warnings if w.startswith("warning: line 3:"))
    assert "RuntimeError" in crash and "\n" not in crash


def test_progress_bar_never_shares_a_line_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    out = io.StringIO()
    summarize_jsonl(
        mixed_jsonl(tmp_path), out, max_words=40, jobs=1, progress=True,
        warn=lambda message: print(message, file=sys.stderr),
    )
    err = capsys.readouterr().err
    assert "summarizing" in err  # the bar was drawn
    pieces = [p for chunk in err.split("\n") for p in chunk.split("\r")]
    warnings = [p for p in pieces if "warning:" in p]
    assert len(warnings) == 4
    assert all(p.startswith("warning: line ") for p in warnings), warnings


def test_short_stories_never_import_the_solver(tmp_path: Path) -> None:
    # scipy.optimize (the coverage program's solver, the lexicon's fitting) took 0.14 s to
    # import in every worker at start: 7% of a 2-process run of 1,000 Multi-News stories.
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(good_line(*story) for story in STORIES) + "\n", encoding="utf-8")
    # scikit-learn (a dev extra, for benchmarks/grouping.py) imports the solver, and
    # lightgbm imports scikit-learn whenever it is installed: keep it out of this check.
    script = (
        "import io, sys\n"
        "sys.modules['sklearn'] = None\n"
        "from pathlib import Path\n"
        "from newsweave.batch import summarize_jsonl\n"
        f"done = summarize_jsonl(Path({str(path)!r}), io.StringIO(), jobs=1, progress=False)\n"
        "print(done.done, 'scipy.optimize' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, check=True)
    assert run.stdout.split() == [str(len(STORIES)), "False"]


def test_counts_read_as_english() -> None:
    from newsweave.text import counted

    assert [counted(1, "story", "stories"), counted(0, "story", "stories"),
            counted(2, "article")] == ["1 story", "0 stories", "2 articles"]
