"""The lexical prior: what it estimates, how it is stored, and which table a model uses."""

from __future__ import annotations

from pathlib import Path

from newsweave.summarizer.word_importance import (
    DEFAULT_TABLE,
    MIN_STORIES,
    TABLE_NAME,
    WordImportance,
    estimate,
    stem_sets,
    table_beside,
)


def _stories(count: int) -> list[tuple[set[str], set[str]]]:
    documents = ["The minister resigned after the flood inquiry.", "Weather was mild."]
    reference = "The minister resigned."
    return [stem_sets(documents, reference) for _ in range(count)]


def test_a_word_every_summary_keeps_outranks_one_none_keeps() -> None:
    prior = estimate(_stories(MIN_STORIES))
    source, summary = _stories(1)[0]
    kept = next(iter(summary))
    dropped = next(iter(source - summary))
    assert prior(kept) > prior.default > prior(dropped)
    assert prior("unseen") == prior.default


def test_words_of_too_few_stories_fall_back_to_the_mean() -> None:
    prior = estimate(_stories(MIN_STORIES - 1))
    assert prior.table == {} and 0 < prior.default < 1


def test_the_table_survives_a_round_trip(tmp_path: Path) -> None:
    prior = estimate(_stories(MIN_STORIES))
    prior.save(tmp_path / TABLE_NAME)
    again = WordImportance.load(tmp_path / TABLE_NAME)
    assert again.table.keys() == prior.table.keys()
    assert all(abs(again.table[k] - v) < 1e-4 for k, v in prior.table.items())


def test_the_saved_table_carries_no_time_of_writing(tmp_path: Path) -> None:
    # gzip's header has a four-byte mtime (RFC 1952); set, a retrained prior could never
    # be byte-identical to the shipped one.
    estimate(_stories(MIN_STORIES)).save(tmp_path / TABLE_NAME)
    header = (tmp_path / TABLE_NAME).read_bytes()[:8]
    assert header[:2] == b"\x1f\x8b" and header[4:8] == bytes(4)
    assert DEFAULT_TABLE.read_bytes()[4:8] == bytes(4)


def test_a_model_uses_the_prior_trained_beside_it(tmp_path: Path) -> None:
    model = tmp_path / "salience.txt"
    assert table_beside(None) == DEFAULT_TABLE
    assert table_beside(model) == DEFAULT_TABLE  # an older model directory without one
    (tmp_path / TABLE_NAME).write_bytes(DEFAULT_TABLE.read_bytes())
    assert table_beside(model) == tmp_path / TABLE_NAME
