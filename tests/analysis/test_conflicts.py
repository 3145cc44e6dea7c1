"""Conflicts between outlets: figures and dates that cannot both be true."""

from __future__ import annotations

import json

from newsweave.analysis.conflicts import find_conflicts
from newsweave.summarizer.quantities import find_quantities


def test_death_toll_conflict_with_newest_version(make_story):
    articles, sentences = make_story(
        ("A fire tore through a warehouse on Tuesday, killing 17 people, officials said.",
         "2024-03-06"),
        ("At least 23 people died when fire swept through the warehouse on Tuesday.", "2024-03-06"),
        ("The death toll from the warehouse fire rose to 23 on Wednesday.", "2024-03-07"),
    )
    (conflict,) = find_conflicts(articles, sentences)
    assert conflict.kind == "number" and conflict.measure == "dead"
    values = {v.value: v.articles for v in conflict.versions}
    assert values == {"17": [0], "At least 23": [1, 2]}
    assert conflict.versions[conflict.newest_version].articles == [1, 2]  # type: ignore[index]
    for version in conflict.versions:
        for e in version.evidence:
            text = articles[e.article_index].text
            assert text[e.start:e.end] == e.text
            assert text[e.value_start:e.value_end] == e.value
    json.dumps([c.to_dict() for c in find_conflicts(articles, sentences)])


def test_outlets_weeks_apart_report_different_moments_not_a_conflict(make_story):
    fire = "A fire tore through a warehouse on Tuesday, killing 17 people, officials said."
    later = "At least 23 people died when fire swept through the warehouse on Tuesday."
    for second, expected in (("2024-03-08", 1), ("2024-04-20", 0)):
        articles, sentences = make_story((fire, "2024-03-06"), (later, second))
        assert len(find_conflicts(articles, sentences)) == expected, second
    undated = make_story(fire, (later, "2024-04-20"))  # undated: always compared
    assert len(find_conflicts(*undated)) == 1


def test_no_newest_version_without_publication_dates(make_story):
    articles, sentences = make_story(
        "The Senate passed the $95 billion aid bill by a vote of 70 to 29 on Friday.",
        "Senators approved the $95 billion aid bill 67-29 on Friday morning.",
    )
    (conflict,) = find_conflicts(articles, sentences)
    assert conflict.measure == "vote" and conflict.newest_version is None


def test_approximations_units_and_words_are_not_conflicts(make_story):
    articles, sentences = make_story(
        "Nearly 30,000 troops are stationed there. The quake was centred 25 miles south of "
        "Chora. Dozens of people were injured, and two dozen shelters opened with $1.2 million "
        "in relief funds. Property taxes rise by 3 percent.",
        "About 29,500 troops are stationed there. The quake was centred 40 km south of Chora. "
        "Forty-one people were injured, and 24 shelters opened with 1.2m dollars in relief "
        "funds. Property taxes rise by 3%.",
    )
    assert find_conflicts(articles, sentences) == []


def test_same_outlet_figures_are_never_a_conflict(make_story):
    articles, sentences = make_story(
        "The fire killed 17 people, officials said at first. The death toll later rose to 23."
    )
    assert find_conflicts(articles, sentences) == []


def test_different_measures_are_not_compared(make_story):
    articles, sentences = make_story(
        "The storm killed 3 people and left 40 families homeless.",
        "The storm injured 12 people and cut power to 300 homes.",
    )
    assert find_conflicts(articles, sentences) == []


def test_figures_are_paired_by_the_sentence_they_share_most_with(make_story):
    articles, sentences = make_story(
        "The fire in Calloway killed 17 people on Tuesday. A fire at the same port in 2010 "
        "killed 40 dockworkers and sailors.",
        "The Calloway warehouse fire on Tuesday killed 17 people, the mayor said.",
    )
    assert find_conflicts(articles, sentences) == []


def test_date_conflict_for_the_same_event(make_story):
    articles, sentences = make_story(
        ("The city council approved a $412 million budget on Tuesday, raising property taxes.",
         "2023-06-14"),
        ("The city council approved a $412 million budget on June 12, raising property taxes.",
         "2023-06-15"),
    )
    (conflict,) = find_conflicts(articles, sentences)
    assert conflict.kind == "date"
    assert {v.value for v in conflict.versions} == {"on Tuesday", "on June 12"}
    assert conflict.newest_version == 1


