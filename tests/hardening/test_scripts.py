"""Item 5: any script. Two identical articles in any language give each sentence once,
cited by both; a language without full support is named in one warning; text written
without spaces (Chinese, Japanese) is refused with a message that says why."""

from __future__ import annotations

import pytest

import newsweave
import newsweave.languages
from newsweave.languages import FULL_SUPPORT
from newsweave.model import Article, reprints_of
from newsweave.summarizer.segment import segment
from newsweave.text import ends_as_sentence

STORIES = {
    "en": "The harbour bridge collapsed on Tuesday evening, killing nine people. Divers searched "
          "the water all night for the missing. The mayor said the bridge would be rebuilt "
          "within two years.",
    "ru": "Мост через гавань обрушился во вторник вечером, погибли девять человек. Водолазы всю "
          "ночь искали пропавших в воде. Мэр города заявил, что мост будет восстановлен в "
          "течение двух лет.",
    "uk": "Міст через гавань обвалився у вівторок увечері, загинули дев'ять людей. Водолази всю "
          "ніч шукали зниклих у воді. Мер міста заявив, що міст відбудують протягом двох років.",
    "el": "Η γέφυρα του λιμανιού κατέρρευσε την Τρίτη το βράδυ, σκοτώνοντας εννέα ανθρώπους. "
          "Δύτες έψαχναν όλη τη νύχτα για τους αγνοούμενους. Ο δήμαρχος είπε ότι η γέφυρα θα "
          "ξαναχτιστεί μέσα σε δύο χρόνια.",
    "ar": "انهار جسر الميناء مساء الثلاثاء مما أسفر عن مقتل تسعة أشخاص. وبحث الغواصون في المياه "
          "طوال الليل عن المفقودين. وقال رئيس البلدية إن الجسر سيعاد بناؤه خلال عامين.",
    "hi": "मंगलवार शाम बंदरगाह का पुल ढह गया, जिसमें नौ लोगों की मौत हो गई। गोताखोरों ने पूरी "
          "रात पानी में लापता लोगों की तलाश की। महापौर ने कहा कि पुल दो साल में फिर से बनाया "
          "जाएगा।",
    "fr": "Le pont du port s'est effondré mardi soir, faisant neuf morts. Des plongeurs ont "
          "fouillé l'eau toute la nuit à la recherche des disparus. Le maire a déclaré que le "
          "pont serait reconstruit d'ici deux ans.",
    "de": "Die Hafenbrücke ist am Dienstagabend eingestürzt, neun Menschen kamen ums Leben. "
          "Taucher suchten die ganze Nacht im Wasser nach den Vermissten. Der Bürgermeister "
          "sagte, die Brücke werde innerhalb von zwei Jahren wieder aufgebaut.",
    "es": "El puente del puerto se derrumbó el martes por la noche y murieron nueve personas. "
          "Los buzos buscaron a los desaparecidos en el agua durante toda la noche. El alcalde "
          "dijo que el puente sería reconstruido en dos años.",
}


@pytest.mark.parametrize("language", STORIES)
def test_identical_articles_give_each_sentence_once_cited_by_both(language: str) -> None:
    text = STORIES[language]
    summary = newsweave.summarize([text, text], max_words=100, method="unsupervised")
    assert summary.sentences
    shown = [s.text for s in summary.sentences]
    assert len(shown) == len(set(shown))
    # Both carry each sentence: as two supporting outlets, or (a text long enough to call
    # a copy) as the original and its reprint, which is no independent outlet (issue 23).
    carried = [s.supporting + reprints_of(s.supporting, summary.articles)
               for s in summary.sentences]
    assert all(len(c) == 2 for c in carried), shown
    named = [w for w in summary.warnings if "the articles are in" in w]
    if language in FULL_SUPPORT:
        assert not named
    else:
        assert len(named) == 1 and newsweave.languages.language_name(language) in named[0]


@pytest.mark.parametrize("text", [
    "周二晚上，港口大桥倒塌，造成九人死亡。潜水员整夜在水中搜寻失踪者。市长说大桥将在两年内重建。",
    "火曜日の夜、港の橋が崩落し、九人が死亡した。潜水士が一晩中行方不明者を捜索した。",
])
def test_text_without_spaces_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(newsweave.InputError, match="Chinese or Japanese text is not supported"):
        newsweave.summarize([text, text])


def test_an_unspaced_article_beside_others_is_skipped_by_name() -> None:
    summary = newsweave.summarize(
        [STORIES["en"], STORIES["en"],
         {"source": "zh", "text": "周二晚上，港口大桥倒塌，造成九人死亡。"}],
        method="unsupervised")
    assert any(w.startswith("zh: Chinese or Japanese") for w in summary.warnings)


def test_no_english_entities_are_invented_in_another_language() -> None:
    analysis = newsweave.analyze([STORIES["fr"], STORIES["fr"]], method="unsupervised")
    assert analysis.entities == []
    assert "no entities: the entity tagger reads English only" in analysis.warnings


@pytest.mark.parametrize(("text", "count"), [
    (STORIES["hi"], 3),
    ("هل انهار الجسر بسبب الإهمال الطويل؟ وبحث الغواصون في المياه طوال الليل. وقال رئيس "
     "البلدية إن الجسر سيعاد بناؤه.", 3),
    ("Officials said the span fell。 Divers searched the water all night！ Was the bridge "
     "inspected last year？ Nobody could say for sure.", 4),
])
def test_every_script_sentence_end_ends_a_sentence(text: str, count: int) -> None:
    sentences = segment(Article(id="a", source="a", text=text), 0)
    assert len(sentences) == count
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert all(ends_as_sentence(s.text) for s in sentences)


def test_script_stopwords_are_spacys_lists_read_without_importing_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys; from newsweave.languages import script_stopwords as s; "
            "lists = {c: sorted(s(c)) for c in ('ru', 'el', 'ar', 'hi', 'ta', 'hy')}; "
            "print('spacy' in sys.modules, min(map(len, lists.values())))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.split()
    assert shown[0] == "False" and int(shown[1]) > 50  # every list read, spaCy not loaded
    from spacy.lang.ru.stop_words import STOP_WORDS

    assert newsweave.languages.script_stopwords("ru") == frozenset(STOP_WORDS)
