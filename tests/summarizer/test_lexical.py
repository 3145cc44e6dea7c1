"""The lexicon: n-grams of a sentence, a logistic regression over them, a file that round-trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsweave.summarizer.lexical import MIN_SENTENCES, Lexicon, fit, ngrams
from newsweave.text import tokens


def test_ngrams_are_words_pairs_and_the_opening() -> None:
    found = ngrams("The council Approved the budget.")
    assert {"the", "council", "approved", "budget"} <= found
    assert {"the council", "approved the", "the budget"} <= found
    assert {"^the", "^the council"} <= found
    assert ngrams("") == set()


def _sentences() -> tuple[list[str], np.ndarray]:
    news = [f"The ministry announced {n} new hospitals in the north." for n in range(12)]
    noise = [f"Click here to read story number {n} on our app." for n in range(12)]
    return news + noise, np.array([1.0] * len(news) + [0.0] * len(noise))


def test_the_lexicon_learns_which_wordings_are_summary_material() -> None:
    texts, labels = _sentences()
    lexicon = fit(texts, labels)
    assert lexicon.weights["announced"] > 0 > lexicon.weights["click here"]
    scores = lexicon.scores(["The ministry announced a plan.", "Click here to read more."])
    assert scores[0] > scores[1]
    # An n-gram in fewer than MIN_SENTENCES sentences gets no weight of its own.
    assert "north" in lexicon.weights and "hospitals in" in lexicon.weights
    rare = [t + " Zanzibar." for t in texts[: MIN_SENTENCES - 1]] + texts[MIN_SENTENCES - 1 :]
    assert "zanzibar" not in fit(rare, labels).weights


def test_fitting_is_deterministic_and_the_file_round_trips(tmp_path: Path) -> None:
    texts, labels = _sentences()
    first, second = fit(texts, labels), fit(texts, labels)
    first.save(tmp_path / "a" / "lexicon.tsv.gz")
    second.save(tmp_path / "b" / "lexicon.tsv.gz")
    written = [(tmp_path / d / "lexicon.tsv.gz").read_bytes() for d in "ab"]
    assert written[0] == written[1]
    loaded = Lexicon.load(tmp_path / "a" / "lexicon.tsv.gz")
    assert np.array_equal(loaded.scores(texts), first.scores(texts))


def test_no_rows_give_an_empty_lexicon() -> None:
    empty = fit([], np.zeros(0))
    assert empty.weights == {} and np.array_equal(empty.scores(["Anything at all."]), [0.0])


def test_scores_from_tokens_a_caller_has_are_the_scores_from_the_texts() -> None:
    texts, labels = _sentences()
    lexicon = fit(texts, labels)
    asked = ["The ministry announced a plan.", "Click here to read more.", ""]
    given = lexicon.scores(asked, [tokens(t) for t in asked])
    assert given.tobytes() == lexicon.scores(asked).tobytes()