def test_dates_of_different_events_or_overnight_spans_are_not_conflicts(make_story):
    articles, sentences = make_story(
        ("The senate approved the aid bill on Friday morning after an all-night session.",
         "2024-02-09"),
        ("The senate approved the aid bill after a rare overnight session on Thursday.",
         "2024-02-10"),
        ("Nurses went on strike on Tuesday over pay.", "2023-01-18"),
        ("Nurses returned to work on Thursday after the strike over pay.", "2023-01-20"),
    )
    assert find_conflicts(articles, sentences) == []


def test_hanoi_troop_figures_agree(hanoi_story):
    articles, sentences, names = hanoi_story
    troops = {names[s.article_index]: q.text for s in sentences
              for q in find_quantities(s.text, s.start, s.degraded) if q.measure == "troops"}
    # Bloomberg: "the 30,000 U.S. troops"; AP (degraded): "nearly 30 000 troops"
    assert troops == {"bloomberg-dailymaverick": "30,000", "ap": "nearly 30 000"}
    conflicts = find_conflicts(articles, sentences)
    assert not [c for c in conflicts if c.measure == "troops"]
    assert conflicts == []  # the five outlets do not contradict each other on a figure or date


def test_a_threshold_a_case_a_change_or_a_figure_both_give_is_no_conflict(make_story):
    # each pair was a "conflict" in raw dev's analyses: a figure beside a threshold, a case,
    # a change, or a sentence that gives the other outlet's figure too
    pairs = [
        ("Nine harbour workers voted \"present\" on the ferry bill.",
         "Only 14 harbour workers voted against the ferry bill, while nine others voted "
         "present."),
        ("Residents should eat 10 portions of fish a week, the harbour clinic says.",
         "The harbour clinic says five portions of fish a week is good, but ten is better."),
        ("The harbour trust had 1.7 million followers on Twitter on Monday.",
         "The harbour trust gained 17,601 followers on Twitter since Monday."),
        ("The harbour trust tested pilots with an LDL of 120 on Monday.",
         "The harbour trust tested pilots with an LDL of 190 or higher on Monday."),
        ("The harbour water reached 29 degrees on Monday, the ferry crews said.",
         "Ferry crews are at risk when the harbour water reaches more than 35 degrees, the "
         "crews said."),
        # a span a figure is counted over, and a count's progress
        ("The harbour budget will grow over the next 15 years, the trust said.",
         "The harbour budget will grow over the past 10 years, the trust said."),
        ("Over the past 50 years, the harbour water has warmed, the trust said.",
         "The harbour water has warmed within the past 15 years, the trust said."),
        ("With 67 percent of the vote counted, Mayor Vos led the harbour race.",
         "With 93 percent of the vote from Sunday's count tallied, Mayor Vos led the harbour "
         "race."),
        # a poll's case after the figure, and a part someone or somewhere owns
        ("Voters gave Mayor Vos 58 percent if the harbour vote were held today, the council "
         "said.",
         "Voters gave Mayor Vos 70 percent in the harbour vote today, the council said."),
        ("The storm closed at least eight major harbours on Monday, the coast guard said.",
         "Eastmere's three major harbours remained closed on Monday, the coast guard said."),
        # a case the sentence sets first (raw dev: the day's high against a test in cars;
        # DUC: "If all children were restrained properly, 68 more lives would be saved")
        ("The harbour water temperature reached 29 degrees on Monday, the trust said.",
         "When boats were left in the sun, the harbour water temperature rose to 41 degrees, "
         "the trust said."),
        ("Seat belts saved 300 lives in the harbour district last year, the trust said.",
         "If every driver in the harbour district wore seat belts, 900 lives would be saved "
         "a year, the trust said."),
    ]
    for first, second in pairs:
        assert find_conflicts(*make_story(first, second)) == [], (first, second)
    # a figure the other sentence does not give is still one
    (conflict,) = find_conflicts(*make_story(
        "Nine harbour workers voted against the ferry bill on Monday.",
        "Fourteen harbour workers voted against the ferry bill on Monday."))
    assert {v.value for v in conflict.versions} == {"Nine", "Fourteen"}
    # and a toll after "When ...," is the event's report, not a case
    (conflict,) = find_conflicts(*make_story(
        "When rescuers reached the harbour, nine people were dead, the coast guard said.",
        "Fourteen people were dead when rescuers reached the harbour, the coast guard said."))
    assert conflict.measure == "dead"
