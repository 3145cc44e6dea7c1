"""``analyze`` from Python and ``newsweave analyze`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from assertions import assert_no_crash, assert_one_line_error, assert_only_warnings
from click.testing import CliRunner, Result

import newsweave
from newsweave.analysis import analyze as analyze_module
from newsweave.analysis.analyze import SCHEMA, Analysis, analyze, analyze_story
from newsweave.analysis.command import analyze as analyze_command
from newsweave.batch.pool import process_pool
from newsweave.errors import InputError
from newsweave.reading.read import read_story

MAYOR = "This is the darkest night our city has known in a generation"


def run(*args: str, input: str | None = None) -> Result:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    return runner.invoke(analyze_command, list(args), input=input)


@pytest.fixture(scope="module")
def harbor(harbor_dir: Path) -> Analysis:
    return analyze_story(read_story([str(harbor_dir)], []))


def _spans_match(data: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in data["articles"]}
    spans = [c for s in data["summary"]["sentences"] for c in s["citations"]]
    spans += [c for claim in data["claims"] for c in claim["citations"]]
    assert spans
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_json_schema_and_faithful_offsets(harbor: Analysis) -> None:
    data = json.loads(json.dumps(harbor.to_dict()))
    assert data["schema"] == SCHEMA and data["schema_version"] == "1.1"
    for key in ("summary", "claims", "consensus", "exclusives", "conflicts", "quotes",
                "timeline", "entities", "articles", "warnings"):
        assert key in data
    assert "articles" not in data["summary"], "articles are given once, at the top"
    assert set(data["exclusives"]) == {a["id"] for a in data["articles"]}
    _spans_match(data)


def test_entities_tagged_in_a_worker_process_are_the_same(harbor_dir: Path,
                                                          harbor: Analysis) -> None:
    """What ``newsweave analyze`` does on two CPUs: the tagger runs in a worker process."""
    with process_pool(1) as pool:
        beside = analyze_story(read_story([str(harbor_dir)], []), ner_pool=pool)
    assert beside.entities and beside.to_dict() == harbor.to_dict()


def test_summary_is_the_summarizers(harbor_dir: Path, harbor: Analysis) -> None:
    summary = newsweave.summarize(read_story([str(harbor_dir)], []))
    assert [s.text for s in harbor.summary.sentences] == [s.text for s in summary.sentences]
    for sentence, citations in zip(harbor.summary.sentences, harbor.summary_citations,
                                   strict=True):
        assert citations[0].text == sentence.text
        assert [c.article_index for c in citations] == [sentence.article_index] + sorted(
            set(sentence.supporting) - {sentence.article_index})


def test_prepares_once(monkeypatch: pytest.MonkeyPatch, story_dir: Path) -> None:
    calls: list[object] = []
    real = analyze_module.prepare

    def counting(story: Any) -> Any:
        calls.append(story)
        return real(story)

    monkeypatch.setattr(analyze_module, "prepare", counting)
    analyze_story(read_story([str(story_dir)], []))
    assert len(calls) == 1


def test_takes_what_summarize_takes() -> None:
    texts = [
        "The city council approved a new budget of 40 million dollars for road repairs on Monday.",
        "On Monday the city council approved a new budget of 40 million dollars for road repairs.",
    ]
    from_strings = analyze(texts, max_words=40)
    from_dicts = analyze([{"text": t, "source": f"outlet-{i}"} for i, t in enumerate(texts)])
    assert from_strings.consensus and from_dicts.consensus
    assert from_dicts.articles[1].source == "outlet-1"
    assert set(from_strings.timings) >= {"prepare", "summary", "entities"}
    with pytest.raises(InputError):
        analyze([])


def test_mayor_quote_carried_by_two_outlets(harbor: Analysis) -> None:
    carriers = [
        {harbor.articles[i].id for i in q.article_indices}
        for q in harbor.quotes if MAYOR in q.text
    ]
    assert carriers and {"coastal-herald", "wire-press"} <= carriers[0]


def test_cli_json_markdown_and_html(harbor_dir: Path, tmp_path: Path) -> None:
    result = run(str(harbor_dir), "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == SCHEMA
    markdown = run(str(harbor_dir))
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# ")
    for heading in ("## Summary", "## Consensus", "## Exclusives", "## Conflicts",
                    "## Quotes", "## Timeline", "## Entities", "## Sources"):
        assert heading in markdown.stdout
    out = tmp_path / "report.html"
    result = run(str(harbor_dir), "--out", str(out))  # the format follows the suffix
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_jsonl_story_and_stdin(tmp_path: Path) -> None:
    repo_jsonl = Path(__file__).resolve().parents[2] / "examples" / "harbor-bridge.jsonl"
    if repo_jsonl.is_file():
        result = run(str(repo_jsonl), "--format", "json", "--story", "harbor-bridge")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["story_id"] == "harbor-bridge"
    body = "The council approved the budget on Monday after a long debate in the chamber."
    two = tmp_path / "two.jsonl"
    two.write_text(f'{{"id": "a", "documents": ["{body}"]}}\n'
                   f'{{"id": "b", "documents": ["{body}"]}}\n')
    result = run(str(two))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "holds 2 stories", "--story", "a, b")
    assert json.loads(run(str(two), "--story", "b", "--format", "json").stdout)["story_id"] == "b"
    result = run(str(two), "--story", "zzz")
    assert_one_line_error(result.stderr, "no story with id 'zzz'")
    text = "The council approved the budget on Monday after a long debate in the chamber."
    result = run("-", "--format", "json", input=f"{text}\n|||||\n{text}\n")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_cli_errors_are_one_line(tmp_path: Path, story_dir: Path) -> None:
    result = run(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "missing.txt")
    result = run(str(story_dir), str(tmp_path / "nope.txt"), "--format", "json")
    assert result.exit_code == 0
    assert_only_warnings(result.stderr)
    quiet = run(str(story_dir), str(tmp_path / "nope.txt"), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    result = run(str(story_dir), "--out", str(tmp_path / "no-such-dir" / "x.html"))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "cannot write")


def test_cli_bad_input_is_one_line_error_with_the_tagger_worker_running(tmp_path: Path) -> None:
    """Errors raised once the entity worker has started still end in one line, exit 2."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    fragments = tmp_path / "fragments.txt"
    fragments.write_text("Yes.\n\nNo.\n\nMaybe.\n", encoding="utf-8")
    malformed = tmp_path / "stories.jsonl"
    malformed.write_text('{"id": "a", "documents": [\n', encoding="utf-8")
    for path in (empty, binary, fragments, malformed):
        result = run(str(path))
        assert result.exit_code != 0, path.name
        assert_one_line_error(result.stderr, "")


