"""The second look (group/revise.py): misfiled articles move, stored ones stay, ids hold."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_group import articles as fixture_articles

from newsweave.group import Grouper, group
from newsweave.group.inputs import iter_articles
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


def test_revising_needs_a_revisable_grouper() -> None:
    import pytest

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
