"""Item 3: invisible controls (bidi overrides and isolates, zero-width and other format
characters, C0/C1 controls such as ESC) never reach any output, in any field; offsets
stay exact; the joiners that scripts need are kept."""

from __future__ import annotations

import json
import unicodedata

import pytest

import newsweave
from newsweave.reading.decode import visible
from newsweave.render import render

# Every format (Cf) character a script does not need, and every control (Cc) but whitespace.
SCRIPT_FORMAT_CHARACTERS = {0x180E, *range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2,
                            0x110BD, 0x110CD, *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4),
                            *range(0x1D173, 0x1D17B)}
WHITESPACE = set("\t\n\x0b\x0c\r\x85")
INVISIBLE = [
    chr(c) for c in range(0x110000)
    if unicodedata.category(chr(c)) in ("Cf", "Cc") and c not in SCRIPT_FORMAT_CHARACTERS
    and chr(c) not in WHITESPACE and c not in (0x200C, 0x200D)
]
STORY = [
    "The harbour bridge collapsed on Tuesday evening, killing nine people. Divers searched "
    "the water through the night for the missing. The mayor said the city would rebuild it.",
    "Nine people died when the harbour bridge collapsed on Tuesday evening. Divers searched "
    "the water through the night for the missing. Inspectors had warned about cracks.",
]


def _salted(text: str, salt: str) -> str:
    """``text`` with ``salt`` after every word: what a hostile page would carry."""
    return (" " + salt).join(text.split(" "))


def test_the_class_is_what_it_says() -> None:
    assert len(INVISIBLE) > 150
    assert {"\u202e", "\u2066", "\u200b", "\ufeff", "\x1b", "\u00ad", "\U000e0041"} <= set(
        INVISIBLE)


@pytest.mark.parametrize("chunk", range(0, len(INVISIBLE), 24))
def test_no_invisible_control_reaches_any_output_field(chunk: int) -> None:
    salt = "".join(INVISIBLE[chunk:chunk + 24])
    articles = [{"text": _salted(text, salt), "title": f"Bridge{salt}falls",
                 "source": f"outlet{salt}{i}", "url": f"https://x.example/{salt}a"}
                for i, text in enumerate(STORY)]
    summary = newsweave.summarize(articles, max_words=60, method="unsupervised")
    assert summary.sentences
    for output_format in ("text", "markdown", "json"):
        shown = render(summary, output_format)
        if output_format == "json":
            shown = json.dumps(json.loads(shown), ensure_ascii=False)
        assert not set(shown) & set(INVISIBLE), (output_format, set(shown) & set(INVISIBLE))
    for sentence in summary.sentences:  # offsets point into the text as it is now
        text = summary.articles[sentence.article_index].text
        assert text[sentence.start:sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("kept", "why"),
    [
        ("क्‍ष", "Devanagari half form (ZWJ after a virama)"),
        ("می‌خواهم", "Persian: ZWNJ between the prefix and the verb"),
        ("👩‍🔬", "emoji sequence: woman scientist"),
        ("؀١٢", "Arabic number sign U+0600 before digits"),
    ],
)
def test_joiners_and_marks_that_a_script_needs_are_kept(kept: str, why: str) -> None:
    assert visible(f"Before {kept} after.") == f"Before {kept} after.", why


def test_a_joiner_between_latin_letters_is_removed() -> None:
    assert visible("pay\u200dpal and \u200cbank") == "paypal and bank"
