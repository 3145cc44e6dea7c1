"""Reading what users have: text, Markdown, HTML, directories, JSONL, Multi-News raw, stdin."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.reading.jsonl import iter_jsonl, parse_jsonl_line
from newsweave.reading.read import (
    decode,
    read_story,
    source_name,
    split_multinews,
    story_from_documents,
    strip_markdown,
)

BODY_A = "The bridge reopened on Monday after three weeks of repairs. Traffic was light."
BODY_B = "Repairs to the bridge finished on Monday, the city said. Buses return on Friday."

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Bridge reopens after repairs | Coast Times</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="article:published_time" content="2025-03-04T08:00:00+00:00">
<link rel="canonical" href="https://coast-times.example/bridge-reopens">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Bridge reopens after repairs</h1>
<p>The Tollan Bridge reopened to traffic on Monday morning after three weeks of repairs to its
northern span, the city's public works department said.</p>
<p>Engineers replaced two seized bearings and resurfaced the deck. The work cost $4.2 million,
slightly less than the council had budgeted in the spring.</p>
<p>Bus route 14, which had been diverted through the tunnel, returns to the bridge on Friday.</p>
</article>
<footer><p>Copyright 2025 Coast Times. All rights reserved.</p></footer>
</body></html>
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# -- source names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("guardian.txt", "guardian"),
        ("bloomberg-dailymaverick.txt", "bloomberg-dailymaverick"),
        ("the-ledger.md", "the-ledger"),
        ("metro.html", "metro"),
        ("story.jsonl.gz", "story"),
    ],
)
def test_source_name_is_file_name_without_extensions(name: str, source: str) -> None:
    assert source_name(Path("/some/dir") / name) == source


def test_text_files_become_articles_named_after_their_files(tmp_path: Path) -> None:
    a = write(tmp_path / "coast-times.txt", BODY_A)
    b = write(tmp_path / "harbour-post.txt", BODY_B)
    warnings: list[str] = []
    story = read_story([str(a), str(b)], warnings)
    assert [x.source for x in story.articles] == ["coast-times", "harbour-post"]
    assert [x.id for x in story.articles] == ["coast-times", "harbour-post"]
    assert story.articles[0].text == BODY_A
    assert warnings == []


def test_same_outlet_twice_gets_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    a = write(tmp_path / "one" / "wire.txt", BODY_A)
    b = write(tmp_path / "two" / "wire.txt", BODY_B)
    story = read_story([str(a), str(b)], [])
    assert [x.source for x in story.articles] == ["wire", "wire"]
    assert [x.id for x in story.articles] == ["wire", "wire-2"]


# -- Markdown ----------------------------------------------------------------------------


def test_markdown_file_is_read_as_the_text_a_reader_sees(tmp_path: Path) -> None:
    md = write(
        tmp_path / "ledger.md",
        "# Bridge reopens after repairs\n\n*By Owen Tacker*\n\n"
        "The bridge reopened on **Monday**, according to [the city](https://x.example/a).\n\n"
        "## What happens next\n\n- Buses return on _Friday_.\n",
    )
    story = read_story([str(md)], [])
    text = story.articles[0].text
    assert story.articles[0].source == "ledger"
    for markup in ("#", "**", "](", "https://", "_Friday_", "- Buses"):
        assert markup not in text
    assert "The bridge reopened on Monday, according to the city." in text
    assert "Buses return on Friday." in text


def test_strip_markdown_leaves_plain_text_alone() -> None:
    plain = "The mayor's snake_case_file and 5 * 3 stayed; #1 seed won."
    assert strip_markdown(plain) == plain


# -- HTML --------------------------------------------------------------------------------


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    page = write(tmp_path / "coast-times.html", HTML_PAGE)
    story = read_story([str(page)], [])
    (article,) = story.articles
    assert article.source == "coast-times"
    assert article.title == "Bridge reopens after repairs"
    assert article.published == "2025-03-04"
    assert "reopened to traffic on Monday morning" in article.text
    assert "returns to the bridge on Friday" in article.text
    for furniture in ("Sport", "All rights reserved", "<p>"):
        assert furniture not in article.text


def test_html_example_page(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir / "metro-daily.html")], [])
    (article,) = story.articles
    assert article.source == "metro-daily"
    assert article.title and "Tollan Bridge" in article.title
    assert article.published and article.published.startswith("2025-10-15")
    assert "More from Metro Daily" not in article.text


def test_html_without_article_text_is_skipped_with_warning(tmp_path: Path) -> None:
    empty_page = write(tmp_path / "empty.html", "<html><body><script>x=1</script></body></html>")
    good = write(tmp_path / "wire.txt", BODY_A)
    warnings: list[str] = []
    story = read_story([str(empty_page), str(good)], warnings)
    assert [a.source for a in story.articles] == ["wire"]
    assert any("empty.html" in w and "skipped" in w for w in warnings)


# -- directories -------------------------------------------------------------------------


def test_directory_reads_supported_files_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b-post.txt", BODY_B)
    write(tmp_path / "a-times.md", BODY_A)
    write(tmp_path / "notes.pdf", "%PDF-1.4")
    write(tmp_path / ".hidden.txt", BODY_A)
    write(tmp_path / "README.md", "Demo story, invented outlets.")
    warnings: list[str] = []
    story = read_story([str(tmp_path)], warnings)
    assert [a.source for a in story.articles] == ["a-times", "b-post"]
    assert len(warnings) == 1
    assert "notes.pdf" in warnings[0] and "skipped" in warnings[0]


def test_example_directory_reads_every_outlet(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir)], [])
    assert {a.source for a in story.articles} == {
        "coastal-herald",
        "metro-daily",
        "radio-north",
        "the-ledger",
        "wire-press",
    }


# -- Multi-News raw and stdin ------------------------------------------------------------


def test_split_multinews_drops_empty_padding() -> None:
    assert split_multinews(f"{BODY_A} ||||| {BODY_B} |||||  ||||| ") == [BODY_A, BODY_B]


def test_multinews_raw_file_is_several_articles(tmp_path: Path) -> None:
    raw = write(tmp_path / "story.txt", f"{BODY_A}\n|||||\n{BODY_B}\n||||| ")
    story = read_story([str(raw)], [])
    assert [a.source for a in story.articles] == ["story-1", "story-2"]
    assert [a.text for a in story.articles] == [BODY_A, BODY_B]


def test_stdin_is_one_article_or_multinews_raw() -> None:
    one = read_story(["-"], [], stdin=io.BytesIO(BODY_A.encode()))
    assert [(a.source, a.text) for a in one.articles] == [("stdin-1", BODY_A)]
    two = read_story(["-"], [], stdin=io.BytesIO(f"{BODY_A}|||||{BODY_B}".encode()))
    assert [a.source for a in two.articles] == ["stdin-1", "stdin-2"]


def test_stdin_with_files(tmp_path: Path) -> None:
    a = write(tmp_path / "wire.txt", BODY_A)
    story = read_story([str(a), "-"], [], stdin=io.BytesIO(BODY_B.encode()))
    assert [a.source for a in story.articles] == ["wire", "stdin-1"]


def test_stdin_json_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match=r"stdin: looks like JSON.*\.jsonl"):
        read_story(["-"], [], stdin=io.BytesIO(b'{"documents": ["x"]}'))


def test_stdin_over_the_limit_is_refused_without_reading_it_all() -> None:
    class Endless(io.RawIOBase):
        requested: list[int] = []

        def read(self, size: int = -1) -> bytes:
            assert size >= 0, "stdin must be read with a limit"
            self.requested.append(size)
            return b"word " * (size // 5 + 1)

    stream = Endless()
    with pytest.raises(InputError, match="MB limit"):
        read_story(["-"], [], stdin=stream, max_bytes=1_000_000)  # type: ignore[arg-type]
    assert stream.requested == [1_000_001]


# -- encodings ---------------------------------------------------------------------------


def test_utf8_bom_is_dropped_without_warning() -> None:
    warnings: list[str] = []
    assert decode("\ufeffCafé".encode(), "x", warnings) == "Café"
    assert warnings == []


def test_cp1252_is_read_with_a_warning() -> None:
    warnings: list[str] = []
    text = decode("“Café” – €5".encode("cp1252"), "old.txt", warnings)
    assert text == "“Café” – €5"
    assert warnings == ["old.txt: not valid UTF-8, read as cp1252"]


@pytest.mark.parametrize(
    "data",
    [b"GIF89a\x00\x01\x02 image", bytes(range(1, 32)) * 40 + b"\x81\x8d\x8f" * 50],
    ids=["nul-bytes", "control-bytes"],
)
def test_binary_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data, "x.txt", [])


# -- JSONL -------------------------------------------------------------------------------


def test_jsonl_documents_as_strings_and_objects(tmp_path: Path) -> None:
    record = {
        "id": "bridge",
        "documents": [
            BODY_A,
            {
                "text": BODY_B,
                "source": "Harbour Post",
                "title": "Buses return",
                "url": "https://harbour-post.example/buses",
                "published": "2025-03-04",
            },
        ],
        "summary": "The bridge reopened.",
    }
    path = write(tmp_path / "stories.jsonl", json.dumps(record) + "\n\n")
    (line,) = list(iter_jsonl(path))
    assert line.error is None and line.story is not None
    assert line.story.id == "bridge"
    first, second = line.story.articles
    assert (first.source, first.text) == ("article-1", BODY_A)
    assert second.source == "Harbour Post"
    assert second.id == "Harbour-Post"
    assert (second.title, second.url, second.published) == (
        "Buses return",
        "https://harbour-post.example/buses",
        "2025-03-04",
    )
    assert line.references == ["The bridge reopened."]


def test_jsonl_multinews_string_is_split() -> None:
    line = parse_jsonl_line(json.dumps({"documents": f"{BODY_A} ||||| {BODY_B}"}), 7)
    assert line.story is not None
    assert line.story.id == "line-7"
    assert [a.text for a in line.story.articles] == [BODY_A, BODY_B]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "documents": ["unterminated', "line 3: not valid JSON"),
        ('["a", "b"]', "line 3: expected a JSON object"),
        ('{"id": "x"}', "line 3: no 'documents' field"),
        ('{"documents": []}', "line 3: 'documents' is empty"),
        ('{"documents": [{"title": "no text"}]}', "line 3: document 1 has no string field"),
        ('{"documents": [42]}', "line 3: document 1 is a int"),
        ('{"documents": {"text": "x"}}', "line 3: 'documents' must be a list"),
        ('{"documents": ["A story."], "focus": ["x"]}', "line 3: 'focus' must be a string"),
    ],
)
def test_bad_jsonl_line_becomes_an_error_naming_it(line: str, message: str) -> None:
    parsed = parse_jsonl_line(line, 3)
    assert parsed.story is None
    assert parsed.error is not None and parsed.error.startswith(message)
    assert "\n" not in parsed.error


def test_gzipped_jsonl_streams_like_plain(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"s{i}", "documents": [BODY_A, BODY_B]}) + "\n"
                    for i in range(3))
    plain = write(tmp_path / "stories.jsonl", lines)
    packed = tmp_path / "stories.jsonl.gz"
    packed.write_bytes(gzip.compress(lines.encode()))
    ids = [[line.story.id for line in iter_jsonl(p) if line.story] for p in (plain, packed)]
    assert ids == [["s0", "s1", "s2"], ["s0", "s1", "s2"]]


def test_jsonl_line_over_the_limit_is_an_error_for_that_line_only(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "documents": [BODY_A]})
    huge = json.dumps({"id": "huge", "documents": ["word " * 5000]})
    path = write(tmp_path / "stories.jsonl", f"{huge}\n{good}\n")
    first, second = list(iter_jsonl(path, max_line_chars=1000))
    assert first.story is None
    assert first.error == "line 1: longer than 1,000 characters, skipped unread"
    assert second.story is not None and second.story.id == "ok"


def test_missing_jsonl_is_reported_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        iter_jsonl(tmp_path / "absent.jsonl")


def test_jsonl_among_other_paths_is_refused(tmp_path: Path) -> None:
    a = write(tmp_path / "wire.txt", BODY_A)
    j = write(tmp_path / "s.jsonl", json.dumps({"documents": [BODY_A]}))
    with pytest.raises(InputError, match="give it on its own"):
        read_story([str(a), str(j)], [])


# -- Python form -------------------------------------------------------------------------


def test_story_from_documents_rejects_a_bare_string() -> None:
    with pytest.raises(InputError, match="must be a list"):
        story_from_documents(BODY_A)
