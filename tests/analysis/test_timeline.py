"""Timeline: absolute and relative dates, resolved against publication where possible."""

from __future__ import annotations

import json

import pytest

from newsweave.analysis.timeline import build_timeline

PUBLISHED = "2024-03-07"  # a Thursday


def resolve(sentence: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    from newsweave.model import Article
    from newsweave.summarizer.clean import clean_article
    from newsweave.summarizer.segment import segment

    article = clean_article(Article(id="a", source="a", text=sentence, published=published))
    events = build_timeline([article], segment(article, 0))
    return [(e.expression, e.date, e.granularity) for e in events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal was signed on Feb. 27, 2019, in Hanoi.",
         ("on Feb. 27, 2019", "2019-02-27", "day")),
        ("The fire started on March 3 near the docks.",
         ("on March 3", "2024-03-03", "day")),
        ("The plant was last inspected in June 2022 by the city.",
         ("in June 2022", "2022-06-01", "month")),
        ("The company was founded in 2017 by two engineers.",
         ("in 2017", "2017-01-01", "year")),
        ("The summit took place on 27 February 2019 in Hanoi.",
         ("on 27 February 2019", "2019-02-27", "day")),
        ("The council met on Tuesday to debate the budget.",
         ("on Tuesday", "2024-03-05", "day")),
        ("The council met on Thursday to debate the budget.",
         ("on Thursday", "2024-03-07", "day")),
        ("The council will meet on Tuesday to debate the budget.",
         ("on Tuesday", "2024-03-12", "day")),
        ("The talks began last June in Singapore.",
         ("last June", "2023-06-01", "month")),
        ("Their first summit was held eight months ago in Singapore.",
         ("eight months ago", "2023-07-01", "month")),
        ("The storm hit the coast yesterday at dawn.",
         ("yesterday", "2024-03-06", "day")),
        ("The committee will vote on the plan next week.",
         ("next week", "2024-03-11", "week")),
        ("Forecasters expect winds to ease on Tuesday.",
         ("on Tuesday", "2024-03-12", "day")),
        ("The agency forecasts heavy rain on Saturday.",
         ("on Saturday", "2024-03-09", "day")),
        ("Forecasters expected the storm on Tuesday but it came late.",
         ("on Tuesday", "2024-03-05", "day")),
        ("Schools will stay closed until next Wednesday, officials said.",
         ("next Wednesday", "2024-03-13", "day")),
        ("The mayor said last month that the bridge was safe.",
         ("last month", "2024-02-01", "month")),
    ],
)

def test_resolution(sentence: str, expected: tuple[str, str, str]) -> None:
    assert resolve(sentence) == [expected]


def test_unresolved_without_a_publication_date_keeps_the_expression() -> None:
    found = resolve("The council met on Tuesday, and the plan was drafted in 2017.", published=None)
    assert found == [("in 2017", "2017-01-01", "year"), ("on Tuesday", None, "day")]


def test_a_name_ending_in_today_or_tonight_dates_nothing() -> None:
    assert resolve("The Harbour Today banner ran the mayor's photo on page one.") == []
    assert resolve("She became host of a cable show, Vos Tonight.") == []
    assert resolve("Today the council votes on the ferry.") == [("Today", "2024-03-07", "day")]


def test_today_as_nowadays_dates_nothing() -> None:
    for text in ("Doctors today are obsessed with numbers, the report said.",
                 "The reality of Pakistan today is that an accusation is enough."):
        assert resolve(text) == [], text
    assert resolve("The council said today is the last day to apply.") == [
        ("today", "2024-03-07", "day")]
    assert resolve("Police announced today they are investigating.") == [
        ("today", "2024-03-07", "day")]


def test_a_page_stamp_dates_no_event() -> None:
    # raw dev: "NBC 7's Wendy Fry reports. (Published Tuesday, March 29, 2016)"
    assert resolve("Harbour 7's Jo Bell reports. (Published Tuesday, March 5, 2024)") == []
    assert resolve("The pier reopened on Tuesday (updated 5 p.m.).") == [
        ("on Tuesday", "2024-03-05", "day")]


