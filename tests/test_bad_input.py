"""Bad input: one line on stderr ("error:" or "warning:"), the right exit code, no traceback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from assertions import (
    CliRun,
    assert_no_crash,
    assert_one_line_error,
    assert_only_warnings,
    run_subprocess,
)

from newsweave.errors import InputError
from newsweave.reading.read import read_story

EXIT_INPUT = 2


@pytest.mark.parametrize(
    ("name", "fragments"),
    [
        ("empty.txt", ("empty.txt", "empty file")),
        ("blank.txt", ("blank.txt", "empty file")),
        ("binary.txt", ("binary.txt", "binary")),
        ("binary.bin", ("binary.bin", "unsupported file type '.bin'")),
        ("unknown.pdf", ("unknown.pdf", "unsupported file type '.pdf'")),
        ("fragments.txt", ("no usable sentence",)),
    ],
)
def test_nothing_to_summarize_is_a_one_line_error(
    name: str, fragments: tuple[str, ...], cli: CliRun, bad_dir: Path
) -> None:
    result = cli("summarize", str(bad_dir / name))
    assert_no_crash(result)
    assert result.exit_code == EXIT_INPUT
    assert result.stdout == ""
    assert_one_line_error(result.stderr, *fragments)


def test_missing_path(cli: CliRun, tmp_path: Path) -> None:
    result = cli("summarize", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "nowhere.txt", "no such file")


def test_several_bad_files_are_one_line(cli: CliRun, bad_dir: Path) -> None:
    result = cli("summarize", str(bad_dir / "empty.txt"), str(bad_dir / "binary.txt"))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "empty.txt", "binary.txt")


def test_non_utf8_is_read_with_a_warning(cli: CliRun, bad_dir: Path) -> None:
    result = cli("summarize", str(bad_dir / "latin1.txt"))
    assert_no_crash(result)
    assert result.exit_code == 0
    warnings = assert_only_warnings(result.stderr)
    assert any("latin1.txt" in w and "not valid UTF-8" in w for w in warnings)
    assert "café" in result.stdout and "€8,400" in result.stdout


def test_single_article_is_a_warning(cli: CliRun, bad_dir: Path) -> None:
    result = cli("summarize", str(bad_dir / "single.txt"))
    assert result.exit_code == 0
    assert result.stdout.strip()
    assert assert_only_warnings(result.stderr) == [
        "warning: only one article: nothing to compare across outlets"
    ]


@pytest.mark.parametrize(
    "name", ["empty.txt", "blank.txt", "binary.txt", "unknown.pdf", "fragments.txt", "gone.txt"]
)
def test_bad_file_among_good_ones_is_a_warning(
    name: str, cli: CliRun, bad_dir: Path, story_dir: Path
) -> None:
    result = cli("summarize", str(story_dir), str(bad_dir / name), "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0
    warnings = assert_only_warnings(result.stderr)
    assert any(Path(name).stem in w for w in warnings), warnings
    assert json.loads(result.stdout)["sentences"]


def test_directory_of_bad_files_warns_per_file(cli: CliRun, bad_dir: Path) -> None:
    result = cli("summarize", str(bad_dir))
    assert result.exit_code == 0  # latin1.txt and single.txt can be read
    warnings = assert_only_warnings(result.stderr)
    for name in ("binary.bin", "unknown.pdf", "malformed.jsonl", "binary.txt", "empty.txt"):
        assert any(name in w for w in warnings), name


def test_directory_with_nothing_readable(cli: CliRun, tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = cli("summarize", str(tmp_path))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "no .txt, .md or .html files")


def test_huge_file_is_refused_fast_without_reading_it(
    cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.write(b"The bridge fell. " * 1000)
        f.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    assert huge.stat().st_size == 50_000_000

    original = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self != huge, "a 50 MB file must not be read whole"
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    started = time.perf_counter()
    result = cli("summarize", str(huge))
    assert time.perf_counter() - started < 5
    assert_no_crash(result)
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "huge.txt", "50.0 MB", "--max-article-bytes")


def test_huge_stdin_is_refused(cli: CliRun) -> None:
    result = cli("summarize", "-", "--max-article-bytes", "1000", input=b"word " * 1000)
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "stdin", "MB limit")


@pytest.mark.parametrize("data", [b"", b"  \n\n ", b"{\"documents\": []}"])
def test_empty_or_json_stdin(cli: CliRun, data: bytes) -> None:
    result = cli("summarize", "-", input=data)
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "stdin")


def test_jsonl_with_other_paths(cli: CliRun, bad_dir: Path, story_dir: Path) -> None:
    result = cli("summarize", str(bad_dir / "malformed.jsonl"), str(story_dir))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "malformed.jsonl", "on its own")


def test_budget_too_small_for_any_sentence(cli: CliRun, story_dir: Path) -> None:
    result = cli("summarize", str(story_dir), "--max-words", "3")
    assert result.exit_code == EXIT_INPUT
    assert result.stdout == ""
    assert_one_line_error(result.stderr, "3 words")


def test_articles_of_questions_only_say_why_nothing_is_shown(cli: CliRun, tmp_path: Path
                                                           ) -> None:
    (tmp_path / "a.txt").write_text("Is the new harbour bridge really safe for the daily "
                                    "traffic? Who will pay for the repairs in the end?\n")
    (tmp_path / "b.txt").write_text("Will the council ever explain why the bridge repairs "
                                    "were delayed for so long?\n")
    for output in ("text", "markdown", "json"):  # never an empty summary printed silently
        result = cli("summarize", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                     "--format", output)
        assert result.exit_code == EXIT_INPUT and result.stdout == ""
        assert_one_line_error(result.stderr, "each is a question")
        assert "250 words" not in result.stderr  # the budget is not the reason


def test_only_degraded_articles(cli: CliRun, harbor_dir: Path) -> None:
    result = cli("summarize", str(harbor_dir / "radio-north.txt"))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "no sentence")


def test_unwritable_out(cli: CliRun, story_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "summary.txt"
    result = cli("summarize", str(story_dir), "--out", str(out))
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, "summary.txt", "cannot write")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["summarize", "--max-words", "0", "x.txt"], "--max-words"),
        (["summarize", "--format", "pdf", "x.txt"], "--format"),
        (["summarize"], "PATHS"),
        (["summarize", "--no-such-flag", "x.txt"], "--no-such-flag"),
        (["frobnicate"], "frobnicate"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], fragment: str, cli: CliRun) -> None:
    result = cli(*args)
    assert result.exit_code == EXIT_INPUT
    assert_one_line_error(result.stderr, fragment)


def test_python_api_raises_input_error_not_a_crash(bad_dir: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        read_story([str(bad_dir / "binary.txt")], [])


# -- the real process: no traceback reaches the terminal ---------------------------------


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("binary.txt", "binary"), ("does-not-exist.txt", "no such file")],
)
def test_real_process_prints_one_line(name: str, fragment: str, bad_dir: Path) -> None:
    done = run_subprocess(["summarize", str(bad_dir / name)], entry_point=True)
    assert done.returncode == EXIT_INPUT
    assert done.stdout == ""
    assert_one_line_error(done.stderr, fragment)


@pytest.mark.parametrize("text", [
    "Photo by mara quill/getty images\n",
    "( photo: mara quill/ap ) \n",
    "Ferry sinks enlarge this image toggle caption mara quill/ap mara quill/ap\n",
])
def test_an_article_that_is_only_a_photo_credit_is_a_one_line_error(
    text: str, cli: CliRun, tmp_path: Path
) -> None:
    path = tmp_path / "credit.txt"
    path.write_text(text, encoding="utf-8")
    for command in ("summarize", "analyze"):
        result = cli(command, str(path))
        assert_no_crash(result)
        assert result.exit_code == EXIT_INPUT
        assert_one_line_error(result.stderr, "no usable sentence")
