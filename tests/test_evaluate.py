import gzip
import json

import pytest
from rouge_score import rouge_scorer

from newsweave.evaluate import (
    evaluate_file,
    prepare_reference,
    score_stories,
    score_story,
    truncate_sentences,
)
from newsweave.model import Story

REFERENCE = (
    "Officials said the storm killed 12 people on Tuesday. Dr. Smith, who leads the U.S. "
    "relief effort, arrived at 3 p.m. to inspect the damage. Power was restored to most homes."
)
SUMMARIES = [
    ["The storm killed twelve people, officials said.", "Power returned to most homes."],
    ["Dr. Smith arrived to inspect the damage.", "Relief efforts are running in the U.S."],
    ["Nothing here overlaps at all."],
]


def google(target: str, prediction: str, measure: str) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    scores = scorer.score(target, prediction)
    return {k: 100 * (v.fmeasure if measure == "f" else v.recall) for k, v in scores.items()}


@pytest.mark.parametrize("measure", ["f", "recall"])
@pytest.mark.parametrize("sentences", SUMMARIES)
def test_matches_google_rouge_score(sentences: list[str], measure: str) -> None:
    expected = google(prepare_reference(REFERENCE), "\n".join(sentences), measure)
    assert score_story(sentences, [REFERENCE], 250, measure) == expected  # type: ignore[arg-type]


def test_reference_sentences_one_a_line() -> None:
    lines = prepare_reference(REFERENCE).split("\n")
    assert len(lines) == 3
    assert lines[1].startswith("Dr. Smith, who leads the U.S. relief effort")


def test_truncation_cuts_the_last_sentence_mid_way() -> None:
    sentences = ["one two three", "four five  six\nseven", "eight"]
    assert truncate_sentences(sentences, 5) == ["one two three", "four five"]
    assert truncate_sentences(sentences, 3) == ["one two three"]
    assert truncate_sentences(sentences, 100) == ["one two three", "four five six seven", "eight"]
    assert truncate_sentences(["", "  ", "a b"], 1) == ["a"]
    assert truncate_sentences(sentences, 0) == []


def test_words_past_the_budget_do_not_count() -> None:
    reference = "alpha beta gamma delta"
    short = score_story(["alpha beta"], [reference], 2, "recall")
    padded = score_story(["alpha beta gamma delta"], [reference], 2, "recall")
    assert short == padded
    assert short["rouge1"] == pytest.approx(50.0)


def test_several_references_score_their_mean_not_max() -> None:
    summary = ["the cat sat on the mat"]
    refs = ["the cat sat on the mat", "dogs bark loudly at night"]
    each = [score_story(summary, [r], 250, "f") for r in refs]
    both = score_story(summary, refs, 250, "f")
    for key in both:
        assert both[key] == pytest.approx((each[0][key] + each[1][key]) / 2)
    assert both["rouge1"] == pytest.approx(50.0)


def test_recall_differs_from_f_measure() -> None:
    summary = ["the cat sat on the mat and then many other words followed"]
    recall = score_story(summary, ["the cat sat"], 250, "recall")
    f = score_story(summary, ["the cat sat"], 250, "f")
    assert recall["rouge1"] == pytest.approx(100.0)
    assert f["rouge1"] < recall["rouge1"]


def test_batch_equals_one_by_one() -> None:
    stories = [(s, [REFERENCE, "Power was restored. The storm was deadly."]) for s in SUMMARIES]
    per_story, mean = score_stories(stories, 8, "f")
    assert per_story == [score_story(s, r, 8, "f") for s, r in stories]
    assert mean["rouge2"] == pytest.approx(sum(p["rouge2"] for p in per_story) / 3)
    with pytest.raises(ValueError, match="no reference"):
        score_stories([(["a"], [])], 8, "f")


def first_sentence(story: Story) -> list[str]:
    return [story.articles[0].text.split(".")[0] + "."]


def test_evaluate_file_streams_counts_bad_lines_and_limits(tmp_path) -> None:
    path = tmp_path / "stories.jsonl.gz"
    good = {"documents": ["The storm killed 12 people. More later."], "summaries": [REFERENCE]}
    lines = [
        json.dumps({**good, "id": "a"}),
        "{not json",
        json.dumps({"id": "x"}),
        json.dumps({**good, "id": "b"}),
        json.dumps({**good, "id": "c"}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    result = evaluate_file(path, first_sentence, 250, limit=2, progress=False)
    assert [s.id for s in result.stories] == ["a", "b"]
    assert result.bad_lines == 2 and len(result.warnings) == 2
    assert result.words_per_summary == 5
    assert result.mean == score_story(["The storm killed 12 people."], [REFERENCE], 250, "f")
    pooled = evaluate_file(path, first_sentence, 250, jobs=2, progress=False)
    assert [s.id for s in pooled.stories] == ["a", "b", "c"]
    assert pooled.mean == pytest.approx(result.mean)


def broken(story: Story) -> list[str]:
    raise KeyError("oops")


def test_a_failing_summarizer_names_the_story(tmp_path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "s7", "documents": ["x y."], "summaries": ["x"]}) + "\n")
    with pytest.raises(RuntimeError, match="story s7"):
        evaluate_file(path, broken, 250, progress=False)


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        ("", None),
        (json.dumps({"id": "x", "documents": ["The storm killed 12 people."]}) + "\n",
         "1 story without references"),
        ("{not json\n", "line 1: not valid JSON"),
    ],
)
def test_evaluate_command_with_nothing_to_score_fails_in_one_line(
    tmp_path, cli, content: str, warning: str | None
) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(content, encoding="utf-8")
    result = cli("evaluate", str(path), "--jobs", "1")
    assert result.exit_code == 2
    assert result.stdout == ""
    *warnings, error = result.stderr.strip().splitlines()
    assert error == f"error: {path}: no story with a reference summary to score"
    assert "nan" not in result.stderr
    if warning is not None:
        assert len(warnings) == 1 and warning in warnings[0]


def test_evaluate_command_prints_scores_and_writes_each_story(tmp_path, cli) -> None:
    path = tmp_path / "stories.jsonl"
    good = {"documents": ["The storm killed 12 people on Monday. Rescuers searched all night."],
            "summaries": [REFERENCE]}
    path.write_text("\n".join(json.dumps({**good, "id": i}) for i in "ab") + "\n",
                    encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    result = cli("evaluate", str(path), "--jobs", "1", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    row = result.stdout.splitlines()[-1].split()
    assert row[0].endswith("stories.jsonl") and row[1] == "2"
    assert "nan" not in result.stdout
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]


def test_evaluate_command_on_a_binary_file_names_each_line_and_fails_in_one_line(
    tmp_path, cli
) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_bytes(b"\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xde\xad\xbe\xef\n")
    result = cli("evaluate", str(path), "--jobs", "1")
    assert result.exit_code == 2 and result.stdout == ""
    *warnings, error = result.stderr.strip().splitlines()
    assert error == f"error: {path}: no story with a reference summary to score"
    assert warnings and all(w.startswith("warning: line ") for w in warnings)
