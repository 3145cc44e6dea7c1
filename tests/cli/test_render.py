"""Rendering: plain text, Markdown footnotes, versioned JSON."""

from __future__ import annotations

import json
import re

import pytest

from newsweave.model import SCHEMA_VERSION, Article, Summary, SummarySentence
from newsweave.render import FORMATS, render, render_json, render_markdown, render_text

TEXTS = [
    "Nine people died when the bridge fell. Divers searched all night.",
    "The bridge fell on Tuesday, killing nine. The mayor visited the hospital.",
    "Nine dead as the bridge falls. Inspectors had warned of poor bearings.",
]


def make_summary() -> Summary:
    articles = [
        Article(id="wire", source="wire", text=TEXTS[0], title="Bridge falls",
                url="https://wire.test/bridge"),
        Article(id="herald", source="herald", text=TEXTS[1]),
        Article(id="ledger", source="ledger", text=TEXTS[2], title="Warnings ignored"),
    ]

    def sentence(article: int, text: str, supporting: list[int]) -> SummarySentence:
        start = TEXTS[article].index(text)
        return SummarySentence(text, article, start, start + len(text), supporting, 0.5)

    return Summary(
        sentences=[
            # cited by articles 1 and 2 first: they take numbers [1] and [2]
            sentence(1, "The bridge fell on Tuesday, killing nine.", [1, 2]),
            sentence(2, "Inspectors had warned of poor bearings.", [2]),
            sentence(0, "Nine people died when the bridge fell.", [0, 1, 2]),
        ],
        articles=articles,
        max_words=40,
        method="unsupervised",
        story_id="bridge",
        warnings=["only a test"],
    )


def test_markdown_numbers_sources_by_first_citation() -> None:
    body, sources = render_markdown(make_summary()).rstrip("\n").split("\n\n")
    assert body == (
        "The bridge fell on Tuesday, killing nine.[1][2] "
        "Inspectors had warned of poor bearings.[2] "
        "Nine people died when the bridge fell.[1][2][3]"
    )
    assert sources.splitlines() == [
        "1. herald",
        "2. ledger: Warnings ignored",
        "3. wire: Bridge falls <https://wire.test/bridge>",
    ]


def test_markdown_every_citation_has_a_visible_source_line() -> None:
    out = render_markdown(make_summary())
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", out)}
    listed = {int(m) for m in re.findall(r"^(\d+)\. ", out, flags=re.MULTILINE)}
    assert cited == listed == {1, 2, 3}
    # "[1]: ..." would be a Markdown link definition: hidden when rendered.
    assert not re.search(r"^\[\d+\]:", out, flags=re.MULTILINE)


def test_text_lists_outlets_and_support_count() -> None:
    lines = render_text(make_summary()).splitlines()
    assert lines == [
        "The bridge fell on Tuesday, killing nine. [herald, ledger; 2 of 3]",
        "Inspectors had warned of poor bearings. [ledger; 1 of 3]",
        "Nine people died when the bridge fell. [wire, herald, ledger; 3 of 3]",
    ]


def test_headline_comes_first_in_every_format() -> None:
    summary = make_summary()
    summary.headline = "Nine dead as bridge falls"
    assert render_text(summary).splitlines()[:2] == ["Nine dead as bridge falls", ""]
    assert render_markdown(summary).startswith("## Nine dead as bridge falls\n\n")
    assert json.loads(render_json(summary))["headline"] == "Nine dead as bridge falls"


def test_json_follows_the_versioned_schema() -> None:
    data = json.loads(render_json(make_summary()))
    assert data["schema"] == "newsweave.summary"
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data) == {
        "schema", "schema_version", "story_id", "method", "focus", "headline", "max_words",
        "word_count", "sentences", "articles", "warnings",
    }
    assert data["story_id"] == "bridge"
    assert data["word_count"] == 7 + 6 + 7
    assert data["warnings"] == ["only a test"]
    first = data["sentences"][0]
    assert set(first) == {
        "text", "article", "source", "start", "end", "supporting_articles",
        "supporting_sources", "reprinted_by", "score", "cut_short",
    }
    assert first["article"] == "herald"
    assert first["supporting_articles"] == ["herald", "ledger"]
    assert set(data["articles"][0]) == {
        "id", "source", "title", "url", "published", "degraded", "language", "copy_of",
        "text",
    }
    for sentence in data["sentences"]:
        article = next(a for a in data["articles"] if a["id"] == sentence["article"])
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_json_is_one_line() -> None:
    out = render_json(make_summary())
    assert out.endswith("\n") and "\n" not in out[:-1]


@pytest.mark.parametrize("output_format", FORMATS)
def test_empty_summary_renders_without_error(output_format: str) -> None:
    summary = make_summary()
    summary.sentences = []
    out = render(summary, output_format)
    assert out.endswith("\n")
    assert "[1]" not in out
