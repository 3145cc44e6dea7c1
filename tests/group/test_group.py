"""Grouping a mixed pile into stories: time, reprints, boilerplate, stable ids, the CLI."""

from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from assertions import CliRun, assert_one_line_error

import newsweave
from newsweave.group import Grouper, group
from newsweave.model import Article
from newsweave.reading.jsonl import article_from_record

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "group" / "articles.jsonl"
# Furniture two unrelated pages of one site share: it must make them neither copies nor
# one story.
FURNITURE = (
    "Breaking News Emails: get breaking news alerts and special reports delivered to your "
    "inbox. The news and stories that matter, delivered weekday mornings. This crawl of "
    "online resources of the 115th US Congress was performed on behalf of the Alexa "
    "Internet crawl and the Internet Archive. Thank you for subscribing to our newsletter. "
)


def articles() -> list[Article]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return [article_from_record(json.loads(line)) for line in lines if line.strip()]


def by_id(items: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in items}


def stories_of(items: list[Article], **options: float | bool) -> list[list[str]]:
    return [[a.id for a in story.articles] for story in group(items, **options)]


def reprint(article: Article) -> Article:
    """A wire client's copy: new masthead, new first line, a paragraph dropped."""
    paragraphs = article.text.split("\n\n")
    text = "\n\n".join(["Here is the latest from the coast.", *paragraphs[:2]])
    return replace(article, id="herald-hollis", source="bay-herald", text=text,
                   title="Port Elwin harbour flooded", published="2026-03-03T15:00:00")


def test_one_topic_a_week_apart_is_two_stories() -> None:
    found = stories_of(articles())
    assert ["courier-hollis", "gazette-hollis"] in found
    assert ["courier-ines", "gazette-ines"] in found
    assert ["courier-jory"] in found  # the second flood, two weeks on: another story
    # The window decides: widened to a month, the two floods are one story.
    widened = stories_of(articles(), window_days=30)
    assert ["courier-hollis", "gazette-hollis", "courier-jory"] in widened


def test_story_ids_are_given_in_order_and_python_api_is_exported() -> None:
    stories = newsweave.group(articles())
    assert [s.id for s in stories] == ["story-1", "story-2", "story-3"]
    assert all(a.language == "en" for s in stories for a in s.articles)


def test_a_reprint_joins_its_original_and_names_it() -> None:
    items = articles()
    items.insert(2, reprint(by_id(items)["courier-hollis"]))
    stories = group(items)
    first = by_id(stories[0].articles)
    assert set(first) == {"courier-hollis", "gazette-hollis", "herald-hollis"}
    assert first["herald-hollis"].copy_of == "courier-hollis"
    assert first["gazette-hollis"].copy_of is None  # same event, its own report


def test_shared_boilerplate_makes_neither_copies_nor_one_story() -> None:
    cafe = Article("cafe", "site", FURNITURE + "The Blue Heron cafe on Marsh Street reopened "
                   "on Friday, six weeks after floodwater filled its kitchen to the counters.")
    museum = Article("museum", "site", FURNITURE + "The keeper's cottage beside the Gannet "
                     "Head lighthouse will become a maritime museum, the council decided.")
    grouper = Grouper()
    first, second = grouper.add(cafe), grouper.add(museum)
    assert second.copy_of is None
    assert first.story_id != second.story_id


def test_incremental_ids_never_change_and_new_articles_join() -> None:
    items = articles()
    grouper = Grouper()
    decided = {a.id: grouper.add(a).story_id for a in items[:3]}
    # A restart: the store is read back without deciding anything again.
    restarted = Grouper()
    for article in items[:3]:
        restarted.add_existing(article, decided[article.id], article.copy_of)
    joined = restarted.add(items[3])
    assert joined.story_id == decided["courier-ines"] and not joined.new_story
    started = restarted.add(items[4])
    assert started.new_story and started.story_id not in decided.values()
    assert all(restarted.story_of(i) == s for i, s in decided.items())


