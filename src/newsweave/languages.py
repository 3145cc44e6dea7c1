"""Which languages newsweave reads fully, and what every other one gets.

Words are Unicode word characters in every script (``text.tokens``), so two outlets'
sentences match whatever alphabet they use. Stems and stopwords follow a word's script:
Latin words get English's Porter stemmer and stopwords; Cyrillic, Greek, Arabic-script,
Devanagari, Tamil and Armenian words get the Snowball stemmer of that script's main
language (Russian, Greek, Arabic, Hindi, Tamil, Armenian) and, where spaCy ships one, its
stopword list. Full support is therefore English, Russian, Greek, Arabic and Hindi; a
story in another language (French, German, Ukrainian, ...) is still summarized, matched
word for word, and gets a one-line warning naming its language. Chinese and Japanese,
written without spaces, cannot be cut into sentences and word budgets here: such
articles are refused with a message saying so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from newsweave.errors import InputError
from newsweave.model import Article

# Script ranges (first, last code point) → (Snowball algorithm, spaCy language for stopwords).
SCRIPT_LANGUAGES = (
    ("\u0400", "\u052f", "russian", "ru"),
    ("\u0370", "\u03ff", "greek", "el"),
    ("\u1f00", "\u1fff", "greek", "el"),
    ("\u0600", "\u06ff", "arabic", "ar"),
    ("\u0750", "\u077f", "arabic", "ar"),
    ("\u0900", "\u097f", "hindi", "hi"),
    ("\u0b80", "\u0bff", "tamil", "ta"),
    ("\u0530", "\u058f", "armenian", "hy"),
)
# Hindi's "।" ends a sentence in segment.py and text.ends_as_sentence alike.
FULL_SUPPORT = {"en": "English", "ru": "Russian", "el": "Greek", "ar": "Arabic", "hi": "Hindi"}
# Detection runs only where a sample's words are not plainly English (few English
# stopwords): English input pays nothing for it.
ENGLISH_STOPWORD_SHARE = 0.2
SAMPLE_CHARS = 2000
UNSPACED_SHARE = 0.3  # of letters: Han, kana: text written without spaces between words


def script_language(word: str) -> tuple[str, str] | None:
    """The (Snowball algorithm, spaCy code) for a word's script; None for Latin and others."""
    first = word[0]
    for low, high, algorithm, code in SCRIPT_LANGUAGES:
        if low <= first <= high:
            return algorithm, code
    return None


@lru_cache(maxsize=16)
def script_stopwords(code: str) -> frozenset[str]:
    """spaCy's stopword list for a language (the lists ship with spaCy, no model needed),
    loaded from its own file: importing it as ``spacy.lang.xx.stop_words`` imports the
    ``spacy`` package first, 2-3 seconds for a list of words (each list is a plain
    module that imports nothing)."""
    from importlib.util import find_spec, module_from_spec, spec_from_file_location

    spacy = find_spec("spacy")
    for folder in (spacy.submodule_search_locations or []) if spacy else []:
        path = Path(folder) / "lang" / code / "stop_words.py"
        spec = spec_from_file_location(f"_newsweave_stop_words_{code}", path)
        if path.is_file() and spec is not None and spec.loader is not None:
            module = module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    return frozenset()


# Han ideographs (with their extensions and compatibility forms), hiragana, katakana.
_UNSPACED_LETTER = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f]")


def _unspaced(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    ideographs = len(_UNSPACED_LETTER.findall(sample))
    if not ideographs:  # nearly every article: no need to count its letters one by one
        return False
    letters = sum(c.isalpha() for c in sample)
    return letters > 0 and ideographs > UNSPACED_SHARE * letters


def without_unspaced(articles: Sequence[Article], warnings: list[str]) -> list[Article]:
    """The articles less those in Chinese or Japanese (warned); none left is an error."""
    unspaced = [_unspaced(a.text) for a in articles]
    kept = [a for a, refused in zip(articles, unspaced, strict=True) if not refused]
    refused = [a.id for a, refused in zip(articles, unspaced, strict=True) if refused]
    message = ("Chinese or Japanese text is not supported: sentences and word budgets need "
               "spaces between words")
    if refused and not kept:
        raise InputError(message)
    warnings.extend(f"{name}: {message}; skipped" for name in refused)
    return kept


def story_language(articles: Sequence[Article]) -> str | None:
    """The ISO 639-1 code of the story's language ("en" without asking a detector when its
    words are plainly English); None when there is too little text to tell."""
    from newsweave.text import STOPWORDS, tokens

    sample = " ".join(a.text[: SAMPLE_CHARS // max(1, min(len(articles), 5))]
                      for a in articles[:5])
    words = tokens(sample)
    if len(words) < 5:
        return None
    if sum(w in STOPWORDS for w in words) >= ENGLISH_STOPWORD_SHARE * len(words):
        return "en"
    import py3langid

    language, _ = py3langid.classify(sample)
    return str(language)


def language_warning(language: str | None) -> str | None:
    """One line for a language without full support, naming it and what it gets."""
    if language is None or language in FULL_SUPPORT:
        return None
    supported = ", ".join(FULL_SUPPORT.values())
    return (f"the articles are in {language_name(language)}: words are matched with English "
            f"stemming and stopwords (full support: {supported})")


_NAMES = dict(pair.split(":") for pair in (
    "fr:French de:German es:Spanish it:Italian pt:Portuguese nl:Dutch sv:Swedish da:Danish "
    "no:Norwegian nb:Norwegian fi:Finnish pl:Polish cs:Czech sk:Slovak hu:Hungarian "
    "ro:Romanian tr:Turkish uk:Ukrainian bg:Bulgarian sr:Serbian hr:Croatian fa:Persian "
    "ur:Urdu he:Hebrew id:Indonesian ms:Malay vi:Vietnamese ko:Korean th:Thai ta:Tamil "
    "hy:Armenian ca:Catalan eu:Basque et:Estonian lt:Lithuanian lv:Latvian sl:Slovenian "
    "ga:Irish sw:Swahili tl:Tagalog bn:Bengali mr:Marathi ne:Nepali").split())


def language_name(code: str) -> str:
    return _NAMES.get(code, f"language '{code}'")