def test_words_that_look_like_months_are_not_dates() -> None:
    assert resolve("Mayor Helen Okafor may resign if the vote fails again.") == []


def test_events_are_sorted_with_offsets_and_serialisable(make_story) -> None:
    articles, sentences = make_story(
        ("The bridge collapsed on Monday. It was built in 1958 and inspected last June.",
         "2023-04-12"),
        "Divers searched the river on Tuesday for survivors.",
    )
    events = build_timeline(articles, sentences)
    assert [e.date for e in events] == ["1958-01-01", "2022-06-01", "2023-04-10", None]
    assert events[-1].resolved is False and events[-1].expression == "on Tuesday"
    for e in events:
        text = articles[e.article_index].text
        assert text[e.start:e.end] == e.text
        assert text[e.expression_start:e.expression_end] == e.expression
    json.dumps([e.to_dict() for e in events])


def test_degraded_text_is_left_out(make_story) -> None:
    articles, sentences = make_story(
        ("The bridge collapsed on Monday, officials said.", "2023-04-12"),
        ("ollapse on the bridge leaves seven dead storm warning for the coast this weekend "
         "ferry fares to rise in january traffic and travel the mayor said on monday that "
         "divers would search all night and the bridge would stay closed", "2023-04-12"),
    )
    assert articles[1].degraded
    assert [e.article_index for e in build_timeline(articles, sentences)] == [0]


def test_hanoi_years_resolve_and_weekdays_stay_unresolved(hanoi_story) -> None:
    articles, sentences, names = hanoi_story
    events = build_timeline(articles, sentences)
    resolved = {(names[e.article_index], e.expression, e.date) for e in events if e.resolved}
    assert ("nymag", "in 2017", "2017-01-01") in resolved
    thursdays = [e for e in events if "thursday" in e.expression.lower()]
    assert thursdays and all(not e.resolved for e in thursdays)  # the files carry no dates
    assert events == sorted(events, key=lambda e: (e.date is None, e.date or ""))


FLOOD = ("The river rose on Monday and flooded the lower town of Harrow, forcing hundreds of "
         "families from their homes. Rescue crews worked through the night to reach people "
         "trapped on rooftops. The mayor closed the old bridge on Tuesday evening and ordered")
FLOOD_LATER = ("The river that flooded the lower town of Harrow on Monday was falling on "
               "Wednesday, officials said, and families began to return to their homes.")


def test_a_sentence_the_text_was_cut_off_in_is_marked(make_story) -> None:
    articles, sentences = make_story((FLOOD, "2024-03-07"), (FLOOD_LATER, "2024-03-07"))
    events = {e.expression: e for e in build_timeline(articles, sentences)}
    cut, whole = events["on Tuesday evening"], events["on Monday"]
    assert cut.cut_off and cut.reads == cut.text + " …" and cut.text.endswith("and ordered")
    assert cut.to_dict()["cut_off"] is True
    assert not whole.cut_off and not events["on Wednesday"].cut_off
    assert whole.reads == whole.text


def test_reports_mark_a_cut_off_sentence_in_the_timeline() -> None:
    from newsweave.analysis.analyze import analyze
    from newsweave.analysis.report_html import render_html
    from newsweave.analysis.report_markdown import render_markdown
    from newsweave.model import Article

    analysis = analyze([
        Article(id="a", source="Valley Times", published="2024-03-07", text=FLOOD),
        Article(id="b", source="Harrow Post", published="2024-03-07", text=FLOOD_LATER),
    ])
    assert [e.expression for e in analysis.timeline if e.cut_off] == ["on Tuesday evening"]
    assert "on Tuesday evening and ordered …" in render_markdown(analysis)
    assert "on Tuesday evening and ordered …" in render_html(analysis)