def write_articles(path: Path, items: list[Article]) -> None:
    lines = [json.dumps({k: v for k, v in a.to_dict().items() if v is not None}) for a in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_stories(path: Path) -> dict[str, list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["id"]: [d["id"] for d in r["documents"]] for r in map(json.loads, lines)}


def test_cli_groups_then_adds_into_the_same_file(cli: CliRun, tmp_path: Path) -> None:
    items = articles()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    write_articles(first, items[:3])
    write_articles(later, items[3:])
    stories = tmp_path / "stories.jsonl"
    assert cli("group", str(first), "--out", str(stories)).exit_code == 0
    before = read_stories(stories)
    added = cli("group", str(later), "--into", str(stories))
    assert added.exit_code == 0
    assert added.stderr.strip() == f"added 2 articles to {stories}, now 3 stories"
    after = read_stories(stories)
    for story_id, ids in before.items():
        assert after[story_id][: len(ids)] == ids
    assert after["story-2"] == ["courier-ines", "gazette-ines"]
    assert after["story-3"] == ["courier-jory"]
    # What group writes, summarize reads.
    summarized = cli("summarize", str(stories), "--out", str(tmp_path / "s.jsonl"))
    assert summarized.exit_code == 0, summarized.stderr


def test_cli_single_pass_skips_the_second_look(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "stories.jsonl"
    assert cli("group", str(ARTICLES), "--single-pass", "--out", str(out)).exit_code == 0
    found = sorted(read_stories(out).values())
    assert found == sorted(stories_of(articles(), second_look=False))


def test_cli_bad_input_is_one_line(cli: CliRun, tmp_path: Path) -> None:
    missing = cli("group", str(tmp_path / "none.jsonl"))
    assert missing.exit_code == 2
    assert_one_line_error(missing.stderr, "no such file")
    both = cli("group", str(ARTICLES), "--out", "a.jsonl", "--into", "b.jsonl")
    assert_one_line_error(both.stderr, "not both")
    broken = tmp_path / "broken.jsonl"
    broken.write_text(ARTICLES.read_text(encoding="utf-8") + '{"id": "x"}\nnot json\n')
    result = cli("group", str(broken), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1  # partial: the good lines are grouped, the bad reported
    assert "line 6: no string field 'text'" in result.stderr
    assert "line 7: not valid JSON" in result.stderr
    assert result.stderr.rstrip().endswith("; 2 problems reported above")
    one_bad = tmp_path / "one_bad.jsonl"
    one_bad.write_text(ARTICLES.read_text(encoding="utf-8") + "not json\n")
    result = cli("group", str(one_bad), "--out", str(tmp_path / "out1.jsonl"))
    assert result.stderr.rstrip().endswith("; 1 problem reported above")
    assert len(read_stories(tmp_path / "out.jsonl")) == 3


def test_summarize_warns_on_two_stories_and_keeps_the_largest(
    cli: CliRun, tmp_path: Path, story_dir: Path
) -> None:
    for path in story_dir.iterdir():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for article in articles()[2:4]:
        (tmp_path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    result = cli("summarize", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    warning = next(line for line in result.stderr.splitlines() if "stories" in line)
    assert "these 5 articles tell 2 stories" in warning and "newsweave group" in warning
    used = {a["id"] for a in json.loads(result.stdout)["articles"]}
    assert used == {"orrin-today", "rail-wire", "valley-gazette"}
    kept = cli("summarize", str(tmp_path), "--format", "json", "--one-story")
    assert len(json.loads(kept.stdout)["articles"]) == 5
    assert "tell 2 stories" not in kept.stderr


def test_a_reprint_is_not_an_independent_outlet_in_a_summary() -> None:
    items = articles()[:2]
    items.append(reprint(items[0]))
    summary = newsweave.summarize(items, max_words=120)
    copies = {a.id: a.copy_of for a in summary.articles}
    assert copies == {"courier-hollis": None, "gazette-hollis": None,
                      "herald-hollis": "courier-hollis"}
    for sentence in summary.to_dict()["sentences"]:
        assert "herald-hollis" not in sentence["supporting_articles"]
    assert any(s["reprinted_by"] == ["herald-hollis"] for s in summary.to_dict()["sentences"])


def test_a_short_reprint_missing_its_first_line_and_a_paragraph_is_found() -> None:
    sentences = [
        "The Marsh Street footbridge in Port Elwin was closed on Monday after an inspector "
        "found a cracked support beam under its eastern span.",
        "Engineers from the county roads department will decide this week whether the "
        "beam can be braced or must be replaced before winter.",
        "Shopkeepers on both banks said the detour through the ferry terminal adds twenty "
        "minutes to every delivery and has already cost them customers.",
        "The bridge, built in 1961, was last repaired eleven years ago when flood debris "
        "bent two of its railings near the western steps.",
        "The council expects to publish the inspection report on its website by Friday.",
    ]
    original = Article("wire-bridge", "elwin-wire", " ".join(sentences))
    # A client's copy: its own long first line, the second and last paragraphs dropped:
    # under two thirds of its words are the original's.
    copy = Article("gazette-bridge", "bay-gazette", " ".join(
        ["This report first appeared on the county wire service and is republished here in "
         "full under a content sharing agreement between partner newspapers.",
         *sentences[2:4]]))
    grouper = Grouper()
    grouper.add(original)
    assert grouper.add(copy).copy_of == "wire-bridge"


def test_a_shared_opening_boilerplate_does_not_know_makes_no_story() -> None:
    # A site's own morning furniture, in no boilerplate list, opens two unrelated reports.
    opening = ("Good morning from the Harbour Ledger newsroom, where our reporters are "
               "following the stories that matter across the county and along the coast "
               "today. Here is what you need to know before you start your day, with more "
               "on our website all morning. ")
    cafe = Article("cafe", "ledger", opening + "The Blue Heron cafe on Marsh Street reopened "
                   "on Friday, six weeks after floodwater filled its kitchen to the counters. "
                   "Its owner, Ada Brook, thanked the volunteers who rebuilt the counter.")
    museum = Article("museum", "ledger", opening + "The keeper's cottage beside the Gannet "
                     "Head lighthouse will become a maritime museum, the council decided on "
                     "Thursday by nine votes to two, after a campaign by the lighthouse society.")
    grouper = Grouper()
    first, second = grouper.add(cafe), grouper.add(museum)
    assert second.new_story and second.story_id != first.story_id
    assert second.copy_of is None


def test_a_story_published_again_after_the_window_is_grouped_on_its_whole_text() -> None:
    # Every long sentence was met before (the same reports, 40 days earlier): what is
    # left besides them, a short line each, must not stand for the articles.
    items = articles()[:2]
    lines = {"elwin-courier": "Lund spoke at noon.", "coast-gazette": "Roads stayed shut."}
    again = [replace(a, id=f"{a.id}-again", text=f"{a.text}\n\n{lines[a.source or '']}",
                     published=(a.published or "").replace("2026-03-0", "2026-04-1"))
             for a in items]
    grouper = Grouper()
    for article in items:
        grouper.add(article)
    first, second = (grouper.add(a) for a in again)
    assert first.new_story and first.copy_of is None  # out of the window: no reprint
    assert second.story_id == first.story_id


def test_own_words_are_the_whole_text_once_every_long_sentence_was_seen() -> None:
    from newsweave.group.seen import SeenSentences, sentences_of

    text = ("The harbourmaster said the surge reached the top of the sea wall at 2am. "
            "Council workers spent Tuesday pumping water out of the market hall. Photo: AP.")
    seen = SeenSentences()
    kept, keys = seen.own_words(sentences_of(text))
    assert kept is None and len(keys) == 2  # None: every sentence
    seen.remember(keys)
    assert seen.own_words(sentences_of(text))[0] is None
    longer = sentences_of(text + " The ice plant beside the market lost its roof in the night.")
    kept, _ = seen.own_words(longer)
    assert kept == [False, False, True, True]  # "Photo: AP." is too short to be known
    assert set(longer.counts(kept)) == {"photo", "ap", "ice", "plant", "besid", "market",
                                        "lost", "roof", "night"}


def test_sentences_count_the_words_and_numbers_of_the_whole_text() -> None:
    # The grouper counts the kept sentences one by one (read ahead in the page worker):
    # all of them must count as the text itself, closing quotes and brackets included.
    from newsweave.group.pairs import numbers_in
    from newsweave.group.seen import sentences_of
    from newsweave.text import content_stems

    text = ('"The wall held at 2.5 metres." (It was built in 1987.) Crews pumped 40,000 '
            'litres?! Then they left \u2014 "for now."\n\nThe council meets on 12 May.')
    sentences = sentences_of(text)
    assert len(sentences.keys) == 5
    counts = sentences.counts(None)
    assert list(counts.items()) == list(Counter(content_stems(text)).items())
    assert sentences.numbers_of(None) == numbers_in(text) == {"2.5", "1987", "40,000", "12"}


def test_the_reprint_index_offers_what_datasketchs_lsh_offers() -> None:
    from datasketch import MinHash, MinHashLSH

    from newsweave.group.reprints import NUM_PERM, ReprintIndex, shingles, signature

    base = ("The harbour wall at Port Elwin gave way on Tuesday night and the sea poured into "
            "the market square, where stallholders had stacked sandbags since the morning. ")
    texts = [base * 2, base + "Later the council opened the school hall to families.",
             "A different text about the council budget, which rose by two per cent this "
             "year, mostly for road repairs and the new library on Quay Street, said the "
             "treasurer at the meeting on Monday evening in the town hall annex.", base]
    for threshold in (0.12, 0.05):  # the bands read ahead with the page, and others
        ours, theirs = ReprintIndex(threshold), MinHashLSH(threshold=threshold,
                                                           num_perm=NUM_PERM)
        for number, text in enumerate(texts):
            found = signature(text)
            assert found is not None
            minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
            minhash.update_batch(list(shingles(text)))
            assert ours._offered(found) == set(theirs.query(minhash))
            ours.add(f"a{number}", found)
            theirs.insert(f"a{number}", minhash)
        assert ours._offered(found) == {"a0", "a1", "a3"}


def test_stories_whose_documents_have_no_ids_are_regrouped_whole(
        cli: CliRun, tmp_path: Path) -> None:
    # Every Multi-News story names its documents "article-1", "article-2", ...: the second
    # story's were taken for the first's, "already grouped", and left out.
    pier = ["The eastern wing of the Kestrel pier fell into the bay on Sunday, injuring four "
            "anglers, the coastguard said.",
            "Four anglers were hurt when the eastern wing of Kestrel pier collapsed into the "
            "bay on Sunday morning."]
    vote = ["Harrow council voted on Monday to build a tram line to the university after a "
            "year of debate.",
            {"id": "gazette-tram", "text": "Councillors in Harrow approved the university tram "
             "line on Monday by seven votes to two."}]
    pile = tmp_path / "stories.jsonl"
    pile.write_text(json.dumps({"id": "pier", "documents": pier}) + "\n"
                    + json.dumps({"id": "vote", "documents": vote}) + "\n", encoding="utf-8")
    out = tmp_path / "regrouped.jsonl"
    result = cli("group", str(pile), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "already grouped" not in result.stderr
    grouped = read_stories(out).values()
    assert sorted(i for ids in grouped for i in ids) == [
        "gazette-tram", "pier-1", "pier-2", "vote-1"]  # as the desk's ingest names them
