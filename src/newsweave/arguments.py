"""What the Python API accepts, checked once for every public function.

``newsweave.summarize`` and ``newsweave.analyze`` raise :class:`~newsweave.errors.InputError`
with a one-line message for any argument they cannot use (a word budget of "x", a focus of
123, an unknown method, a document that is neither text nor a mapping with text), never a
TypeError or AttributeError from deep inside the pipeline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

from newsweave.errors import InputError
from newsweave.model import Article, Story

Method = Literal["auto", "unsupervised", "learned"]
METHODS: tuple[str, ...] = get_args(Method)
_ARTICLE_FIELDS = ("title", "url", "published")


def check_max_words(max_words: Any) -> int:
    if isinstance(max_words, bool) or not isinstance(max_words, int | float):
        raise InputError(f"max_words must be a whole number, not {_shown(max_words)}")
    if isinstance(max_words, float) and not (math.isfinite(max_words) and max_words.is_integer()):
        raise InputError(f"max_words must be a whole number, not {_shown(max_words)}")
    if max_words < 1:
        raise InputError(f"max_words must be at least 1, not {int(max_words)}")
    return int(max_words)


def check_method(method: Any) -> Method:
    if not isinstance(method, str) or method not in METHODS:
        raise InputError(f"unknown method {_shown(method)} (choose from {', '.join(METHODS)})")
    return method  # type: ignore[return-value]  # one of the Literal's values, checked


def check_focus(focus: Any) -> str | None:
    if focus is None:
        return None
    if not isinstance(focus, str):
        raise InputError(f"focus must be a string (a topic or a question), not {_shown(focus)}")
    if not focus.strip():
        raise InputError("focus is empty: give a topic or a question, or None")
    return focus


def check_articles(articles: Any) -> Sequence[Any] | Story:
    """The articles as given, once every one is something a story can be made of."""
    if isinstance(articles, Story):
        values: Sequence[Any] = articles.articles
    elif isinstance(articles, str | bytes) or not isinstance(articles, Sequence):
        raise InputError(f"articles must be a list of texts, mappings or Articles, not "
                         f"{_shown(articles)}")
    else:
        values = articles
    if not values:
        raise InputError("no articles given")
    for number, value in enumerate(values, start=1):
        if isinstance(value, Article):
            fields = {"text": value.text, "source": value.source, "id": value.id}
            fields |= {name: getattr(value, name) for name in _ARTICLE_FIELDS}
            _check_fields(fields, number, optional=_ARTICLE_FIELDS)
        elif isinstance(value, Mapping):
            _check_fields(dict(value), number, optional=("source", "id", *_ARTICLE_FIELDS))
        elif not isinstance(value, str):
            raise InputError(f"document {number} is {_shown(value)}, not a text, a mapping "
                             "with 'text' or an Article")
    return articles


def _check_fields(fields: dict[Any, Any], number: int, optional: tuple[str, ...]) -> None:
    if not isinstance(fields.get("text"), str):
        raise InputError(f"document {number} has no string field 'text'")
    for name in optional:
        value = fields.get(name)
        if value is not None and not isinstance(value, str | int | float):
            raise InputError(f"document {number}: '{name}' must be a string, not {_shown(value)}")


def _shown(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"
