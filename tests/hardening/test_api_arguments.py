"""Item 7: the Python API raises InputError for every argument it cannot use.

The class: each argument of ``newsweave.summarize`` and ``newsweave.analyze`` given every
kind of wrong value (wrong type, out of range, empty), one at a time, the others valid.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import pytest

import newsweave
from newsweave.arguments import METHODS
from newsweave.model import Article, Story

GOOD = [
    {"source": "wire", "text": "Nine people died when the bridge collapsed on Tuesday. Divers "
                               "searched the water through the night for the missing."},
    {"source": "herald", "text": "The bridge collapsed on Tuesday evening, killing nine people. "
                                 "The mayor said the city would rebuild it within two years."},
]
WRONG_TYPES = [None, "x", "250", 2.5, float("nan"), float("inf"), True, [], {}, object(), b"x"]
BAD = {
    "articles": [None, 123, "one string", b"bytes", {"text": "a dict, not a list"}, [], [None],
                 [123], [b"bytes"], [{}], [{"text": 5}], [{"text": "ok", "title": ["x"]}],
                 [{"text": "ok", "source": {"a": 1}}], Story(articles=[]),
                 [Article(id="a", source="a", text=None)]],  # type: ignore[arg-type]
    "max_words": [v for v in WRONG_TYPES if v != "250"] + ["250", 0, -5, 0.0],
    "method": [None, 1, "", "LEARNED", "best", ["auto"], True, object()],
}
FOCUS_BAD = [123, 4.5, True, [], {}, object(), b"topic", "", "   "]
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "summarize": newsweave.summarize, "analyze": newsweave.analyze}


@pytest.mark.parametrize(("function", "argument", "value"),
                         [(f, a, v) for f in FUNCTIONS for a, values in BAD.items() for v in values]
                         + [("summarize", "focus", v) for v in FOCUS_BAD])  # analyze has none
def test_every_bad_argument_raises_input_error(function: str, argument: str, value: Any) -> None:
    arguments: dict[str, Any] = {"articles": GOOD, "max_words": 60, "method": "unsupervised"}
    arguments[argument] = value
    with pytest.raises(newsweave.InputError):
        FUNCTIONS[function](**arguments)


def test_type_hints_say_what_is_accepted() -> None:
    for function in FUNCTIONS.values():
        hints = typing.get_type_hints(function)
        assert typing.get_args(hints["method"]) == METHODS
        assert hints["max_words"] is int


def test_good_arguments_of_every_accepted_kind_still_work() -> None:
    as_strings = [a["text"] for a in GOOD]
    as_articles = [Article(id=a["source"], source=a["source"], text=a["text"]) for a in GOOD]
    for articles in (GOOD, as_strings, as_articles, Story(articles=list(as_articles)),
                     tuple(GOOD)):
        assert newsweave.summarize(articles, max_words=60.0, method="unsupervised",
                                   focus="the divers").sentences
