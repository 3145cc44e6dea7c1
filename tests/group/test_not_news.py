"""Pages that are no news report (crawl notices, cookie walls, sign-up boxes) stand alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assertions import CliRun, assert_one_line_error, assert_only_warnings

from newsweave.group import Grouper, group
from newsweave.group.not_news import is_not_news, load_model, write_model
from newsweave.model import Article
from newsweave.reading.read import article_from_value

# Invented pages of the kinds a crawl of a story's links brings back.
COOKIE_WALL = (
    "Please switch on JavaScript in your browser to keep reading. We use cookies to measure "
    "traffic and show ads; by continuing to browse this site you accept our cookie policy "
    "and privacy policy. Sign in or create a free account to continue."
)
CRAWL_NOTICE = (
    "This collection holds web captures made by an automated crawler on behalf of a "
    "national library. The crawl data is not currently available to the general public. "
    "For more information about this collection, contact the archive. The crawler starts "
    "from a list of seed pages and follows every outbound link one level deep, with the "
    "embedded images and scripts. The files it writes are kept in the archive's storage "
    "and added to the public collection after an embargo period of several months."
)
MISSING_PAGE = (
    "Sorry, the page you requested could not be found. Check the web address for typing "
    "errors, or use the search box at the top of the page. You may need to log in to your "
    "account to see this content."
)
# An invented story told by two outlets; the second opens with the cookie wall's line
# (a paragraph of its own, as a page's banner is).
FERRY = (
    "Crews pulled four people from the river on Sunday after a ferry ran aground near the "
    "old lighthouse at Merrow Point, the coast guard said. The ferry, carrying sixty "
    "passengers, struck a sandbank in thick fog shortly after leaving the harbour. Two of "
    "the rescued were taken to hospital with hypothermia. Investigators will examine why "
    "the ferry left port despite a fog warning issued an hour earlier."
)
FERRY_AGAIN = (
    "Please switch on JavaScript in your browser to keep reading.\n\nA ferry with sixty "
    "passengers ran aground in fog near the Merrow Point lighthouse on Sunday, and the "
    "coast guard pulled four people from the river. Two were treated in hospital for "
    "hypothermia. The harbour master said a fog warning had been issued an hour before the "
    "ferry left port, and investigators will ask why it sailed."
)


def pile() -> list[Article]:
    texts = [("herald", FERRY), ("cookies", COOKIE_WALL), ("crawl", CRAWL_NOTICE),
             ("ledger", FERRY_AGAIN), ("missing", MISSING_PAGE)]
    return [Article(id=name, source=name, text=text, published="2026-04-05")
            for name, text in texts]


def test_notices_are_flagged_and_reports_are_not() -> None:
    for notice in (COOKIE_WALL, CRAWL_NOTICE, MISSING_PAGE):
        assert is_not_news(notice)
    # A report keeps its verdict when a notice's line opens it.
    assert not is_not_news(FERRY)
    assert not is_not_news(FERRY_AGAIN)


def test_a_notice_stands_alone_and_is_never_joined() -> None:
    stories = group(pile())
    found = [[a.id for a in story.articles] for story in stories]
    assert found == [["herald", "ledger"], ["cookies"], ["crawl"], ["missing"]]
    flags = {a.id: a.not_news for story in stories for a in story.articles}
    assert flags == {"herald": False, "ledger": False, "cookies": True, "crawl": True,
                     "missing": True}


def test_a_second_copy_of_a_notice_is_no_reprint_and_a_restart_keeps_it_alone() -> None:
    grouper = Grouper()
    first = grouper.add(Article(id="n1", source="a", text=CRAWL_NOTICE))
    second = grouper.add(Article(id="n2", source="b", text=CRAWL_NOTICE))
    assert first.not_news and second.not_news
    assert second.copy_of is None and second.story_id != first.story_id
    # Rebuilt from a store, the notice's story is still offered to no one.
    rebuilt = Grouper()
    rebuilt.add_existing(Article(id="n1", source="a", text=CRAWL_NOTICE), first.story_id)
    third = rebuilt.add(Article(id="n3", source="c", text=CRAWL_NOTICE + " Thank you."))
    assert third.new_story and third.story_id != first.story_id


def test_the_flag_travels_in_story_lines(cli: CliRun, tmp_path: Path) -> None:
    pile_file = tmp_path / "pile.jsonl"
    pile_file.write_text("".join(json.dumps({"id": a.id, "source": a.source, "text": a.text,
                                             "published": a.published}) + "\n"
                                 for a in pile()), encoding="utf-8")
    out = tmp_path / "stories.jsonl"
    result = cli("group", str(pile_file), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == ('grouped 5 articles into 4 stories (3 of them no news '
                                     'report: "not_news": true)')
    documents = {d["id"]: d for line in out.read_text(encoding="utf-8").splitlines()
                 for d in json.loads(line)["documents"]}
    assert documents["crawl"]["not_news"] is True
    assert documents["herald"]["not_news"] is False
    assert article_from_value(documents["crawl"], 0, "x").not_news


def test_shipped_weights_read_the_features_scikit_learn_computes(tmp_path: Path) -> None:
    """The detector re-implements the training vectorizer: both must score alike."""
    text_features = pytest.importorskip("sklearn.feature_extraction.text")
    linear = pytest.importorskip("sklearn.linear_model")
    from newsweave.group.not_news import TOKEN_PATTERN

    texts = [COOKIE_WALL, CRAWL_NOTICE, MISSING_PAGE, FERRY, FERRY_AGAIN,
             "The council voted on Tuesday to close the old bridge to lorries."]
    labels = [1, 1, 1, 0, 0, 0]
    vectorizer = text_features.TfidfVectorizer(token_pattern=TOKEN_PATTERN,
                                               ngram_range=(1, 2), sublinear_tf=True)
    features = vectorizer.fit_transform(texts)
    model = linear.LogisticRegression(C=10.0).fit(features, labels)
    terms = [str(term) for term in vectorizer.get_feature_names_out()]
    path = tmp_path / "model.tsv.gz"
    write_model(path, dict(zip(terms, map(float, vectorizer.idf_), strict=True)),
                dict(zip(terms, map(float, model.coef_[0]), strict=True)),
                float(model.intercept_[0]))
    ours = load_model(path)
    probe = "Sorry, you must sign in to read this page: the ferry report is for subscribers."
    expected = model.predict_proba(vectorizer.transform([probe]))[0, 1]
    assert ours.probability(probe) == pytest.approx(expected, abs=1e-3)


def test_a_notice_among_reports_is_set_aside_and_named() -> None:
    from newsweave.group.blend import reports_only
    from newsweave.model import Story

    warnings: list[str] = []
    articles = [a for a in pile() if a.id in ("herald", "crawl", "ledger")]
    kept = reports_only(Story(id="ferry", articles=articles), warnings.append)
    assert [a.id for a in kept.articles] == ["herald", "ledger"]
    assert warnings == ["1 page is not a news report, set aside: crawl (a notice, sign-in or "
                        "error page)"]


# An invented second story, so that the pile a user hands `summarize` blends two.
MARKET = (
    "The town council of Ashby voted on Tuesday to move the Saturday market from the old "
    "bus depot to Station Square from June. Stallholders had asked for the move after the "
    "depot's roof leaked all winter. The council will pay for new lighting and forty covered "
    "pitches in the square, at a cost of 120,000 pounds, the mayor said."
)


def _files(tmp_path: Path, **texts: str) -> list[str]:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return [str(tmp_path / f"{name}.txt") for name in texts]


def test_summarize_counts_no_notice_as_a_story(cli: CliRun, tmp_path: Path) -> None:
    files = _files(tmp_path, herald=FERRY, ledger=FERRY_AGAIN, council=MARKET,
                   crawl=CRAWL_NOTICE, cookies=COOKIE_WALL)
    result = cli("summarize", *files, "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = assert_only_warnings(result.stderr)
    assert warnings[0] == ("warning: 2 pages are not news reports, set aside: crawl, cookies "
                           "(notice, sign-in or error pages)")
    assert warnings[1].startswith("warning: these 3 articles tell 2 stories: (herald, ledger); "
                                  "(council); only the largest")
    cited = {o for s in json.loads(result.stdout)["sentences"] for o in s["supporting_articles"]}
    assert cited <= {"herald", "ledger"}


def test_one_story_still_sets_a_notice_aside(cli: CliRun, tmp_path: Path) -> None:
    files = _files(tmp_path, herald=FERRY, ledger=FERRY_AGAIN, missing=MISSING_PAGE)
    result = cli("analyze", *files, "--one-story", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert ("warning: 1 page is not a news report, set aside: missing (a notice, sign-in or "
            "error page)") in assert_only_warnings(result.stderr)
    assert "missing" not in {a["id"] for a in json.loads(result.stdout)["articles"]}


def test_notices_only_are_a_one_line_error(cli: CliRun, tmp_path: Path) -> None:
    result = cli("summarize", *_files(tmp_path, crawl=CRAWL_NOTICE, cookies=COOKIE_WALL))
    assert result.exit_code != 0
    assert_one_line_error(result.stderr, "no news report among the articles given: crawl, "
                          "cookies are notice, sign-in or error pages")
