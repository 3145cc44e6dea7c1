"""Quote extraction: marks, nesting, attribution, merging across outlets, degraded carriers."""

from __future__ import annotations

import json

from newsweave.analysis.marks import find_spans
from newsweave.analysis.quotes import Quote, extract_quotes


def _by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


def _speakers(articles, sentences) -> dict[str, str | None]:
    """Each quote's text and its speaker."""
    return {q.text: q.speaker for q in extract_quotes(articles, sentences)}


def test_every_occurrence_points_at_its_words(make_story):
    articles, sentences = make_story(
        "Mayor Ana Ruiz spoke on Monday. “We will rebuild the bridge,” Ms. Ruiz said.",
        "\"We will rebuild the bridge,\" the mayor told reporters in a long briefing.",
    )
    quotes = extract_quotes(articles, sentences)
    assert quotes
    for quote in quotes:
        for occ in quote.occurrences:
            assert articles[occ.article_index].text[occ.start:occ.end] == occ.text
    json.dumps([q.to_dict() for q in quotes])  # JSON-serialisable


def test_title_and_surname_resolve_to_the_full_name(make_story):
    articles, sentences = make_story(
        "President Donald Trump arrived in Hanoi on Tuesday for talks with Kim Jong-un. "
        "“It was about the sanctions,” Mr. Trump said at a news conference."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.text == "It was about the sanctions"
    assert quote.speaker == "Donald Trump"
    assert quote.occurrences[0].attribution == "Trump"


def test_pronoun_takes_the_topic_of_the_sentence_before(make_story):
    articles, sentences = make_story(
        "Mayor Ana Ruiz met the families of the victims on Friday. She promised a full inquiry "
        "into the collapse.\n\n“Nobody will be forgotten,” she said."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "Ana Ruiz"


def test_pronoun_takes_the_subject_of_its_own_sentence(make_story):
    articles, sentences = make_story(
        "The injured were taken to Harbourside General Hospital overnight.\n\n"
        "Mayor Renata Vos visited the hospital on Tuesday and praised what she called "
        "“ordinary people doing extraordinary things”."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "Renata Vos"  # not "Hospital", the sentence before's "person"


def test_pronoun_respects_gender_from_titles(make_story):
    articles, sentences = make_story(
        "Judge Mary Okoro and Mr. Tom Hale, the defence lawyer, clashed over the schedule. "
        "Mr. Hale asked for more time and called the deadline unfair. "
        "“The court has been patient enough,” she said."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "Mary Okoro"


def test_role_descriptor_resolves_when_the_article_names_the_holder(make_story):
    articles, sentences = make_story(
        "President Ruth Calloway signed the bill on Friday. "
        "“This is what it looks like when Washington works,” the president said."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "Ruth Calloway"


def test_inverted_asked_names_the_speaker(make_story):
    articles, sentences = make_story(
        "Jones watched the video on Tuesday. “How difficult is that to watch,” asked reporter "
        "James Rose of FOX 4."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "James Rose"


def test_a_speaker_named_before_who_they_are_and_the_verb(make_story):
    speakers = _speakers(*make_story(
        "The dam held through the night. “We will open the spillway at dawn,” Ines Varga, "
        "head of the regional water board, said in a statement on Monday. “Nobody downstream "
        "is at risk.”\n\n"
        "Divers found the wreck in June. “It is the best preserved ship of its age,” Dr. Tomas "
        "Lind, who led the team, told the Harbour Gazette."
    ))
    assert speakers["We will open the spillway at dawn"] == "Ines Varga"
    assert speakers["Nobody downstream is at risk."] == "Ines Varga"  # runs on
    assert speakers["It is the best preserved ship of its age"] == "Tomas Lind"


def test_a_long_phrase_before_the_verb_gives_its_name_not_an_office(make_story):
    speakers = _speakers(*make_story(
        "The ground shook for forty seconds. “Quakes of this size are expected there,” leading "
        "Dutch seismologist Dr Ana Berg tells the Gazette.\n\n"
        "The gang struck again on Friday. “This is no amateur crew,” Det. Tom Reyes of the "
        "harbour police's Fraud Division told the Gazette.\n\n"
        "“The bridge will stay shut all week,” Senate Minority Whip Lena Osei of the Port "
        "Ellis district said."
    ))
    assert speakers["Quakes of this size are expected there"] == "Ana Berg"
    assert speakers["This is no amateur crew"] in (None, "Tom Reyes")  # never the division
    assert speakers["The bridge will stay shut all week"] in (None, "Lena Osei")


def test_a_place_before_a_name_is_not_whom_a_pronoun_means(make_story):
    articles, sentences = make_story(
        "Commissioner Ivo Brandt opened the hearing on Tuesday. Cedar Bay resident Mara "
        "Quill, 80, said her parents are buried on the lot. “Nobody asked the families "
        "first,” she said."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker == "Mara Quill"


def test_whom_a_speaker_works_for_is_not_the_speaker(make_story):
    speakers = _speakers(*make_story(
        "Dr Ines Varga, chief engineer at Port Ellis Water Authority, said: “The pipes held "
        "through the worst of the storm.”\n\n"
        "Varga, winner of the Harbour Engineering Prize, said the repairs would take a week, "
        "adding, “Nobody will be without water for more than a day.”"
    ))
    assert speakers["The pipes held through the worst of the storm."] == "Ines Varga"
    assert speakers["Nobody will be without water for more than a day."] == "Ines Varga"


def test_someone_brought_in_unnamed_is_not_given_a_name_from_before(make_story):
    articles, sentences = make_story(
        "Mayor Petra Lund toured the flooded valley on Sunday. One rescue was slow as a ranger "
        "in Dunmore talked a trapped farmer through the night. “Keep talking to me, we are "
        "nearly there,” he said."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker is None


def test_a_title_s_dot_or_with_ends_no_speaker_too_soon(make_story):
    speakers = _speakers(*make_story(
        "The storm hit the coast at noon. “The swell came in faster than forecast,” said Sgt. "
        "Alma Reyes with the Port Ellis lifeguards. “We pulled out nine swimmers,” said a "
        "tired Rev. Colm Doyle, the harbour chaplain."
    ))
    assert speakers["The swell came in faster than forecast"] == "Alma Reyes"
    assert speakers["We pulled out nine swimmers"] == "Colm Doyle"


def test_unnamed_speakers_stay_unresolved(make_story):
    articles, sentences = make_story(
        "Engineers worked through the night at the plant. “It feels like a funeral in here,” "
        "said one engineer, who asked not to be named."
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.speaker is None


def test_quote_spanning_sentences_is_one_quote_and_runs_on_without_attribution(make_story):
    articles, sentences = make_story(
        "Gov. Laura Mendes spoke in the capital. “This storm is not over. The rivers will keep "
        "rising,” Mendes said. “Stay where you are.”"
    )
    quotes = _by_text(extract_quotes(articles, sentences))
    assert set(quotes) == {"This storm is not over. The rivers will keep rising",
                           "Stay where you are."}
    assert all(q.speaker == "Laura Mendes" for q in quotes.values())


def test_a_quotation_its_attribution_splits_is_one_quote_shown_joined(make_story):
    articles, sentences = make_story(
        "Dr. Neil Stone chaired the panel. “We deliberated for several years,” he said, “and "
        "could not come up with solid evidence for targets.” “Stay calm.” Even so, Stone said, "
        "“nobody should drive.” "
        "“Nobody is in danger,” said Mayor Ana Ruiz.",
        "“We deliberated for several years,” Stone told the meeting.",
    )
    quotes = extract_quotes(articles, sentences)
    joined = _by_text(quotes)[
        "We deliberated for several years … and could not come up with solid evidence for "
        "targets."]
    assert joined.speaker == "Neil Stone" and joined.article_indices == [0, 1]
    for occ in joined.occurrences:  # each part still points at its own words
        assert articles[occ.article_index].text[occ.start:occ.end] == occ.text
    # a new sentence of the same speaker, or another speaker's, is a quotation of its own
    assert {"Stay calm.", "nobody should drive.", "Nobody is in danger"} <= set(_by_text(quotes))


def test_quote_reopened_in_the_next_paragraph_is_attributed_from_its_end(make_story):
    articles, sentences = make_story(
        "Gov. Laura Mendes toured the flooded towns by helicopter on Friday.\n\n"
        "“I have seen towns where the water is up to the rooftops.\n\n"
        "“We will rebuild every one of those homes,” she said."
    )
    quotes = extract_quotes(articles, sentences)
    assert [q.speaker for q in quotes] == ["Laura Mendes", "Laura Mendes"]
    assert quotes[0].text.startswith("I have seen towns")


def test_nested_quote_stays_inside_its_outer_quote(make_story):
    articles, sentences = make_story(
        "Survivors described the night. ‘My neighbour shouted “run, just run”, and I ran,’ "
        "said Maria Kostas, 64, who lost her home.",
        "Sen. Joan Whitaker was pleased. She added: \"People told me, 'You'll never get 60 "
        "votes.' We got 70.\"",
    )
    quotes = _by_text(extract_quotes(articles, sentences))
    assert quotes["My neighbour shouted “run, just run”, and I ran"].speaker == "Maria Kostas"
    nested = quotes["People told me, 'You'll never get 60 votes.' We got 70."]
    assert nested.speaker == "Joan Whitaker"
    assert len(quotes) == 2


def test_apostrophes_inside_words_never_open_or_close_quotes():
    text = ("Kim’s aides don’t agree. ‘The players’ union won’t sign,’ he said. "
            "It's the rock 'n' roll era.")
    spans = find_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The players’ union won’t sign"]


def test_stray_and_unbalanced_marks_do_not_break_pairing():
    text = ("He left” early. “Unclosed quote runs to the end\n\n"
            "Next paragraph ’ here. “Fine now,” he said.")
    assert [text[s.start:s.end] for s in find_spans(text)] == ["Fine now"]


def test_scare_quotes_are_not_quotes_but_short_speech_is(make_story):
    articles, sentences = make_story(
        "Mr Trump described his relationship with Mr Kim as “very special”. The term "
        "“denuclearisation” remains undefined. The defence called the case a “witch hunt”.",
        "Asked if he would run again, Senator Ben Ayers said: “Absolutely not.” "
        "“Never,” he added.",
    )
    quotes = extract_quotes(articles, sentences)
    assert sorted(q.text for q in quotes) == ["Absolutely not.", "Never"]
    assert {q.speaker for q in quotes} == {"Ben Ayers"}


def test_paraphrase_without_quote_marks_is_not_a_quote(make_story):
    articles, sentences = make_story(
        "Councilwoman Rita Vance said the tax increase would fall hardest on retirees, and "
        "that she would not vote for it."
    )
    assert extract_quotes(articles, sentences) == []


def test_same_quote_in_different_styles_and_lengths_is_merged(make_story):
    articles, sentences = make_story(
        "Chief executive Priya Raman told employees in a memo: “We grew too fast, and I own that. "
        "The people leaving us did nothing wrong.”",
        "In a note to staff, CEO Priya Raman said: \"We grew too fast and I own that.\"",
        "The chief executive, Priya Raman, wrote: ‘WE GREW TOO FAST AND I OWN THAT’.",
    )
    (quote,) = extract_quotes(articles, sentences)
    assert quote.article_indices == [0, 1, 2]
    assert quote.speaker == "Priya Raman"
    assert quote.text.startswith("We grew too fast, and I own that. The people")


def test_surname_only_outlet_gets_the_full_name_from_another(make_story):
    articles, sentences = make_story(
        "Seismologist Dr Nikos Petrakis warned of aftershocks. ‘Even the ones that look fine "
        "are not fine,’ he said.",
        "Petrakis, the seismologist, warned that aftershocks could continue. \"Stay out of "
        "damaged buildings for now,\" he said.",
    )
    quotes = _by_text(extract_quotes(articles, sentences))
    assert quotes["Stay out of damaged buildings for now"].speaker == "Nikos Petrakis"


def test_degraded_articles_are_skipped_but_can_carry_a_quote(make_story):
    degraded = ("keros greece a strong earthquake struck the island late sunday killing at least "
                "120 people officials said prime minister eleni varga said our first duty is to "
                "the people still under the rubble rescue teams worked through the night and "
                "about 3 000 people slept in tents near the port while aftershocks shook the "
                "island and hundreds of people were injured")
    articles, sentences = make_story(
        "Prime Minister Eleni Varga flew to the island. ‘Our first duty is to the people still "
        "under the rubble,’ Ms Varga said.",
        degraded,
    )
    assert articles[1].degraded
    (quote,) = extract_quotes(articles, sentences)
    assert quote.article_indices == [0, 1]
    carried = [o for o in quote.occurrences if o.article_index == 1]
    assert carried and carried[0].degraded
    assert carried[0].text == "our first duty is to the people still under the rubble"


def test_hanoi_sanctions_quote_is_one_quote_by_trump_in_two_outlets(hanoi_story):
    articles, sentences, names = hanoi_story
    quotes = extract_quotes(articles, sentences)
    matching = [q for q in quotes if "It was about the sanctions" in q.text]
    assert len(matching) == 1
    quote = matching[0]
    assert quote.speaker == "Donald Trump"
    carriers = {names[i] for i in quote.article_indices}
    assert {"bloomberg-dailymaverick", "nymag"} <= carriers


def test_hanoi_other_speakers(hanoi_story):
    articles, sentences, _ = hanoi_story
    quotes = extract_quotes(articles, sentences)
    speaker = {q.text.split(",")[0]: q.speaker for q in quotes}
    assert speaker["This demonstrates that the relationship between the two has developed from "
                   "that of negotiating partners to collaborators"] == "Kim Yo-jong"
    assert speaker["It’s too early to say"] == "Kim Jong-un"
    assert speaker["I’m hopeful that the teams will get back together in the days and weeks "
                   "ahead"] == "Michael Pompeo"
    assert speaker["Kim Jong Un is quite a guy and quite a character"] == "Donald Trump"
    # "very special", "no rush", "con man": scare quotes, not reported
    scare = {"very special", "no rush", "con man"}
    assert not any(q.text.lower().strip(".") in scare for q in quotes)


def test_a_role_a_day_or_an_opening_comparison_is_not_the_speaker_s_name(make_story):
    speakers = _speakers(*make_story(
        "The ferry lost power off Cedar Bay on Monday. “We drifted for two hours,” Passenger "
        "Peter Vance told the Gazette.\n\n"
        "Former Director of National Intelligence James Orrin said on Sunday that the engines "
        "would be checked. “Nobody is to blame yet,” Orrin said.\n\n"
        "Harbour pilot Dana Holt posted the news on Twitter Friday afternoon, writing, “All "
        "passengers are safe.”\n\n"
        "Tom Vale ran the harbour for a decade. Unlike Holt, Vale blames the crew. “They "
        "ignored the alarms,” he said."
    ))
    assert speakers["We drifted for two hours"] == "Peter Vance"  # not "Passenger Peter Vance"
    assert speakers["Nobody is to blame yet"] == "James Orrin"  # not "Intelligence James ..."
    assert speakers["All passengers are safe."] != "Twitter Friday"
    assert speakers["They ignored the alarms"] == "Tom Vale"  # the subject, not "Unlike Holt"


def test_joined_initials_stay_in_the_name_and_a_heading_is_no_speaker(make_story):
    speakers = _speakers(*make_story(
        "“The pier will reopen in May,” said H.R. Vance, the harbour's engineer.\n\n"
        "The ferry poll closed on Monday.\n\n"
        "WHAT THE SURVEY FOUND: “Most residents want the ferry back.”"
    ))
    assert speakers["The pier will reopen in May"] == "H.R. Vance"  # not "R. Vance"
    assert speakers["Most residents want the ferry back."] is None  # not "SURVEY FOUND"


def test_a_handle_before_a_colon_is_the_speaker():
    # a newsletter's "TOP TWEETS: @BuzzFeedAndrew: “...” ... @gabrielsherman: “...”": each
    # quote is its handle's, not the heading's or the first handle's
    from newsweave.analysis.speakers import Phrase, parse_phrase

    assert parse_phrase(" @harbourdan") == Phrase("name", "@harbourdan", strong=True)
    assert parse_phrase("TOP TWEETS") is None


def test_more_verbs_of_speech_and_a_colleague_named_without_a_comma(make_story):
    speakers = _speakers(*make_story(
        "Dozens of aftershocks jolted the valley overnight. “The whole roof fell but did not "
        "hit me,” marveled resident Ana Holt.\n\n"
        "Engineer Mara Quill, who designed the pier, says the design is sound. Quill's "
        "colleague Tomas Lind says the pier could carry trains. “We see this as a freight "
        "pier first,” he explains."
    ))
    assert speakers["The whole roof fell but did not hit me"] == "Ana Holt"
    assert speakers["We see this as a freight pier first"] == "Tomas Lind"  # not Quill


def test_the_reporter_of_one_paragraph_is_not_a_reporter_named_before(make_story):
    # the Hanoi example: "a question from David Nakamura, a Washington Post reporter" and,
    # paragraphs on, another reporter's "“You’re just journalists?” she said": not his
    speakers = _speakers(*make_story(
        "The mayor answered a question from Tomas Lind, a Harbour Gazette reporter, about "
        "the ferry.\n\n"
        "Later the crowd at the pier grew restless. The ferry was late. The mayor left.\n\n"
        "Reporters from a radio station began to interview a reporter from the Coast "
        "Weekly. Other reporters, thinking she was the mayor's aide, rushed over. A scrum "
        "of microphones was thrust at the reporter.\n\n"
        "One of the reporters realized it was a case of hacks interviewing each other. "
        "“You’re just reporters?” she said in disgust.\n\n"
        "Lind said the mayor looked tired. “He has not slept in days,” Lind said."
    ))
    assert speakers["You’re just reporters?"] is None
    assert speakers["He has not slept in days"] == "Tomas Lind"


def test_a_role_in_lower_case_before_a_first_name_names_the_speaker(make_story):
    # raw dev: 'Heart doctor Gerry, 45, told wellwishers: “...”' named no one
    speakers = _speakers(*make_story(
        "Gerry Lind and his wife searched the harbour for their daughter for a week.\n\n"
        "Heart doctor Gerry, 45, told wellwishers: “The divers are going back out very soon.”"
    ))
    assert speakers["The divers are going back out very soon."] == "Gerry Lind"


def test_an_earlier_verb_parts_two_names_and_a_name_after_a_comma_speaks(make_story):
    # raw dev: 'Khan said Karamat, a more senior officer at the time, then said: “...”' was
    # "Khan Karamat"'s, and '“I talked to Gen. Kang ...” to Karamat, Khan wrote.' too
    speakers = _speakers(*make_story(
        "Retired general Oren Vale commanded the harbour garrison in 1998. Ida Marsh, an "
        "engineer, ran the dockyard then.\n\n"
        "Marsh said Vale, a more senior officer at the time, then said: “I should arrange "
        "the payment through the garrison fund.”\n\n"
        "“I met the buyer, and he gave me the cash, which I delivered” to Vale, Marsh wrote. "
        "The payment was never recorded.\n\n"
        "Vale, a spokesman for the garrison now, said: “No such payment was ever made.”"
    ))
    assert speakers["I should arrange the payment through the garrison fund."] == "Oren Vale"
    assert speakers["I met the buyer, and he gave me the cash, which I delivered"] == "Ida Marsh"
    assert speakers["No such payment was ever made."] == "Oren Vale"  # not "a spokesman"


def test_a_party_tag_and_a_verb_before_its_object_do_not_take_the_quote(make_story):
    # DUC 2006, where a first version of the rule above went wrong
    speakers = _speakers(*make_story(
        "Rep. Ada Lind, D-Mass., a leading voice on harbour safety, also predicted that the "
        "ferry amendment \"is likely to fail.\"\n\n"
        "Governor Tomas Reyes called the collapse \"a terrible blow\" and noted \"the awful "
        "sight of cars in the water.\""
    ))
    assert speakers["is likely to fail."] == "Ada Lind"
    assert speakers["the awful sight of cars in the water."] == "Tomas Reyes"
