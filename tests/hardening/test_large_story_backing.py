"""Item 9: past the sentence cap, a shown sentence still cites every article that reports it.

The class: a story over ``MAX_SENTENCES`` where most outlets report the shared fact late
in their article (beyond the earliest sentences that alignment considers); each of them
must be cited, and none that does not report it (or gives other figures).
"""

from __future__ import annotations

import pytest

import newsweave
from newsweave.summarizer import prepare as preparing

SHARED = "The harbour bridge collapsed on Tuesday evening, killing nine people in the city."
OTHER_FIGURES = "The harbour bridge collapsed on Tuesday evening, killing seven people in the city."


def _article(i: int, shared_at: int | None, shared: str = SHARED) -> str:
    own = [f"Crew {i} from district {i} inspected pier number {i} during the morning shift.",
           f"Engineer team {i} measured cable {i} beside tower {i} of the northern span.",
           f"Residents of block {i} described hearing noise {i} near gate {i} overnight."]
    if shared_at is not None:
        own.insert(shared_at, shared)
    return " ".join(own)


@pytest.mark.parametrize("late", [3])
def test_every_reporting_article_is_cited_beyond_the_sentence_cap(
    late: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preparing, "MAX_SENTENCES", 200)  # the cap, small to keep it quick
    early = [_article(i, 0) for i in range(20)]
    later = [_article(i, late) for i in range(20, 120)]
    silent = [_article(i, None) for i in range(120, 130)]
    conflicting = [_article(i, late, OTHER_FIGURES) for i in range(130, 140)]
    summary = newsweave.summarize(early + later + silent + conflicting, max_words=40,
                                  method="unsupervised")
    top = next(s for s in summary.sentences if "nine people" in s.text)
    assert sorted(top.supporting) == list(range(120))
    assert any("every sentence counts" in w for w in summary.warnings)
