"""Item 10: a page whose prose main-content extraction cannot find still gives its text.

The class: a real paragraph under any depth of nesting, in any block or inline element,
with scripts and styles beside it that must not become text.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsweave.reading.read import read_story

PARAGRAPH = ("The council voted on Tuesday to close the old harbour bridge for repairs after "
             "inspectors found cracks in two of its piers.")


@pytest.mark.parametrize("depth", [1, 300, 10_000])
@pytest.mark.parametrize("element", ["div", "span", "section", "td"])
def test_a_paragraph_under_any_nesting_is_found(depth: int, element: str, tmp_path: Path) -> None:
    page = (f"<html><head><title>Bridge to close</title><style>p {{color: red}}</style>"
            f"<script>var tracking = 1;</script></head><body>{f'<{element}>' * depth}"
            f"<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('Tuesday', 'Monday')}</p>"
            f"{f'</{element}>' * depth}</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    started = time.perf_counter()
    article = read_story([str(path)], []).articles[0]
    assert time.perf_counter() - started < 20  # no hang: ~1 s alone, slower on a busy machine
    assert PARAGRAPH in article.text
    assert "tracking" not in article.text and "color" not in article.text


def test_a_page_with_no_text_at_all_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "<script>x = 1</script>"
                    + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    with pytest.raises(Exception, match="no article text found"):
        read_story([str(path)], [])


def test_a_page_of_menu_labels_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Empty</title></head><body><nav><a>Home</a><a>World"
                    "</a><a>Sport</a></nav><div>Sign in</div><footer>© 2026</footer></body>"
                    "</html>", encoding="utf-8")
    with pytest.raises(Exception, match="no article text found"):
        read_story([str(path)], [])
