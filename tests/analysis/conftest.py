"""Helpers for the analysis tests: articles and sentences built the way the pipeline builds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.model import Article, Sentence
from newsweave.summarizer.clean import clean_article
from newsweave.summarizer.segment import segment

Story = tuple[list[Article], list[Sentence]]


def build_story(*texts: str | tuple[str, str | None]) -> Story:
    """One article per text (or ``(text, published)`` pair), cleaned and segmented."""
    articles: list[Article] = []
    for index, item in enumerate(texts):
        text, published = item if isinstance(item, tuple) else (item, None)
        raw = Article(id=f"a{index}", source=f"outlet-{index}", text=text, published=published)
        articles.append(clean_article(raw))
    return articles, [s for i, a in enumerate(articles) for s in segment(a, i)]


@pytest.fixture
def make_story() -> Callable[..., Story]:
    """``make_story("text one", ("text two", "2024-03-06"))`` -> (articles, sentences)."""
    return build_story


@pytest.fixture(scope="session")
def hanoi_story(hanoi_dir: Path) -> tuple[list[Article], list[Sentence], list[str]]:
    """The five real Hanoi-summit outlets (skipped, by ``hanoi_dir``, when the shared data is
    absent), with their file stems in article order."""
    paths = sorted(hanoi_dir.glob("*.txt"))
    articles = [clean_article(Article(id=p.stem, source=p.stem, text=p.read_text(encoding="utf-8")))
                for p in paths]
    sentences = [s for i, a in enumerate(articles) for s in segment(a, i)]
    return articles, sentences, [p.stem for p in paths]
