"""Per-sentence features (features.py): shortcuts give what the patterns give."""

from __future__ import annotations

import pytest

from newsweave.summarizer.features import _SPEECH_FEATURE, _speech_verb
from newsweave.text import tokens


@pytest.mark.parametrize("text", [
    "The mayor said on Monday that the bridge will reopen.", "SAID the mayor.",
    "Officials announced a plan.", "The plan, the union added, is final.",
    "He was told_said nothing.", "user_said hello", "2said", "The mayor ſaid so.",
    "Nothing is reported here.", "She says: “We stated it.”", "",
])
def test_the_speech_verb_shortcut_answers_as_the_pattern(text: str) -> None:
    assert _speech_verb(text, tokens(text)) == bool(_SPEECH_FEATURE.search(text))
