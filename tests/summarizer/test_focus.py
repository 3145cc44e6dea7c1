"""Focus: a topic or question makes the summary prefer the sentences about it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from assertions import CliRun

import newsweave
from newsweave.evaluate import evaluate_file
from newsweave.reading.jsonl import parse_jsonl_line
from newsweave.reading.read import read_story
from newsweave.summarizer.focus import focus_relevance, focus_stems
from newsweave.summarizer.prepare import prepare

FOCUS = "the divers' search for the missing people"


def test_instructions_are_not_what_a_focus_is_about() -> None:
    brief = "Discuss conditions on reservations. Include the benefits and drawbacks."
    assert focus_stems(brief) == focus_stems("conditions on reservations benefits drawbacks")


def test_relevance_is_the_cosine_to_the_focus(harbor_dir: Path) -> None:
    prepared = prepare(read_story([str(harbor_dir)], []))
    relevance = focus_relevance(FOCUS, prepared.representation)
    assert relevance.shape == (len(prepared.sentences),)
    assert np.all((relevance >= 0) & (relevance <= 1 + 1e-9))
    best = prepared.sentences[int(np.argmax(relevance))].text.lower()
    assert "divers" in best or "missing" in best
    assert not focus_relevance("zebra giraffe", prepared.representation).any()


def test_focused_summary_prefers_the_sentences_about_the_focus(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir)], [])
    plain = newsweave.summarize(story, max_words=80)
    focused = newsweave.summarize(story, max_words=80, focus=FOCUS)
    about = [s for s in focused.sentences if "divers" in s.text.lower()]
    assert about and not any("divers" in s.text.lower() for s in plain.sentences)
    assert focused.focus == FOCUS and focused.to_dict()["focus"] == FOCUS
    assert plain.to_dict()["focus"] is None
    assert focused.word_count <= 80


def test_focus_on_nothing_the_articles_mention_warns(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir)], [])
    summary = newsweave.summarize(story, max_words=80, focus="zebra giraffe")
    assert any("focus names nothing" in w for w in summary.warnings)
    assert [s.text for s in summary.sentences] == [
        s.text for s in newsweave.summarize(story, max_words=80).sentences
    ]


def test_cli_focus(cli: CliRun, harbor_dir: Path, tmp_path: Path) -> None:
    done = cli("summarize", str(harbor_dir), "--focus", FOCUS, "--max-words", "80",
               "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["focus"] == FOCUS
    empty = cli("summarize", str(harbor_dir), "--focus", "  ")
    assert empty.exit_code != 0 and empty.stderr.strip() == (
        "error: --focus is empty: give a topic or a question"
    )
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"documents": ["A story. It has words."]}) + "\n")
    refused = cli("summarize", str(stories), "--focus", FOCUS)
    assert refused.exit_code != 0 and "give each line a 'focus' field" in refused.stderr


def test_jsonl_focus_field_and_duc_query() -> None:
    line = parse_jsonl_line(json.dumps({"documents": ["A story."], "focus": "storms"}), 1)
    assert line.story is not None and line.story.focus == "storms" and line.query is None
    duc = {"documents": ["A story."], "meta": {"query_title": "Reservations",
                                                "query_narrative": "Discuss conditions."}}
    line = parse_jsonl_line(json.dumps(duc), 1)
    assert line.query == "Reservations. Discuss conditions."
    assert line.story is not None and line.story.focus is None  # used only when asked
    for meta in ("a string", ["a", "list"], {"query_title": 42}, {"query_narrative": "  "}):
        odd = parse_jsonl_line(json.dumps({"documents": ["A story."], "meta": meta}), 1)
        assert odd.story is not None and odd.query is None  # malformed meta is only provenance


def focus_of(story: newsweave.Story) -> list[str]:
    return [story.focus or ""]


def test_evaluation_uses_the_query_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "duc.jsonl"
    record = {"id": "d1", "documents": ["Storms hit the coast."], "summaries": ["storms"],
              "meta": {"query_title": "Storms", "query_narrative": "Describe damage."}}
    path.write_text(json.dumps(record) + "\n")
    asked = evaluate_file(path, focus_of, 250, progress=False, use_query=True)
    not_asked = evaluate_file(path, focus_of, 250, progress=False)
    # the summary is the focus: "Storms. Describe damage."
    assert asked.stories[0].words == 3 and not_asked.stories[0].words == 0