def test_jsonl_without_a_readable_story_names_the_first_bad_line(tmp_path: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text('\n{"id": "a", "documents": [\n{"id": "b"}\n', encoding="utf-8")
    result = run(str(stories))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "no readable story in this file (line 2: not valid JSON")


def test_the_only_readable_story_of_a_file_with_a_bad_line_is_a_partial_result(
        tmp_path: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        '{"id": "a", "documents": ["The council voted on Monday to approve the new tram line '
        'to the university, the mayor said.", "Councillors approved the tram line on Monday '
        'by seven votes to two."]}\n{"id": "b", "documents": [\n', encoding="utf-8")
    result = run(str(stories))
    assert result.exit_code == 1  # analyzed, but a line (perhaps a story) was lost
    assert "line 2: not valid JSON" in result.stderr and "tram line" in result.stdout


def test_consensus_joins_what_outlets_tell_in_other_words_but_not_other_figures(
        harbor: Analysis) -> None:
    # The example's five outlets all tell the span's fall and its toll, in their own words
    # ("fell into ... killing nine", "gave way ... Nine people died", "collapsed ... at least
    # seven dead"): one consensus claim, not two and an "exclusive".
    sources = [a.source for a in harbor.articles]
    fall = [c for c in harbor.consensus if "northern span" in c.text and "nine" in c.text]
    assert len(fall) == 1 and len(fall[0].supporting) == len(sources), fall
    exclusive = [c.text for claims in harbor.exclusives.values() for c in claims]
    assert not any("northern span" in text and "collapsed" in text for text in exclusive)
    # The bus "carrying 22 passengers" and "carrying 19 passengers" disagree: never one claim.
    for claim in harbor.consensus:
        cited = " ".join(c.text for c in claim.citations)
        assert not ("22 passengers" in cited and "19 passengers" in cited), claim.text


def test_a_batch_of_one_story_tags_entities_beside_the_rest_to_the_same_result(
        tmp_path: Path) -> None:
    from newsweave.batch.tasks import AnalyzeTask
    from newsweave.model import Article, Story

    texts = ["Mayor Renata Vos closed the Tollan Bridge in Port Ellis on Tuesday after the "
             "harbour authority found cracks in its northern span.",
             "Port Ellis mayor Renata Vos ordered the Tollan Bridge shut on Tuesday; the "
             "Harbour Authority said inspectors had found cracks."]
    stories = tmp_path / "one.jsonl"
    stories.write_text(json.dumps({"id": "bridge", "documents": texts}) + "\n",
                       encoding="utf-8")
    assert AnalyzeTask().alone().entities_beside and not AnalyzeTask().entities_beside
    result = run(str(stories), "--format", "json")  # a batch run: one story, a CPU to spare
    assert result.exit_code == 0, result.stderr
    beside = json.loads(result.stdout)
    alone = analyze_story(Story(id="bridge", articles=[
        Article(id=f"article-{k + 1}", source=f"article-{k + 1}", text=t)
        for k, t in enumerate(texts)])).to_dict()
    assert beside["entities"] == alone["entities"] and beside["entities"]
    assert beside["timeline"] == alone["timeline"]
