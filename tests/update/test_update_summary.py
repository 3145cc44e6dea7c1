"""Update summaries from Python: only what the new articles add, changes flagged, news first."""

from __future__ import annotations

from pathlib import Path

from update_helpers import articles_in

import newsweave
from newsweave.model import Article, SummarySentence
from newsweave.reading.read import read_story
from newsweave.summarizer.pipeline import summarize_prepared
from newsweave.summarizer.prepare import prepare
from newsweave.update import update_summary
from newsweave.update.summary import development_first

READ_ON_MONDAY = ("opened in 1952", "shortly after 9pm")


def test_a_new_figure_for_a_known_quantity_is_a_change(new_dir: Path, old_dir: Path) -> None:
    summary = newsweave.summarize(articles_in(new_dir), previous=articles_in(old_dir))
    changes = [s for s in summary.sentences if s.update == "change"]
    assert len(changes) == 1
    assert "Nine" in changes[0].text or "nine" in changes[0].text
    assert {r.source for r in changes[0].earlier} == {"brackwater-news", "valley-post"}
    assert all("seven" in r.text.lower() for r in changes[0].earlier)
    assert all(s.update == "new" for s in summary.sentences if s not in changes)
    as_json = summary.to_dict()
    assert [s["update"] for s in as_json["sentences"]].count("change") == 1
    assert {a["source"] for a in as_json["previous_articles"]} == {"brackwater-news",
                                                                   "valley-post"}


def test_a_fact_already_read_is_not_repeated(new_dir: Path, old_dir: Path) -> None:
    full = newsweave.summarize(articles_in(new_dir), max_words=250)
    assert any(fact in full.text for fact in READ_ON_MONDAY)  # news, without what was read
    update = newsweave.summarize(articles_in(new_dir), max_words=250,
                                 previous=articles_in(old_dir))
    assert update.sentences
    for fact in READ_ON_MONDAY:
        assert fact not in update.text
    assert "memorial service" in update.text and "faulty electrical panel" in update.text


def test_each_sentence_cites_its_new_sources_only(new_dir: Path, old_dir: Path) -> None:
    summary = update_summary(articles_in(new_dir), articles_in(old_dir), max_words=250)
    assert [a.source for a in summary.articles] == ["river-times", "valley-post"]
    for sentence in summary.sentences:
        article = summary.articles[sentence.article_index]
        assert article.text[sentence.start:sentence.end] == sentence.text
        assert sentence.article_index in sentence.supporting
    cause = next(s for s in summary.sentences if "faulty electrical panel" in s.text)
    assert len(cause.supporting) == 2  # both new outlets report it


def test_the_development_comes_first(new_dir: Path, old_dir: Path) -> None:
    summary = newsweave.summarize(articles_in(new_dir), previous=articles_in(old_dir))
    assert summary.sentences[0].update == "change"
    short = newsweave.summarize(articles_in(new_dir), max_words=30, previous=articles_in(old_dir))
    assert [s.update for s in short.sentences] == ["change"]  # the toll, not the owner's pledge


def test_sharing_a_counted_noun_is_not_a_change() -> None:
    old = ["Only 21 states, including California, have hate crime laws that cover sexual "
           "orientation, the advocacy group said."]
    new = ["Eight states have passed new laws on school funding since January, the advocacy "
           "group said."]
    summary = newsweave.summarize(new, previous=old)
    assert [s.update for s in summary.sentences] == ["new"]


def test_a_new_fact_comes_before_what_leads_the_article() -> None:
    old = [Article("old", "gazette", "The city council voted on Monday to close the old "
                   "harbour bridge to heavy lorries from next month.")]
    new = [Article("new", "courier", "The city council voted on Monday to close the old harbour "
                   "bridge to heavy lorries from next month.\n\nEngineers had found deep cracks "
                   "in two of the bridge's steel supports during an inspection in March.\n\n"
                   "Hauliers said the detour would add forty minutes to every crossing of the "
                   "river.")]
    plain = newsweave.summarize(new, max_words=60)
    assert plain.sentences[0].text.startswith("The city council voted")
    update = newsweave.summarize(new, max_words=60, previous=old)
    assert update.sentences and not update.text.startswith("The city council voted")
    assert "city council voted" not in update.text


def test_nothing_new_is_said_so() -> None:
    text = ("Storms closed the coastal road between Alderby and Wick on Friday morning. "
            "Police said the road would reopen once the fallen trees were cleared away.")
    summary = newsweave.summarize([text], previous=[text])
    assert summary.sentences == []
    assert summary.empty_reason and "nothing" in summary.empty_reason


def test_development_first_keeps_a_leaning_sentence_behind_its_antecedent() -> None:
    def shown(text: str, article: int, score: float) -> SummarySentence:
        return SummarySentence(text, article, 0, len(text), [article], score, "new")

    ordered = development_first([
        shown("Rail services resumed between Orrin and Dale on Tuesday.", 0, 0.1),
        shown("The regional minister resigned over the failed tender on Tuesday.", 1, 0.9),
        shown("He had held the post since 2019.", 1, 0.2),
    ])
    assert [s.text[:7] for s in ordered] == ["The reg", "He had ", "Rail se"]



def test_auto_selects_an_update_by_salience(harbor_dir: Path) -> None:
    # What was read lowers salience; concept coverage (auto's choice for a story this long
    # against 40 words) would not feel it.
    read = [a for a in articles_in(harbor_dir) if a.source == "the-ledger"]
    new = [a for a in articles_in(harbor_dir) if a.source != "the-ledger"]
    assert newsweave.summarize(new, max_words=40).method == "learned"
    assert newsweave.summarize(new, max_words=40, previous=read).method == "unsupervised"
    learned = newsweave.summarize(new, max_words=40, previous=read, method="learned")
    assert learned.method == "learned"


def test_holding_the_lede_is_a_choice(harbor_dir: Path) -> None:
    prepared = prepare(read_story([str(harbor_dir)], []))
    held = summarize_prepared(prepared, 40, "auto")
    free = summarize_prepared(prepared, 40, "auto", hold_lede=False)
    assert held.sentences[0].text.startswith("The northern span of the 57-year-old bridge")
    assert [s.text for s in free.sentences] != [s.text for s in held.sentences]
