"""The Python API end to end: budget, faithful offsets, full attribution, noise-free."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assertions import HANOI_NOISE, HANOI_TRIMMED_NOISE

import newsweave
from newsweave import InputError, Summary
from newsweave.reading.read import read_story
from newsweave.render import render_json
from newsweave.summarizer.align import group_claims
from newsweave.summarizer.prepare import prepare
from newsweave.summarizer.score import unsupervised_salience

LEADS = [
    "PORT ELLIS (Wire Press) — Nine people died when the Tollan Bridge collapsed into the "
    "harbour on Tuesday evening, sending a bus and several cars into the water.\n\n"
    "Divers searched the harbour through the night under floodlights, the fire service said.\n\n"
    "The bridge opened in 1968 and carries most of the traffic across the inner harbour.",
    "PORT ELLIS — Nine people were killed on Tuesday evening when the Tollan Bridge collapsed "
    "into the harbour, taking a bus and several cars with it.\n\n"
    "Fire service divers searched the harbour through the night under floodlights.\n\n"
    "The mayor said the city would find out what had happened and say so plainly.",
    "PORT ELLIS, Harbourland — The Tollan Bridge collapsed into the harbour on Tuesday "
    "evening, killing nine people and sending a bus and cars into the water.\n\n"
    "Inspectors had warned two years ago that the bearings under the northern span were poor.\n\n"
    "The council delayed the repair to pay for the new tunnel approach roads.",
]


def assert_faithful(summary: Summary) -> None:
    """Every shown sentence is an exact slice of its article and cites it among its backers."""
    n = len(summary.articles)
    for s in summary.sentences:
        assert summary.articles[s.article_index].text[s.start : s.end] == s.text
        assert s.article_index in s.supporting
        assert s.supporting == sorted(set(s.supporting))
        assert all(0 <= i < n for i in s.supporting)


@pytest.fixture(scope="module")
def hanoi(hanoi_dir: Path) -> Summary:
    return newsweave.summarize(read_story([str(hanoi_dir)], []), max_words=250)


# -- the API -----------------------------------------------------------------------------


def test_strings_in_summary_out(story_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(story_dir.glob("*.txt"))]
    summary = newsweave.summarize(texts, max_words=80)
    assert isinstance(summary, Summary)
    assert summary.sentences
    assert [a.source for a in summary.articles] == ["article-1", "article-2", "article-3"]
    assert summary.text == "\n".join(s.text for s in summary.sentences)
    assert_faithful(summary)


def test_dicts_carry_their_source_names(story_dir: Path) -> None:
    docs = [
        {"text": p.read_text(encoding="utf-8"), "source": p.stem, "url": f"https://{p.stem}.test"}
        for p in sorted(story_dir.glob("*.txt"))
    ]
    summary = newsweave.summarize(docs, max_words=80)
    data = summary.to_dict()
    assert [a["source"] for a in data["articles"]] == [p.stem for p in sorted(story_dir.glob("*"))]
    cited = {src for s in data["sentences"] for src in s["supporting_sources"]}
    assert cited <= {d["source"] for d in docs}
    assert data["articles"][0]["url"] == docs[0]["url"]


def test_articles_and_story_objects_are_accepted(story_dir: Path) -> None:
    story = read_story([str(story_dir)], [])
    from_story = newsweave.summarize(story, max_words=60)
    from_articles = newsweave.summarize(list(story.articles), max_words=60)
    assert from_story.to_dict()["sentences"] == from_articles.to_dict()["sentences"]


@pytest.mark.parametrize(
    ("articles", "message"),
    [
        ([], "no articles"),
        ("just one string", "must be a list"),
        ([{"title": "no text"}], "no string field 'text'"),
        (["Hi.", "Ok then."], "no usable sentence"),
    ],
)
def test_unusable_input_raises_input_error(articles: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        newsweave.summarize(articles)  # type: ignore[arg-type]


def test_max_words_below_one_is_an_input_error() -> None:
    with pytest.raises(InputError):
        newsweave.summarize(LEADS, max_words=0)


# -- budget ------------------------------------------------------------------------------


@pytest.mark.parametrize("max_words", [1, 12, 25, 60, 120, 250, 500])
def test_budget_is_a_hard_limit(max_words: int, hanoi_dir: Path) -> None:
    summary = newsweave.summarize(read_story([str(hanoi_dir)], []), max_words=max_words)
    assert summary.max_words == max_words
    assert summary.word_count == sum(len(s.text.split()) for s in summary.sentences)
    assert summary.word_count <= max_words
    if max_words >= 60:
        assert summary.word_count >= max_words // 2, "the budget should be used, not wasted"
    if not summary.sentences:
        assert any("no sentence fits" in w for w in summary.warnings)


@pytest.mark.parametrize("max_words", [20, 45, 100])
def test_budget_on_small_story(max_words: int, story_dir: Path) -> None:
    summary = newsweave.summarize(read_story([str(story_dir)], []), max_words=max_words)
    assert 0 < summary.word_count <= max_words


# -- faithfulness and attribution --------------------------------------------------------


def test_hanoi_opens_on_the_collapse_the_titles_name(hanoi: Summary) -> None:
    # issue 22's example: "Trump and ... Kim Jong-un abruptly cut short their two-day
    # summit ..." opens on a surname the headline ("Trump-Kim Summit Breakdown ...") gives
    first = hanoi.sentences[0].text
    assert "cut short" in first or "failed to reach" in first, first


def test_offsets_and_support_on_hanoi(hanoi: Summary) -> None:
    assert hanoi.sentences
    assert_faithful(hanoi)


@pytest.mark.parametrize("max_words", [40, 120, 400])
def test_offsets_and_support_on_harbor(max_words: int, harbor_dir: Path) -> None:
    summary = newsweave.summarize(read_story([str(harbor_dir)], []), max_words=max_words)
    assert summary.sentences
    assert_faithful(summary)


def test_offsets_hold_after_trimming_datelines() -> None:
    summary = newsweave.summarize(LEADS, max_words=120)
    assert_faithful(summary)
    texts = [s.text for s in summary.sentences]
    assert not any(t.startswith("PORT ELLIS") for t in texts), texts
    leads = [s for s in summary.sentences if s.start > 0 and s.start < 40]
    assert leads, f"a lead sentence (after its dateline) should be shown: {texts}"
    for s in leads:
        assert summary.articles[s.article_index].text.startswith("PORT ELLIS")


def test_a_fact_every_outlet_reports_cites_them_all() -> None:
    summary = newsweave.summarize(LEADS, max_words=40)
    assert any(s.supporting == [0, 1, 2] for s in summary.sentences), summary.to_dict()


def test_output_is_deterministic(hanoi_dir: Path) -> None:
    first = newsweave.summarize(read_story([str(hanoi_dir)], []), max_words=200).to_dict()
    second = newsweave.summarize(read_story([str(hanoi_dir)], []), max_words=200).to_dict()
    assert first == second


def test_json_round_trip(hanoi: Summary) -> None:
    data = hanoi.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert json.loads(render_json(hanoi)) == data
    for sentence in data["sentences"]:
        article = next(a for a in data["articles"] if a["id"] == sentence["article"])
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["article"] in sentence["supporting_articles"]


# -- the Hanoi summit: noise and the degraded AP text ------------------------------------


def test_hanoi_summary_has_no_noise(hanoi: Summary) -> None:
    for sentence in hanoi.sentences:
        for noise in HANOI_NOISE + HANOI_TRIMMED_NOISE:
            assert noise.lower() not in sentence.text.lower(), sentence.text


def test_hanoi_long_summary_has_no_noise(hanoi_dir: Path) -> None:
    summary = newsweave.summarize(read_story([str(hanoi_dir)], []), max_words=1000)
    for sentence in summary.sentences:
        for noise in HANOI_NOISE + HANOI_TRIMMED_NOISE:
            assert noise.lower() not in sentence.text.lower(), sentence.text


def _backs_claims_shown_by_others(directory: Path, source: str) -> None:
    """The degraded article ``source`` is never shown, but backs claims that another
    outlet's well-formed sentence represents (whether the summary happens to pick one of
    them depends on salience)."""
    story = read_story([str(directory)], [])
    summary = newsweave.summarize(story)
    degraded = next(i for i, a in enumerate(summary.articles) if a.source == source)
    assert summary.articles[degraded].degraded
    assert all(s.article_index != degraded for s in summary.sentences)
    prepared = prepare(story)
    claims = group_claims(
        prepared.sentences, prepared.alignment, unsupervised_salience(prepared.features)
    )
    backed = [c for c in claims if degraded in c.article_indices and len(c.article_indices) > 1]
    assert backed, f"{source} must back some claim"
    assert all(c.representative.article_index != degraded for c in backed)


def test_hanoi_degraded_ap_is_never_shown_but_backs_a_claim(hanoi_dir: Path) -> None:
    _backs_claims_shown_by_others(hanoi_dir, "ap")


def test_harbor_degraded_radio_is_never_shown_but_backs_a_claim(harbor_dir: Path) -> None:
    _backs_claims_shown_by_others(harbor_dir, "radio-north")


def test_all_degraded_gives_an_empty_summary_with_a_warning(hanoi_dir: Path) -> None:
    ap = (hanoi_dir / "ap.txt").read_text(encoding="utf-8")
    summary = newsweave.summarize([ap, ap.upper().lower()])
    assert summary.sentences == []
    assert summary.warnings


# -- awkward stories ---------------------------------------------------------------------


def test_single_article_is_summarized_with_a_warning(bad_dir: Path) -> None:
    text = (bad_dir / "single.txt").read_text(encoding="utf-8")
    summary = newsweave.summarize([text], max_words=60)
    assert summary.sentences
    assert all(s.supporting == [0] for s in summary.sentences)
    assert any("only one article" in w for w in summary.warnings)


def test_article_without_usable_sentence_is_named_in_a_warning(
    story_dir: Path, bad_dir: Path
) -> None:
    docs = [{"text": p.read_text(encoding="utf-8"), "source": p.stem}
            for p in sorted(story_dir.glob("*.txt"))]
    docs.append({"text": (bad_dir / "fragments.txt").read_text(encoding="utf-8"),
                 "source": "fragments"})
    summary = newsweave.summarize(docs, max_words=60)
    assert summary.sentences
    assert any(w.startswith("fragments:") and "no usable sentence" in w
               for w in summary.warnings)


def test_a_very_long_story_is_cut_to_its_earliest_sentences_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsweave.summarizer.prepare as preparing

    monkeypatch.setattr(preparing, "MAX_SENTENCES", 40)
    long_article = "\n\n".join(
        f"Report {i} says the harbour council met on day {i} to discuss the ferry timetable."
        for i in range(300)
    )
    summary = newsweave.summarize([long_article, long_article[:2000]], max_words=60)
    assert any("only the first 40" in w for w in summary.warnings)
    assert summary.sentences and summary.word_count <= 60
    for sentence in summary.sentences:
        assert int(sentence.text.split()[1]) < 40  # only early sentences were considered


# -- readability on real truncated input -------------------------------------------------


def test_multinews_summaries_show_no_cut_off_sentence_and_no_stray_leaning_one(
    shared_dir: Path,
) -> None:
    """Multi-News cuts each story at ~500 tokens, mid-sentence: the cut sentence is shown
    only as the whole clause before the cut, marked " …", and a sentence that leans on the
    one before it is read right after it."""
    from itertools import islice

    from newsweave.reading.jsonl import iter_jsonl
    from newsweave.summarizer.readability import stands_alone
    from newsweave.text import ends_as_sentence

    path = shared_dir / "data" / "multinews" / "val.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not found")
    stories = [line.story for line in islice(iter_jsonl(path), 60) if line.story is not None]
    cut_off_inputs = shown_cut_short = 0
    for story in stories:
        summary = newsweave.summarize(story, max_words=250)
        cut_off_inputs += any(not ends_as_sentence(a.text.rstrip()) for a in story.articles)
        shown = summary.sentences
        for k, sentence in enumerate(shown):
            if sentence.cut_short:
                shown_cut_short += 1
                article = summary.articles[sentence.article_index].text
                assert not ends_as_sentence(article.rstrip())  # the cut is in this sentence
                assert not ends_as_sentence(article[sentence.end:]), article[sentence.end:]
                assert sentence.reads == sentence.text + " …"
            else:
                assert ends_as_sentence(sentence.text), sentence.text
            if not stands_alone(sentence.text) and k:
                before = shown[k - 1]
                assert before.article_index == sentence.article_index
                assert before.end <= sentence.start
    assert cut_off_inputs > 10  # the quirk is there to be handled
    assert shown_cut_short > 0


def test_a_story_of_questions_only_says_why_nothing_is_shown() -> None:
    summary = newsweave.summarize([
        "Is the new harbour bridge really safe for the daily traffic? Who will pay for the "
        "repairs to the northern span?",
        "Will the council ever explain why the harbour bridge repairs were delayed?",
    ])
    assert summary.sentences == []
    assert any(w.startswith("no sentence can be shown: each is a question") for w in
               summary.warnings)
    assert not any("fits" in w for w in summary.warnings)  # the budget is not the reason
    assert summary.empty_reason is not None
    assert summary.empty_reason.startswith("no sentence can be shown: each is a question")
    assert newsweave.summarize(["The harbour bridge reopened to traffic on Monday morning."],
                               max_words=3).empty_reason == "no sentence fits in 3 words"
    assert newsweave.summarize(["The harbour bridge reopened to traffic on Monday morning."]
                               ).empty_reason is None
