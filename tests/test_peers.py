import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import peers  # noqa: E402

from newsweave.model import Article, Story  # noqa: E402

ARTICLES = [
    "The council approved the new budget on Monday. Taxes will rise by two percent. "
    "The mayor called the vote historic.",
    "City leaders passed a budget after a long debate.\n\nResidents protested outside. "
    "Police said the protest was peaceful.",
    "A budget vote took place in the city hall on Monday night. Critics said the plan was rushed.",
]
STORY = Story([Article(f"a{i}", f"a{i}", text) for i, text in enumerate(ARTICLES)], "s1")


def test_lead_is_round_robin_over_articles() -> None:
    assert peers.lead(STORY, 1000) == [
        "The council approved the new budget on Monday.",
        "City leaders passed a budget after a long debate.",
        "A budget vote took place in the city hall on Monday night.",
        "Taxes will rise by two percent.",
        "Residents protested outside.",
        "Critics said the plan was rushed.",
        "The mayor called the vote historic.",
        "Police said the protest was peaceful.",
    ]


def test_lead_stops_once_the_budget_is_full() -> None:
    # 8 + 9 words: the second sentence crosses 10 words and is kept for the scorer to cut.
    assert len(peers.lead(STORY, 10)) == 2
    assert len(peers.lead(STORY, 8)) == 1


@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_graph_peers_run_offline_and_extract(name: str) -> None:
    sentences = [s for text in ARTICLES for s in peers.TOKENIZER.to_sentences(text)]
    summary = peers.PEERS[name](STORY, 25)
    assert summary and all(s in sentences for s in summary)
    assert len(set(summary)) == len(summary)
    assert sum(len(s.split()) for s in summary[:-1]) < 25 <= sum(len(s.split()) for s in summary)


def test_repeated_sentences_are_taken_once() -> None:
    twice = Story([Article("a", "a", ARTICLES[0]), Article("b", "b", ARTICLES[0])])
    assert peers.lead(twice, 1000) == peers.lead(Story(twice.articles[:1]), 1000)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no stories in it"),
        (b"\n  \n", "no stories in it"),
        (b"\xff\xfe\x00binary", "cannot read it as JSONL"),
        (b'{"documents": ["A story."]}\nnot json\n', "line 2 is not a JSON story"),
    ],
)
def test_speed_benchmark_answers_a_bad_data_file_in_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    import subprocess

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "stories.jsonl").write_bytes(content)
    (tmp_path / "data" / "stories.jsonl.gz").write_bytes(content or b"not gzip")
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "speed.py"
    for name in ("stories.jsonl", "stories.jsonl.gz"):
        done = subprocess.run(
            [sys.executable, str(script), "--data", name, "--systems", "lead", "--jobs", "1"],
            capture_output=True, text=True, env={**os.environ, "NEWSWEAVE_SHARED": str(tmp_path)},
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
        if name.endswith(".jsonl"):
            assert message in lines[0]
