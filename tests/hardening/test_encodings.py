"""Item 4: text in any encoding is read as written, and the encoding assumed is named.

The class: every Unicode transformation format, with and without a byte-order mark, and
the legacy encodings of several scripts, on prose of a few hundred bytes; binary data is
still refused.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.reading.decode import decode
from newsweave.reading.read import read_story

PROSE = {
    "english": "The harbour bridge collapsed on Tuesday evening, killing nine people. "
               "Divers searched the water through the night for the missing.",
    "russian": "Мост через гавань обрушился во вторник вечером, погибли девять человек. "
               "Водолазы всю ночь искали пропавших в воде.",
    "greek": "Η γέφυρα του λιμανιού κατέρρευσε την Τρίτη το βράδυ, σκοτώνοντας εννέα "
             "ανθρώπους. Ο Άγγελος Παπαδόπουλος, δήμαρχος της πόλης, είπε ότι η Έρευνα θα "
             "διαρκέσει εβδομάδες. Δύτες έψαχναν όλη τη νύχτα για τους αγνοούμενους.",
    "hebrew": "הגשר בנמל קרס ביום שלישי בערב והרג תשעה אנשים. צוללנים חיפשו כל הלילה את "
              "הנעדרים במים. ראש העיר אמר שהגשר ייבנה מחדש בתוך שנתיים.",
    "ukrainian": "Міст через гавань обвалився у вівторок увечері, загинули дев'ять людей. "
                 "Водолази всю ніч шукали зниклих у воді. Мер міста заявив, що міст "
                 "відбудують протягом двох років.",
    "bulgarian": "Мостът над пристанището се срути във вторник вечерта и загинаха девет души. "
                 "Водолази търсиха изчезналите цяла нощ.",
    "arabic": "انهار جسر الميناء مساء الثلاثاء مما أسفر عن مقتل تسعة أشخاص. "
              "وبحث الغواصون في المياه طوال الليل عن المفقودين.",
    "chinese": "周二晚上，港口大桥倒塌，造成九人死亡。潜水员整夜在水中搜寻失踪者。",
    "traditional chinese": "週二晚上，港口大橋倒塌，造成九人死亡。潛水員整夜在水中搜尋失蹤者。",
    "japanese": "火曜日の夜、港の橋が崩落し、九人が死亡した。潜水士が一晩中行方不明者を捜索した。",
    "french": "Le pont du port s'est effondré mardi soir, faisant neuf morts. "
              "Des plongeurs ont fouillé l'eau toute la nuit à la recherche des disparus.",
}
UNICODE_FORMS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
# Greek in cp1253 and iso-8859-7 (which differ in "Ά" only) was read as cp1251 by
# charset-normalizer alone (decode.py's _clearest_script).
LEGACY = [
    ("russian", "cp1251"), ("russian", "koi8-r"), ("arabic", "cp1256"),
    ("greek", "cp1253"), ("greek", "iso-8859-7"), ("hebrew", "cp1255"),
    ("hebrew", "iso-8859-8"), ("ukrainian", "koi8-u"), ("ukrainian", "cp1251"),
    ("bulgarian", "cp1251"),
    ("chinese", "gbk"), ("chinese", "gb18030"), ("traditional chinese", "big5"),
    ("japanese", "shift_jis"), ("japanese", "euc-jp"), ("french", "cp1252"),
]


@pytest.mark.parametrize("language", PROSE)
@pytest.mark.parametrize("encoding", UNICODE_FORMS)
def test_every_unicode_form_is_read_as_written(language: str, encoding: str) -> None:
    text = PROSE[language] * 3
    warnings: list[str] = []
    assert decode(text.encode(encoding), "a.txt", warnings).lstrip("\ufeff") == text
    assert len(warnings) == 1 and "read as utf" in warnings[0].replace("_", "-")


@pytest.mark.parametrize(("language", "encoding"), LEGACY)
def test_legacy_encodings_of_every_script_are_detected_and_named(
    language: str, encoding: str
) -> None:
    text = PROSE[language] * 3
    warnings: list[str] = []
    assert decode(text.encode(encoding), "a.txt", warnings) == text
    assert warnings and warnings[0].startswith("a.txt: not valid UTF-8, read as ")


def test_a_utf16_file_reads_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(PROSE["english"].encode("utf-16"))
    warnings: list[str] = []
    story = read_story([str(path)], warnings)
    assert story.articles[0].text == PROSE["english"]
    assert warnings == [f"{path}: not valid UTF-8, read as utf-16"]


@pytest.mark.parametrize("seed", range(5))
def test_binary_data_is_still_refused(seed: int) -> None:
    blob = os.urandom(4096 + seed) if seed < 4 else Path("/bin/sh").resolve().read_bytes()
    with pytest.raises(InputError, match="binary"):
        decode(blob, "b.txt", [])
