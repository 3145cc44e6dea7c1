"""A long scene piece joins the reports of its event, though most of its words are its own.

A long article's words used once are its colour ("glowingly", "hatchback"); rare ones
outweighed the names it repeats and crowded its subject out of its strongest terms, so
the judge met a piece sharing a handful of terms with its story and left it alone (the
Hanoi example's New York Times piece, features.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from assertions import CliRun

from newsweave.group import group
from newsweave.group.inputs import iter_articles
from newsweave.model import Article

REPORTS = [
    Article("wire", "elwin-wire", "The ferry Marigold ran aground on the Gannet sandbank "
            "outside Port Elwin on Saturday morning with 212 passengers aboard. The coastguard "
            "said nobody was hurt and that two lifeboats took the passengers off in small "
            "groups over four hours. The harbour authority closed the channel to shipping "
            "until the ferry can be refloated on Monday's high tide. The operator, Bayline "
            "Ferries, said the captain had reported a steering fault shortly before the "
            "grounding."),
    Article("courier", "elwin-courier", "Two lifeboats brought 212 passengers ashore after the "
            "Bayline ferry Marigold grounded on the Gannet sandbank on Saturday. No one was "
            "injured, the coastguard said. Bayline Ferries said a steering fault was reported "
            "minutes before the ship struck the sandbank, and the channel into Port Elwin "
            "will stay shut until the ferry is refloated on Monday."),
    Article("gazette", "coast-gazette", "The Port Elwin channel is closed after the ferry "
            "Marigold went aground on the Gannet sandbank on Saturday. All 212 passengers "
            "were taken off by lifeboat and none was hurt. Bayline Ferries blamed a steering "
            "fault and said salvage tugs would try to refloat the vessel at high tide on "
            "Monday."),
]
SCENE = Article("scene", "weekend-review", " ".join([
    "By the time the last lifeboat nosed against the slipway at Port Elwin it was nearly "
    "dusk, and the crowd along the promenade had stopped pretending not to watch the "
    "Marigold.",
    "A grandmother off the ferry, wrapped in a borrowed tartan blanket, waved at her son on "
    "the quay as though she had been away for a month rather than an afternoon.",
    "Out on the Gannet sandbank the stranded Marigold sat tilted and glittering, lit like a "
    "dropped birthday cake, while gulls wheeled above her funnel.",
    "Volunteers from the chapel handed the ferry's passengers sweet tea in paper cups and "
    "ginger biscuits from a wobbling trestle table.",
    "A weary man in a Bayline fleece apologised to anyone who would listen, then to a "
    "lamppost, then to a spaniel.",
    "Children from the ferry compared which lifeboat they had ridden in, and argued solemnly "
    "about whose coxswain had been braver.",
    "A busker abandoned his accordion to help carry a pram up the slippery granite steps.",
    "Somebody's transistor radio crackled through the shipping forecast, and an elderly "
    "fisherman muttered that the sandbank had been hungry all winter.",
    "The café by the lifeboat station stayed open past midnight, its windows steamed, its "
    "owner refusing payment from every passenger who came in shivering.",
    "A retired headmistress organised the stranded passengers into a queue for the single "
    "working telephone box with the brisk authority of a lifetime of fire drills.",
    "Two teenagers filmed everything on their phones, narrating breathlessly for invisible "
    "followers about the heroic rescue and the freezing spray.",
    "The vicar rang the church bell twice, for reasons he later said he could not quite "
    "explain, and a pair of startled swans lifted off the estuary.",
    "Somewhere behind the fish market a brass band, rehearsing for Sunday's carnival, played "
    "a mournful hymn and then, more cheerfully, a sea shanty.",
    "Lorry drivers marooned at the shuttered terminal swapped sandwiches, crosswords and grim "
    "jokes about salvage insurance.",
    "A toddler fell asleep on a coil of mooring rope, clutching a plastic dinosaur, "
    "oblivious to the floodlights and the shouting.",
    "Nobody, it seemed, wanted to go home first, as if leaving the promenade would make the "
    "whole strange day end too quickly.",
]))


def test_a_long_scene_piece_arriving_last_joins_its_events_reports() -> None:
    stories = group([*REPORTS, SCENE])
    assert [[a.id for a in s.articles] for s in stories] == [
        ["wire", "courier", "gazette", "scene"]]


def test_the_hanoi_example_is_one_story(cli: CliRun, hanoi_dir: Path, tmp_path: Path
                                        ) -> None:
    out = tmp_path / "stories.jsonl"
    result = cli("group", str(hanoi_dir), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    stories = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [sorted(d["id"] for d in s["documents"]) for s in stories] == [
        ["ap", "bloomberg-dailymaverick", "guardian", "nymag", "nytimes"]]


def test_the_desk_demo_files_hanoi_as_one_story_in_its_single_pass(
        harbor_dir: Path, hanoi_dir: Path) -> None:
    # `make demo-desk` ingests the harbour bridge, then Hanoi, one `Grouper.add` each
    # (the desk takes no second look): the NYT piece arrives last.
    pages = list(iter_articles([str(harbor_dir), str(hanoi_dir)], print, 10**7))
    found = [sorted(a.source or "" for a in s.articles)
             for s in group(pages, second_look=False)]
    assert ["ap", "bloomberg-dailymaverick", "guardian", "nymag", "nytimes"] in found
