"""Helpers the update tests import (a module of its own: every directory has a conftest)."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Article
from newsweave.reading.read import read_story


def articles_in(path: Path) -> list[Article]:
    return read_story([str(path)], []).articles
