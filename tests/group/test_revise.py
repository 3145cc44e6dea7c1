"""The second look (group/revise.py): misfiled articles move, stored ones stay, ids hold."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_group import articles as fixture_articles

from newsweave.group import Grouper, group, replica
from newsweave.group import revise as second_look
from newsweave.group.inputs import iter_articles
from newsweave.group.replica import Replica
from newsweave.group.revise import revise
from newsweave.group.spool import StorySpool
from newsweave.model import Article

CAFE = Article("cafe", "marsh-weekly", "The Blue Heron cafe on Marsh Street reopened on "
               "Friday, six weeks after a kitchen fire. The owners, Ada and Tomas Reyes, "
               "rebuilt the counter from the timber of an old fishing boat, and the queue "
               "for their cinnamon buns stretched past the bakery next door.")


def storms() -> dict[str, Article]:
    # Undated, so that the judge decides and not the time window.
    return {a.id: replace(a, published=None) for a in fixture_articles()}


def misfiled(items: dict[str, Article]) -> Grouper:
    """A store where the flood's second report sits in the power cut's story, as a
    single pass can leave it when the second report arrives before the first."""
    grouper = Grouper(revisable=True)
    grouper.add_existing(items["courier-hollis"], "story-1")
    grouper.add_existing(items["courier-ines"], "story-2")
    grouper.add_existing(items["gazette-hollis"], "story-2")
    grouper.add_existing(items["gazette-ines"], "story-2")
    return grouper


def test_a_misfiled_report_moves_to_its_events_story() -> None:
    items = storms()
    grouper = misfiled(items)
    moved = revise(grouper, list(items)[:4])
    assert moved == {"gazette-hollis": "story-1"}
    assert [grouper.story_of(i) for i in ("courier-hollis", "courier-ines", "gazette-ines")] \
        == ["story-1", "story-2", "story-2"]


def test_only_the_articles_given_are_revised() -> None:
    # `newsweave group --into` revises what it adds: stored articles keep their stories.
    grouper = misfiled(storms())
    assert revise(grouper, ["courier-ines", "gazette-ines"]) == {}
    assert grouper.story_of("gazette-hollis") == "story-2"


def test_a_report_of_no_story_there_stands_alone_and_its_story_keeps_its_id() -> None:
    items = storms()
    grouper = Grouper(revisable=True)
    grouper.add_existing(items["courier-hollis"], "story-1")
    grouper.add_existing(CAFE, "story-1")
    grouper.add_existing(items["gazette-hollis"], "story-1")
    moved = revise(grouper, ["courier-hollis", "cafe", "gazette-hollis"])
    assert set(moved) == {"cafe"} and moved["cafe"] not in ("", "story-1")
    assert grouper.story_of("courier-hollis") == grouper.story_of("gazette-hollis") == "story-1"
    assert grouper.story_count == 2


def test_the_replica_finds_what_this_process_finds_after_each_move() -> None:
    items = storms()
    grouper = misfiled(items)
    ids = ["gazette-ines", "courier-ines", "courier-hollis"]
    before = [second_look._candidates(grouper, a) for a in ids]
    with Replica(grouper, second_look._candidates) as copy:
        grouper.move(["gazette-hollis"], "story-1")
        copy.moved(["gazette-hollis"], "story-1")
        grouper.move(["courier-ines"], None)
        copy.moved(["courier-ines"], None)
        there = copy.candidates(ids).get()
    here = [second_look._candidates(grouper, a) for a in ids]
    assert [offered for offered, _ in there] == [offered for offered, _ in here]
    assert all((a == b).all() for (_, a), (_, b) in zip(there, here, strict=True))
    assert [offered for offered, _ in before] != [offered for offered, _ in here]


def _fails(grouper: Grouper, article_id: str) -> replica.Candidates:
    raise KeyError(article_id)


def test_an_error_in_the_replica_is_raised_here_and_the_copy_ends() -> None:
    grouper = misfiled(storms())
    with pytest.raises(KeyError, match="gazette-ines"), Replica(grouper, _fails) as copy:
        process = copy._process
        copy.candidates(["gazette-ines"]).get()
    assert not process.is_alive() and process.exitcode == 0


def test_a_second_look_shared_with_the_replica_moves_the_same_articles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    items = storms()
    ids = ["courier-hollis", "cafe", "courier-ines", "gazette-hollis", "gazette-ines"]
    alone = misfiled(items)
    alone.add_existing(CAFE, "story-1")
    expected = revise(alone, ids)
    monkeypatch.setattr(replica, "REPLICA_FROM", 1)
    monkeypatch.setattr(second_look, "SHARED_FROM", 2)
    monkeypatch.setattr(second_look, "BLOCK", 2)  # moves made between the replica's blocks
    blocks: list[list[str]] = []
    asked = Replica.candidates
    monkeypatch.setattr(Replica, "candidates",
                        lambda self, ids: blocks.append(ids) or asked(self, ids))
    shared = misfiled(items)
    shared.add_existing(CAFE, "story-1")
    assert revise(shared, ids) == expected
    assert len(blocks) >= 2 and expected
    assert [shared.story_of(a) for a in ids] == [alone.story_of(a) for a in ids]


def test_revising_needs_a_revisable_grouper() -> None:
    with pytest.raises(ValueError, match="revisable"):
        revise(Grouper(), [])


def test_the_spool_writes_moved_articles_in_their_new_stories(tmp_path: Path) -> None:
    items = storms()
    with StorySpool() as spool:
        spool.add("story-1", items["courier-hollis"])
        spool.add("story-2", items["courier-ines"])
        spool.add("story-2", items["gazette-hollis"])
        spool.add("story-3", CAFE)
        spool.move({"gazette-hollis": "story-1", "cafe": "story-4"})
        found = [(story, [d["id"] for d in documents]) for story, documents in spool.stories()]
    assert found == [("story-1", ["courier-hollis", "gazette-hollis"]),
                     ("story-2", ["courier-ines"]), ("story-4", ["cafe"])]


def test_the_examples_keep_their_stories(harbor_dir: Path, hanoi_dir: Path) -> None:
    # The Hanoi reports' probabilities for their own story vary by tenths with its other
    # members (the Guardian's: 0.54 on arrival, 0.10 left out of the other three): a
    # report must not be cut from its story on such a judgement.
    # As `make demo-desk` ingests them: the harbour bridge first, then Hanoi.
    pages = list(iter_articles([str(harbor_dir), str(hanoi_dir)], print, 10**7))
    found = [sorted(a.source or "" for a in s.articles) for s in group(pages)]
    assert len(pages) == 10
    assert sorted(found) == [["ap", "bloomberg-dailymaverick", "guardian", "nymag", "nytimes"],
                             ["coastal-herald", "metro-daily", "radio-north", "the-ledger",
                              "wire-press"]]
