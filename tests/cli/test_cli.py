"""The command line on good input: formats, budget, stdin, --out, and the real process."""

from __future__ import annotations

import json
import os
from pathlib import Path

from assertions import CliRun, assert_no_crash, assert_only_warnings, run_subprocess

import newsweave


def test_text_output_cites_outlets(cli: CliRun, story_dir: Path) -> None:
    result = cli("summarize", str(story_dir), "--max-words", "80")
    assert_no_crash(result)
    assert result.exit_code == 0
    assert result.stderr == ""
    headline, blank, *lines = result.stdout.splitlines()
    assert headline and not headline.endswith("]") and blank == ""
    assert lines
    for line in lines:
        assert line.endswith(" of 3]")
        outlets = line[line.rindex("[") + 1 : line.rindex(";")].split(", ")
        assert set(outlets) <= {"orrin-today", "rail-wire", "valley-gazette"}


def test_json_output_is_faithful_and_within_budget(cli: CliRun, harbor_dir: Path) -> None:
    result = cli("summarize", str(harbor_dir), "--format", "json", "--max-words", "120")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "newsweave.summary" and data["schema_version"]
    assert 0 < data["word_count"] <= 120
    articles = {a["id"]: a for a in data["articles"]}
    assert set(articles) == {"coastal-herald", "metro-daily", "radio-north", "the-ledger",
                             "wire-press"}
    for sentence in data["sentences"]:
        text = articles[sentence["article"]]["text"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["article"] in sentence["supporting_articles"]
        assert sentence["article"] != "radio-north"


def test_markdown_output_has_footnotes(cli: CliRun, story_dir: Path) -> None:
    result = cli("summarize", str(story_dir), "--format", "markdown", "--max-words", "80")
    assert result.exit_code == 0, result.stderr
    headline, body, sources = result.stdout.rstrip("\n").split("\n\n")
    assert headline.startswith("## ")
    assert "[1]" in body
    assert sources.splitlines()[0].startswith("1. ")


def test_budget_flag(cli: CliRun, hanoi_dir: Path) -> None:
    for max_words in ("30", "90"):
        result = cli("summarize", str(hanoi_dir), "--format", "json", "--max-words", max_words)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["word_count"] <= int(max_words)


def test_matches_the_python_api(cli: CliRun, story_dir: Path) -> None:
    result = cli("summarize", str(story_dir), "--format", "json", "--max-words", "70")
    from_cli = json.loads(result.stdout)
    from newsweave.reading.read import read_story

    from_api = newsweave.summarize(read_story([str(story_dir)], []), max_words=70).to_dict()
    assert from_cli == json.loads(json.dumps(from_api))


def test_stdin_multinews_raw(cli: CliRun, story_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(story_dir.glob("*.txt"))]
    result = cli("summarize", "-", "--format", "json", input=" ||||| ".join(texts).encode())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [a["source"] for a in data["articles"]] == ["stdin-1", "stdin-2", "stdin-3"]


def test_multinews_raw_file(cli: CliRun, story_dir: Path, tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(story_dir.glob("*.txt"))]
    raw = tmp_path / "derailment.txt"
    raw.write_text("\n|||||\n".join(texts) + "|||||", encoding="utf-8")
    result = cli("summarize", str(raw), "--format", "json")
    assert result.exit_code == 0, result.stderr
    sources = [a["source"] for a in json.loads(result.stdout)["articles"]]
    assert sources == ["derailment-1", "derailment-2", "derailment-3"]


def test_out_writes_the_file_not_stdout(cli: CliRun, story_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = cli("summarize", str(story_dir), "--format", "markdown", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(result.stdout) and "[1]" in out.read_text()


def test_quiet_silences_warnings(cli: CliRun, bad_dir: Path) -> None:
    loud = cli("summarize", str(bad_dir / "single.txt"))
    quiet = cli("summarize", str(bad_dir / "single.txt"), "--quiet")
    assert loud.exit_code == quiet.exit_code == 0
    assert any("only one article" in w for w in assert_only_warnings(loud.stderr))
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_version(cli: CliRun) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert newsweave.__version__ in result.stdout


# -- the real process --------------------------------------------------------------------


def test_python_dash_m(story_dir: Path) -> None:
    done = run_subprocess(["summarize", str(story_dir), "--format", "json", "--max-words", "60"])
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert 0 < json.loads(done.stdout)["word_count"] <= 60


def test_entry_point_reads_stdin(story_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(story_dir.glob("*.txt"))]
    done = run_subprocess(
        ["summarize", "-", "--max-words", "50"],
        input="|||||".join(texts).encode(),
        entry_point=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() and "stdin-" in done.stdout


def test_same_output_whatever_the_hash_seed(hanoi_dir: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = run_subprocess(["summarize", str(hanoi_dir), "--format", "json"], env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
