"""Bytes to text a reader can trust: reads that stop at the limit, encodings detected,
invisible controls removed.

Every byte newsweave reads from a path or a stream comes through :func:`read_bounded`
(at most the limit plus one byte, whatever the path is: a regular file, a FIFO, a
character device such as /dev/zero, or a symlink to one), and every text through
:func:`decode`. :func:`visible` is applied to every article field when the article is made
(``model.Article``), before any offset points into its text.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from newsweave.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
BINARY_CONTROL_SHARE = 0.05  # text has next to no control characters; binary data has ~1/8
# Legacy single-byte encodings of Latin-script text are told apart by a few accented
# letters, too few for a detector on a short article: news sites that were not UTF-8 were
# nearly all cp1252, so Latin-script text is read as cp1252 unless a detector finds
# another script (Cyrillic, Greek, Arabic, ...) or a multi-byte encoding (GBK, Shift-JIS).
LATIN_FALLBACK = "cp1252"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def over_limit(name: str, max_bytes: int, size: int | None = None) -> InputError:
    known = f"{size / 1e6:.1f} MB is " if size is not None else ""
    return InputError(
        f"{name}: {known}over the {max_bytes / 1e6:g} MB limit for one article "
        "(raise it with --max-article-bytes)"
    )


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refused past ``max_bytes``: never more than one byte beyond
    the limit is read, so a FIFO or /dev/zero costs what a file at the limit costs."""
    name = str(path)
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise over_limit(name, max_bytes, info.st_size)
            return read_stream_bounded(stream, max_bytes, name)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_stream_bounded(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise over_limit(name, max_bytes)
    return data


def looks_binary(text: str) -> bool:
    """True for decoded bytes that are mostly not text (control characters, not prose)."""
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) > BINARY_CONTROL_SHARE * len(sample)


def decode(data: bytes, name: str, warnings: list[str]) -> str:
    """Bytes to text: UTF-8 if it is, else the encoding detected (warned, by name)."""
    encoding = _bom_encoding(data)
    if encoding is None and b"\x00" not in data[:8192]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _detect(data)
        else:
            if looks_binary(text):
                raise InputError(f"{name}: looks like a binary file, not text")
            return text
    elif encoding is None:
        encoding = _detect(data, unicode_only=True)
    if encoding is None:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name}: looks like a binary file, not text") from None
    if looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    if encoding != "utf-8-sig":
        warnings.append(f"{name}: not valid UTF-8, read as {encoding}")
    return text


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _detect(data: bytes, unicode_only: bool = False) -> str | None:
    """The encoding charset-normalizer finds; Latin-script guesses become cp1252."""
    import charset_normalizer
    from charset_normalizer.utils import is_multi_byte_encoding

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and (is_multi_byte_encoding(best.encoding) or best.encoding.startswith(
            "utf")):
        return best.encoding
    if unicode_only:  # NUL bytes and no UTF-16/32: binary data
        return None
    if best is not None and best.coherence > 0 and _mostly_beyond_latin(str(best)):
        return _clearest_script(data, best.encoding)
    try:
        data.decode(LATIN_FALLBACK)
    except UnicodeDecodeError:
        return best.encoding if best is not None else "latin-1"
    return LATIN_FALLBACK


# The legacy single-byte code pages of scripts beyond Latin. charset-normalizer 3.5 does
# not try every one of them: Greek in cp1253 or iso-8859-7 came back as cp1251 Ukrainian
# ("З гЭцхсб фпх лймбнйпэ") with coherence 0.5, Greek itself scoring 0.43.
NON_LATIN_CODE_PAGES = (
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "cp1253", "iso8859_7", "cp1256",
    "iso8859_6", "cp1255", "iso8859_8", "cp874",
)


def _clearest_script(data: bytes, found: str) -> str:
    """Of the code pages above (and ``found``), the one whose text reads cleanest: the
    least "mess" (charset-normalizer's chaos: letters of another case or script inside a
    word, symbols between letters), then the most coherent letter frequencies for its
    language, then the most letters. Cyrillic read from Greek bytes mixes cases within
    words; Greek does not."""
    import charset_normalizer

    isolated = charset_normalizer.from_bytes(data, cp_isolation=[found, *NON_LATIN_CODE_PAGES])
    ranked = sorted(isolated, key=lambda m: (  # then the most letters: "Άγγελος", not "¶γγελος"
        round(m.chaos, 3), -m.coherence, -sum(c.isalpha() for c in str(m))))
    return ranked[0].encoding if ranked else found


def _mostly_beyond_latin(text: str) -> bool:
    letters = [c for c in text[:20_000] if c.isalpha()]
    return bool(letters) and sum(c > "\u024f" for c in letters) > len(letters) / 2


# Invisible characters that change what a reader sees without being seen: bidi overrides
# and isolates (U+202A-202E, U+2066-2069), zero-width spaces, word joiners, the soft
# hyphen, tag characters (which can smuggle hidden text), the BOM, and C0/C1 controls
# such as ESC (terminal escapes). Tab, newline, CR, VT, FF and NEL are whitespace: kept.
# Kept too: the format characters that scripts need (Arabic number signs U+0600-0605,
# the Mongolian vowel separator, Egyptian and shorthand format controls), and ZWNJ/ZWJ
# (U+200C/D) after a letter beyond Latin, where Persian, Indic scripts and emoji use them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
    "|(?<![^\x00-\u024f])[\u200c\u200d]"
)


# Any character _INVISIBLE may remove, context aside: one character class is scanned five
# times faster than _INVISIBLE's alternation, and nearly every text has none of them.
_MAYBE_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)


def visible(text: str) -> str:
    """``text`` without the invisible controls above (unchanged, and cheap, without any)."""
    return _INVISIBLE.sub("", text) if _MAYBE_INVISIBLE.search(text) else text