def test_one_sentence_s_dates_are_one_line_of_the_timeline() -> None:
    from newsweave.analysis.analyze import analyze
    from newsweave.analysis.report_html import render_html
    from newsweave.analysis.report_markdown import render_markdown
    from newsweave.analysis.timeline import one_line_each, sentence_of
    from newsweave.model import Article

    two_days = ("The council met on Monday and agreed to reopen the ferry pier on Friday. "
                "Harbour crews worked through the night on Wednesday to clear the wreck.")
    analysis = analyze([
        Article(id="a", source="Valley Times", text=two_days),
        Article(id="b", source="Harrow Post", text="The ferry pier will reopen on Friday, "
                "the council said on Monday, after crews cleared the wreck on Wednesday."),
    ])
    lines = one_line_each(analysis.timeline, sentence_of)
    assert len(lines) < len(analysis.timeline)  # some sentence gave two dates
    assert all(len({sentence_of(e) for e in line}) == 1 for line in lines)
    shown = [e for line in lines for e in line]
    assert len(shown) == len(analysis.timeline) and all(e in shown for e in analysis.timeline)
    markdown = render_markdown(analysis)
    assert "**on Monday; on Friday** The council met on Monday" in markdown
    timeline = markdown[markdown.index("## Timeline"):markdown.index("## Entities")]
    assert timeline.count("The council met on Monday") == 1
    assert "on Monday; on Friday</span> The council met" in render_html(analysis)


def test_two_outlets_giving_the_same_two_dates_show_each_sentence_once() -> None:
    # Sorted by date, the two sentences' events interleave (2009, 2009, 2010, 2010): each
    # is still one line, where its earliest date puts it.
    from newsweave.analysis.analyze import analyze
    from newsweave.analysis.report_markdown import render_markdown
    from newsweave.model import Article

    analysis = analyze([
        Article(id="a", source="Valley Times", text="The tribunal issued arrest warrants for "
                "the general in 2009 and 2010. He has never been detained."),
        Article(id="b", source="Harrow Post", text="Warrants from 2009 and 2010 set out the "
                "case against the general. His lawyers call them political."),
    ])
    assert [e.date[:4] for e in analysis.timeline if e.date] == ["2009", "2009", "2010", "2010"]
    markdown = render_markdown(analysis)
    timeline = markdown[markdown.index("## Timeline"):markdown.index("## Entities")]
    assert timeline.count("The tribunal issued arrest warrants") == 1, timeline
    assert timeline.count("Warrants from 2009 and 2010") == 1, timeline
    assert "**2009; 2010** The tribunal issued" in timeline, timeline


VIOLINIST = ("Ada Brannock, a violinist from Hallam, was kept alive at the camp to run its "
             "orchestra. She died there in 1943. The report, prepared for the museum in 2019, "
             "lists her among its players. Lena Ortiz read the names aloud. She paused at "
             "each one. \"We owe them this,\" she said on Monday.")


def test_a_dated_sentence_that_leans_on_someone_carries_the_sentence_naming_them(
        make_story) -> None:
    articles, sentences = make_story((VIOLINIST, "2024-03-07"))
    events = {e.expression: e for e in build_timeline(articles, sentences)}
    # "She" is Ada Brannock, whom the sentence before names
    assert events["in 1943"].context == ("Ada Brannock, a violinist from Hallam, was kept "
                                         "alive at the camp to run its orchestra.")
    assert events["in 1943"].to_dict()["context"] == events["in 1943"].context
    # a speaker named by a pronoun whose sentence before leans too: back to the one naming
    assert events["on Monday"].context == "Lena Ortiz read the names aloud. She paused at each one."
    # "The report" may refer to anything before: no context, and none where a name opens
    assert events["in 2019"].context is None


def test_reports_show_who_a_dated_sentence_leans_on_before_it() -> None:
    from newsweave.analysis.analyze import analyze
    from newsweave.analysis.report_html import render_html
    from newsweave.analysis.report_markdown import render_markdown
    from newsweave.model import Article

    analysis = analyze([Article(id="a", source="Valley Times", published="2024-03-07",
                                text=VIOLINIST)])
    markdown = render_markdown(analysis)
    assert "*Ada Brannock, a violinist from Hallam, was kept alive at the camp to run its " \
        "orchestra.* She died there in 1943." in markdown
    assert ('<span class="context">Lena Ortiz read the names aloud. She paused at each one.'
            '</span> &quot;We owe them this,&quot; she said on Monday.') in render_html(analysis)
