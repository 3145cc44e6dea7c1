"""``newsweave group --out`` follows the batch commands' rule: an existing output is
never replaced unless asked, an input is never the output, the file appears whole."""

from __future__ import annotations

import json
from pathlib import Path

from assertions import CliRun, assert_one_line_error

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "group" / "articles.jsonl"


def test_an_existing_output_is_kept_unless_overwrite(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "stories.jsonl"
    out.write_text("a line someone needs\n", encoding="utf-8")
    refused = cli("group", str(ARTICLES), "--out", str(out))
    assert refused.exit_code == 2
    assert_one_line_error(refused.stderr, "already exists", "--overwrite")
    assert out.read_text(encoding="utf-8") == "a line someone needs\n"

    replaced = cli("group", str(ARTICLES), "--out", str(out), "--overwrite")
    assert replaced.exit_code == 0, replaced.stderr
    stories = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [s["id"] for s in stories] == ["story-1", "story-2", "story-3"]
    assert not [p.name for p in tmp_path.iterdir() if p.name != "stories.jsonl"]  # no temp


def test_the_input_is_never_the_output(cli: CliRun, tmp_path: Path) -> None:
    pile = tmp_path / "pile.jsonl"
    pile.write_bytes(ARTICLES.read_bytes())
    for given in (["--out", str(pile), "--overwrite"], ["--into", str(pile)]):
        result = cli("group", str(pile), *given)
        assert result.exit_code == 2
        assert_one_line_error(result.stderr, "is the input")
        assert pile.read_bytes() == ARTICLES.read_bytes()
    linked = tmp_path / "linked.jsonl"
    linked.hardlink_to(pile)
    result = cli("group", str(pile), "--out", str(linked), "--overwrite")
    assert_one_line_error(result.stderr, "is the input")


def test_overwrite_without_out_is_refused(cli: CliRun, tmp_path: Path) -> None:
    result = cli("group", str(ARTICLES), "--into", str(tmp_path / "s.jsonl"), "--overwrite")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "--overwrite needs --out")
