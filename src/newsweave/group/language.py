"""Which language an article is written in (py3langid: offline, ~97 languages, fast)."""

from __future__ import annotations

import py3langid

# Enough text to tell languages apart; more only costs time.
SAMPLE_CHARS = 300
# A shorter text is too little to say which language it is in.
MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample[: MIN_LETTERS * 4]) < MIN_LETTERS:
        return None
    language, _ = py3langid.classify(sample)
    return str(language)
