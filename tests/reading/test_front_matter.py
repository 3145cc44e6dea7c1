"""Front matter atop Markdown and text files: an article's title, outlet and time."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.reading.front_matter import split_front_matter
from newsweave.reading.read import read_story

BODY = "The ferry service resumed on Thursday after a two-day strike. Crossings were full."


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_front_matter_gives_the_article_its_title_outlet_time_and_url(
        tmp_path: Path) -> None:
    write(tmp_path / "isle-post.md", "---\ntitle: Ferries sail again\nsource: Isle Post\n"
          "published: 2025-06-12T08:30:00Z\nurl: https://isle-post.example/ferries\n"
          "tags: [transport]\n---\n# Ferries sail again\n\n" + BODY + "\n")
    warnings: list[str] = []
    (article,) = read_story([str(tmp_path / "isle-post.md")], warnings).articles
    assert (article.id, article.source, article.title) == ("isle-post", "Isle Post",
                                                           "Ferries sail again")
    assert article.published == "2025-06-12T08:30:00+00:00"
    assert article.url == "https://isle-post.example/ferries"
    assert article.text.startswith("Ferries sail again\n") and "---" not in article.text
    assert warnings == []


def test_usual_field_names_and_a_bare_date_are_understood() -> None:
    fields, text = split_front_matter("---\ndate: 2025-06-12\noutlet: Harbour FM\n"
                                      "link: https://fm.example/1\n---\n" + BODY, "a.txt", [])
    assert fields == {"published": "2025-06-12", "source": "Harbour FM",
                      "url": "https://fm.example/1"}
    assert text == BODY


def test_a_file_without_front_matter_is_read_as_before(tmp_path: Path) -> None:
    write(tmp_path / "plain.txt", BODY)
    (article,) = read_story([str(tmp_path / "plain.txt")], []).articles
    assert (article.source, article.published, article.text) == ("plain", None, BODY)


@pytest.mark.parametrize("text", [
    "---\nUpdate: the strike is over and the ferries sail again\n---\n" + BODY,
    "---\nThe ferries sail again.\n---\n" + BODY,
    "---\n- first\n- second\n---\n" + BODY,
    "---\ntitle: never closed\n" + BODY,
])
def test_rules_around_prose_are_not_front_matter_and_no_text_is_dropped(text: str) -> None:
    warnings: list[str] = []
    assert split_front_matter(text, "a.txt", warnings) == ({}, text)
    assert warnings == []


def test_broken_yaml_is_read_as_text_with_a_one_line_warning(tmp_path: Path) -> None:
    text = "---\ntitle: [unclosed\n---\n" + BODY
    write(tmp_path / "broken.md", text)
    warnings: list[str] = []
    (article,) = read_story([str(tmp_path / "broken.md")], warnings).articles
    assert BODY in article.text and "unclosed" in article.text
    assert len(warnings) == 1 and "broken.md" in warnings[0] and "\n" not in warnings[0]
    assert "front matter" in warnings[0] and "read as text" in warnings[0]


def test_front_matter_and_nothing_else_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "empty.md", "---\ntitle: Ferries sail again\n---\n\n")
    with pytest.raises(InputError, match="no article text after its front matter"):
        read_story([str(tmp_path / "empty.md")], [])


def test_every_example_article_carries_its_publication_time(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir)], [])
    published = {a.source: a.published for a in story.articles}
    assert all(published.values()), published
    assert min(published, key=lambda s: published[s] or "") == "wire-press"
