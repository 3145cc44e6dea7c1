"""Item 8: comparing every pair of outlets' sentences for conflicts reads each distinct
sentence once: 300 outlets repeating one wire sentence are judged without a regular
expression per pair, and identical sentences are never aligned word by word."""

from __future__ import annotations

from newsweave.analysis import context, name_conflicts
from newsweave.analysis.conflicts import find_conflicts
from newsweave.model import Article, Sentence

WIRE = ("Mayor Renata Vos said in Port Ellis on Tuesday that nine people died when the bridge "
        "fell in 2009.")


def test_identical_sentences_are_read_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    aligned: list[int] = []
    slots = name_conflicts._slots
    monkeypatch.setattr(name_conflicts, "_slots",
                        lambda a, b: aligned.append(1) or slots(a, b))
    context._setting.cache_clear()
    articles = [Article(id=f"a{i}", source=f"a{i}", text=WIRE) for i in range(300)]
    sentences = [Sentence(i, 0, len(WIRE), WIRE, 0) for i in range(300)]
    assert find_conflicts(articles, sentences) == []
    assert not aligned
    assert context._setting.cache_info().misses == 1
