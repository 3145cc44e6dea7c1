"""Trimming: datelines, openers and sign-offs go; the shown text stays an exact slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.model import Sentence
from newsweave.reading.read import read_story
from newsweave.summarizer.clean import clean_article
from newsweave.summarizer.segment import segment
from newsweave.summarizer.trim import trim, trim_span


def trimmed(text: str) -> str:
    head, tail = trim_span(text)
    return text[head:tail]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HANOI, Vietnam (AP) — As Kim sat down, he smiled.", "As Kim sat down, he smiled."),
        ("HANOI, Vietnam — It was an unlikely bromance.", "It was an unlikely bromance."),
        ("WASHINGTON — The Senate voted on Friday.", "The Senate voted on Friday."),
        ("NEW YORK, N.Y. — Stocks fell sharply.", "Stocks fell sharply."),
        # DUC's newswire: the New York Times's "_" dash, Xinhua's dated datelines
        # a station's call sign with a digit
        ("PORT ELLIS (KPEX4) - Pupils were served floor cleaner instead of juice.",
         "Pupils were served floor cleaner instead of juice."),
        ("NEW YORK _ The federal government announced tougher rules.",
         "The federal government announced tougher rules."),
        ("BEIJING (AP) _ China said on Monday it would act.", "China said on Monday it would act."),
        ("_ Germany's second doping trial opened on Tuesday.",
         "Germany's second doping trial opened on Tuesday."),
        ("MADRID, February 17 (Xinhua) -- The athlete failed a doping test.",
         "The athlete failed a doping test."),
        ("BEIDAIHE (Hebei), March 5 (Xinhua) -- China will protect its wetlands.",
         "China will protect its wetlands."),
        ("WINNIPEG, Canada, August 7 (Xinhua) -- Cuba won the final.", "Cuba won the final."),
        ("Zhengzhou, dec. 17 ( xinhua ) -- a suspect has been arrested.",
         "a suspect has been arrested."),
        ("NEW YORK—The administration is considering staying in.",
         "The administration is considering staying in."),
        ("TORONTO—The deaths last month were ruled homicides.",
         "The deaths last month were ruled homicides."),
        ("EASTMERE, Larkin Bay—Harbour Foods said Tuesday it was closing its plant.",
         "Harbour Foods said Tuesday it was closing its plant."),
        ("EASTMERE/HARWICK, The ferry operator flew out on Monday.",
         "The ferry operator flew out on Monday."),
        ("EASTMERE/HARWICK (Wire Press) - The ferry operator flew out on Monday.",
         "The ferry operator flew out on Monday."),
        ("PORT ELLIS (Wire Press) - At least seven died.", "At least seven died."),
        ("ORRIN CROSS (Rail Wire) — A freight train derailed.", "A freight train derailed."),
        ("WASHINGTON (Reuters) - The U.S. Senate voted.", "The U.S. Senate voted."),
        ("(CNN) The talks collapsed on Thursday.", "The talks collapsed on Thursday."),
        # Multi-News glues CNN's highlights onto the first sentence
        ("Story highlights the span is safe, mayor says ( cnn ) the bridge will stay open.",
         "the bridge will stay open."),
        ("Story highlights two inspections are planned washington ( cnn ) -- The span held.",
         "The span held."),
        # USA Today's video player
        ("CLOSE Hundreds of ferries have been stranded by the storm.",
         "Hundreds of ferries have been stranded by the storm."),
        ("- A man who was beaten at the ferry terminal spoke out.",
         "A man who was beaten at the ferry terminal spoke out."),
        ("Add interest the harbour guard, identified as Tom Avery, was shot in the leg.",
         "the harbour guard, identified as Tom Avery, was shot in the leg."),
        # a short aside in brackets before the sentence: call letters, a credit, a link
        ("( khbt ) an eastmere man has been charged with arson.",
         "an eastmere man has been charged with arson."),
        ("( ray oduya, the harbour ledger ) the ferry sank on sunday.",
         "the ferry sank on sunday."),
        ("[ see photos of the ferry ] to raise the hull, divers will pump in air.",
         "to raise the hull, divers will pump in air."),
        ("( harbour office ) ( harbour office ) at a glance the storm hit at noon.",
         "at a glance the storm hit at noon."),
        # Multi-News's lowercased wire datelines, AP's teasers and glued "Advertisement"
        ("North attleborough, mass. ( ap ) — a coffee shop owner got a letter.",
         "a coffee shop owner got a letter."),
        ("By mark hosenball washington ( reuters ) - the agency was involved.",
         "the agency was involved."),
        ("( cnn ) north korea has warned the united states.",
         "north korea has warned the united states."),
        ("Gunmen attacked the parade, killing at least eight... ( associated press ) tehran, "
         "iran ( ap ) — gunmen attacked a military parade on saturday.",
         "gunmen attacked a military parade on saturday."),
        ("Washington/seoul ( reuters ) - the united states said it would talk.",
         "the united states said it would talk."),
        ("( will oliver/photo via ap ) ( associated press ) london ( ap ) — the ferry sank.",
         "the ferry sank."),
        ("( matt mcclain/the washington post ) cbs news has settled a lawsuit.",
         "cbs news has settled a lawsuit."),
        ("(Photo: Jane Roe, Getty Images) The ferry sank on Sunday.", "The ferry sank on Sunday."),
        # the same buttons and labels, lower-cased as Multi-News has them
        ("Close mayor renata vos is making a $ 3 million donation to the harbour trust.",
         "mayor renata vos is making a $ 3 million donation to the harbour trust."),
        ("Photo ivo brandt was fired thursday as coach of the harbour rowing team.",
         "ivo brandt was fired thursday as coach of the harbour rowing team."),
        ("Enlarge image close harbour trust the closure came amid an inquiry.",
         "harbour trust the closure came amid an inquiry."),
        ("View images divers searched the harbour on monday.",
         "divers searched the harbour on monday."),
        ("Must watch ferry sinks in the harbour 02: 48 divers searched the hull on monday.",
         "divers searched the hull on monday."),
        ("Play facebook twitter google plus embed ferry sinks in the harbour 2: 22 divers "
         "searched the hull on monday.", "divers searched the hull on monday."),
        ("1 of 28 full screen autoplay close skip ad × divers searched the hull on monday.",
         "divers searched the hull on monday."),
        ("Related news the harbour trust says the ferry will sail again.",
         "the harbour trust says the ferry will sail again."),
        ("Related &#124; video of the ferry sinking leaves viewers shaken.",
         "video of the ferry sinking leaves viewers shaken."),
        ("Updated &#124; divers in port ellis found the hull on monday.",
         "divers in port ellis found the hull on monday."),
        # a news site's page top and a photo credit's label glued before the sentence
        ("Text size - + reset politico 44 the harbour trust met on monday.",
         "the harbour trust met on monday."),
        ("Text size - + reset vos: no plans for a new ferry politico 44 the harbour trust met "
         "on monday.", "the harbour trust met on monday."),
        ("Text size - + reset ( also on politico: vos wins again ) \"we will sail,\" vos said.",
         '"we will sail," vos said.'),
        ("Text size - + reset the ferry sank on sunday.", "the ferry sank on sunday."),
        ("Usa today sports ferry captain ian moll scored twice in the harbour cup.",
         "ferry captain ian moll scored twice in the harbour cup."),
        ("Usa today the ferry's owner has been among the port's best-known figures.",
         "the ferry's owner has been among the port's best-known figures."),
        # a picture's caption glued before the sentence with its credit
        ("Harbour master lena ostrova ( ray oduya/harbour ledger ) ostrova does not like "
         "ferries.", "ostrova does not like ferries."),
        ("The ferry terminal in port ellis, mass. ( ray oduya/associated press ) the harbour "
         "trust takes millions from fares each year.",
         "the harbour trust takes millions from fares each year."),
        ("Mayor Vos at the quay in 2014 ( picture: getty ) the council met on monday.",
         "the council met on monday."),
        ("--Children 12 and under should ride in the back seat.",
         "Children 12 and under should ride in the back seat."),
        ("• one in two ferries in the harbour is older than 40 years.",
         "one in two ferries in the harbour is older than 40 years."),
        ("advertisement the project has spent four years sweeping the area.",
         "the project has spent four years sweeping the area."),
        ("Advertisement advertisement the ledger reports that the ferry sank.",
         "the ledger reports that the ferry sank."),
        ("Advertisement: with millions at stake, the harbour trust appealed.",
         "with millions at stake, the harbour trust appealed."),
        ("UPDATE: The harbour office said the ferry would sail.",
         "The harbour office said the ferry would sail."),
        ("Update: a suspect has been charged for the killings.",
         "a suspect has been charged for the killings."),
        ("Get push notifications with news, articles, and more! funeral arrangements are pending.",
         "funeral arrangements are pending."),
        # a video page's date and readers' prompts glued onto the sentence
        ("Published on sep 12, 2018 tennis star naomi osaka revealed her crush.",
         "tennis star naomi osaka revealed her crush."),
        ("By By Mara Quill Oct 31, 2015 in Entertainment A famous photograph is a fake.",
         "A famous photograph is a fake."),
        ("By Mara Quill Mar 3, 2016 The ferry sank on Sunday.", "The ferry sank on Sunday."),
        ("Scroll to continue with content ad osaka talks about the final.",
         "osaka talks about the final."),
        ('Story continues "for me, i don\'t feel sad," osaka told reporters.',
         '"for me, i don\'t feel sad," osaka told reporters.'),
        # an update's time, and a blog's line above the post
        ("Update at 3: 40 p.m.: the youngest victim of the crash has been identified.",
         "the youngest victim of the crash has been identified."),
        ("Update feb. 13, 2013, 7: 30 p.m.: the sheriff said the fire was an accident.",
         "the sheriff said the fire was an accident."),
        ("Update ( march 31 ): a seventh person has died.", "a seventh person has died."),
        # a dash left before the sentence, in lower-cased text too
        ("-- the appeal hearing for the ferry crew will continue next week.",
         "the appeal hearing for the ferry crew will continue next week."),
        ("( cnn ) – the captain of the ferry was found alive.",
         "the captain of the ferry was found alive."),
        ("Update: 12: 32 p.m.: the man was found hiding in a shed.",
         "the man was found hiding in a shed."),
        ("Updated &#124; the first ferry left the harbour at dawn.",
         "the first ferry left the harbour at dawn."),
        ("Posted by mara quill on december 27, 2015, 7: 26 pm edt earlier on sunday, the "
         "ferry sank.", "earlier on sunday, the ferry sank."),
        ("Posted november 10, 2011 the harbour trust collaborated with the council.",
         "the harbour trust collaborated with the council."),
        # Multi-News's lower-cased bylines
        ("By ed quill the ferry sank on sunday.", "the ferry sank on sunday."),
        ("By mara quill and tom vos staff writer neighbors of the pier are alarmed.",
         "neighbors of the pier are alarmed."),
        ("By tom winter and david k. Li the company paid $ 150,000.",
         "the company paid $ 150,000."),
        ("By radar staff the ferry's captain is known as a hero.",
         "the ferry's captain is known as a hero."),
        ("By by mara quill the ferry sank on sunday.", "the ferry sank on sunday."),
        # the AP's running story, and a photographer's credit
        ("Port ellis ( ap ) — the latest on the ferry's sinking ( all times local ): — 5 p.m. "
         "Divers say they found the ferry's bell.", "Divers say they found the ferry's bell."),
        ("Mara quill for new york daily news a neighbor said nothing seemed amiss.",
         "a neighbor said nothing seemed amiss."),
        # ... and a US station's call sign in a lower-cased dateline
        ("Kestrel point, mass. ( wkrc ) - police say two teens were arrested.",
         "police say two teens were arrested."),
        ("By todd vos port ellis ( cbs4 ) – the boots of the victim lay on the quay.",
         "the boots of the victim lay on the quay."),
        # a photo credit with no brackets, NPR's picture buttons, USA Today's "buy photo"
        ("Photo by mara quill/getty images the ferry sank on sunday.",
         "the ferry sank on sunday."),
        ("Tom vos / afp / getty images on the night of march 24, the ferry sank.",
         "on the night of march 24, the ferry sank."),
        ("Reuters/mara quill/file photo the harbour trust paid $ 150,000.",
         "the harbour trust paid $ 150,000."),
        ("Mara quill/getty images; tom vos/getty images the story gets worse for the trust.",
         "the story gets worse for the trust."),
        ("Ferry sinks off port ellis enlarge this image toggle caption mara quill/ap mara "
         "quill/ap the ferry sank on sunday.", "the ferry sank on sunday."),
        ("( photo: mara quill/staff photographer ) buy photo the ferry's bell came home.",
         "the ferry's bell came home."),
        # an embedded post's hashtags and picture link run into the next sentence
        ("#ferrybell #portellis pic.twitter.com/a1b2c3d4 another image shows the bell on "
         "the quay.", "another image shows the bell on the quay."),
        # a picture's credit left before a sentence opening on "But" (raw dev's "Library of
        # Congress But Handy just used the head."); the opener stays where the rest is
        # lower case, and makes the sentence lean on the one before
        ("Port Ellis Museum Archive But the ferry's bell came home.",
         "But the ferry's bell came home."),
        ("Harbour Trust However, the bell stayed.", "However, the bell stayed."),
        ("Port Ellis Museum Archive But Vos kept the bell.", "Vos kept the bell."),
    ],
)
def test_datelines_are_trimmed(text: str, expected: str) -> None:
    assert trimmed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S. President Donald Trump — fresh from Hanoi — said the talks failed.",
        "FBI Director Christopher Wray — in a memo — said so.",
        "U.S. Rep. Adam Smith (D-Wash.) — who chairs the panel — said so.",
        "Kim Jong Un — smiling broadly — shook hands with Trump.",
        "U.S.—China talks resumed on Monday.",
        "Kim—smiling broadly—shook hands with Trump.",
        "Story continues to develop as the harbour office reports more damage.",
        "Smith _ who had left early _ said the vote was fair.",
        "The score was 3 _ 2 at halftime, officials said.",
        "The talks — which began on Wednesday — ended early.",
        "Nine people died when the bridge fell.",
        "CLOSE friends of the mayor said she would run again.",
        "By March 3, 2016 The Ledger had sold its presses.",
        "By Tuesday Oct 31, 2015 the ferry had sunk.",
        "The talks failed on Thursday (AP), officials said in the evening.",
        "(The mayor was not available.) The ferry sank on Sunday.",
        "USA Today reported that the ferry had sunk.",
        "Close friends of the mayor said she would sail again.",
        "Related research shows the ferry was unsafe.",
        "Close to 500 people were on the quay when the ferry sank.",
        "Close inspection revealed cracks in the hull.",
        "Photo ID laws were debated in the council on Monday.",
        "Close Brothers said the loan to the harbour trust was repaid.",
        "Usa today's harbour reporter explains why the ferry sank.",
        # a poll's sponsors and a rating are the sentence's own, not a picture's credit
        "A new poll ( cnn/orc ) shows the mayor ahead on the ferry question.",
        "The final drew the night's top rating ( a 4.4/8 in metered markets ) on abc.",
        "Ferry rot ( causal agents pythium and/or rhizoctonia ) spreads in damp hulls.",
        # no byline, no update's time, no blog's line
        "By the time the ferry sank, the crew had left.",
        "By late tuesday the harbour had reopened.",
        "By june the ferry was back in service.",
        "By using sonar, the divers found the wreck.",
        "By mark of the harbour trust, the pier is closed.",
        "Updated figures show 40 people were hurt.",
        "Update the timetable before the ferry sails, the trust said.",
        "Posted on the wall in 2011 was a note about the ferry.",
        "Posted by a friend on facebook, the photo went viral.",
        "By mara quill of the harbour gazette the ferry sank on sunday.",
        "Some of the crew ( kids ) were hurt in the crash on the pier.",
        # a slash that is no photo's credit
        "The cnn/ap poll found that 54 percent back the harbour trust.",
        "The 9/11 attacks closed the harbour for a week.",
        "Buy photos of the ferry at the harbour office, the trust said.",
    ],
)
def test_sentences_that_are_not_datelines_are_kept(text: str) -> None:
    assert trimmed(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Trump said the talks would go on.", "Trump said the talks would go on."),
        ("Still, Kim went home with more legitimacy.", "Kim went home with more legitimacy."),
        ("However, North Korea did not respond.", "North Korea did not respond."),
        ("And “nobody” saw it coming.", "“nobody” saw it coming."),
        # a lower-case word after the opener would start the sentence badly: kept whole
        ("But the path forward now is murky.", "But the path forward now is murky."),
        # a hook turned on the sentence before
        ("What doesn't stink is that Vell University researchers cut the herd's methane.",
         "Vell University researchers cut the herd's methane."),
        ("What is new is that the council voted.", "What is new is that the council voted."),
    ],
)
def test_discourse_openers(text: str, expected: str) -> None:
    assert trimmed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It could have been worse,” Green said. DM", "“It could have been worse,” Green said."),
        ("The talks failed on Thursday. (AP)", "The talks failed on Thursday."),
        ("The bridge will stay shut. — Jane Doe", "The bridge will stay shut."),
        # not sign-offs: the sentence has not ended
        ("He said he had sent her a DM", "He said he had sent her a DM"),
    ],
)
def test_sign_offs(text: str, expected: str) -> None:
    assert trimmed(text) == expected


def test_dateline_opener_and_sign_off_together() -> None:
    text = "WASHINGTON — But Trump said the talks would go on. (AP)"
    assert trimmed(text) == "Trump said the talks would go on."


def test_untouched_sentence_is_returned_as_is() -> None:
    sentence = Sentence(0, 10, 48, "Nine people died when the bridge fell.", 0)
    assert trim(sentence) is sentence


def test_trim_moves_offsets_inwards_only() -> None:
    text = "Intro. WASHINGTON — But Trump said the talks would go on. (AP)"
    start = text.index("WASHINGTON")
    sentence = Sentence(0, start, len(text), text[start:], 3, degraded=False)
    shown = trim(sentence)
    assert shown.text == "Trump said the talks would go on."
    assert text[shown.start : shown.end] == shown.text
    assert (shown.article_index, shown.position) == (0, 3)


@pytest.mark.parametrize("example", ["hanoi", "harbor", "story"])
def test_trimming_never_breaks_the_slice_invariant(
    example: str, request: pytest.FixtureRequest
) -> None:
    directory: Path = request.getfixturevalue(
        {"hanoi": "hanoi_dir", "harbor": "harbor_dir", "story": "story_dir"}[example]
    )
    articles = [clean_article(a) for a in read_story([str(directory)], []).articles]
    changed = 0
    for index, article in enumerate(articles):
        for sentence in segment(article, index):
            shown = trim(sentence)
            assert article.text[shown.start : shown.end] == shown.text
            assert sentence.start <= shown.start <= shown.end <= sentence.end
            changed += shown is not sentence
    if example != "story":
        assert changed, "the real examples have datelines or openers to trim"


def test_a_caption_behind_a_photo_credit_is_still_a_caption() -> None:
    from newsweave.summarizer.readability import points_at_the_page

    text = "( disney-pixar via ap ) in this image released by disney-pixar, joy appears in a scene."
    assert points_at_the_page(trimmed(text))


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        # South Asian and Gulf papers' datelines end in a colon, on the article's first line
        ("LAHORE: An enraged mob set fire to the kiln.", True,
         "An enraged mob set fire to the kiln."),
        ("NEW DELHI: The ferry service resumed on Monday.", True,
         "The ferry service resumed on Monday."),
        # further in, a transcript's speaker
        ("CLINTON: Well, Congresswoman, I did not conduct most of it on e-mail.", False,
         "CLINTON: Well, Congresswoman, I did not conduct most of it on e-mail."),
        ("Lahore: an enraged mob set fire to the kiln.", True,
         "Lahore: an enraged mob set fire to the kiln."),
    ],
)
def test_a_colon_dateline_only_opens_an_article(text: str, first: bool, expected: str) -> None:
    head, tail = trim_span(text, first=first)
    assert text[head:tail] == expected


def test_trim_knows_which_sentence_opens_its_article() -> None:
    text = "KARACHI: Seven ferries were stranded by the storm."
    opening, further = Sentence(0, 0, len(text), text, 0), Sentence(0, 0, len(text), text, 5)
    assert trim(opening).text == "Seven ferries were stranded by the storm."
    assert trim(further).text == text


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        # Multi-News lowercases a dateline that names no agency
        ("New york — wall street is losing its main man.", True,
         "wall street is losing its main man."),
        ("Ann arbor, mi - while most couples marry, some do not.", True,
         "while most couples marry, some do not."),
        ("Colorado springs, colo. – the ferry was late again.", True,
         "the ferry was late again."),
        ("Houston – Almost two years ago, the harbour flooded.", True,
         "Almost two years ago, the harbour flooded."),
        # ... or one whose punctuation is gone, before "a", "an" or "the"
        ("Toronto a canadian family lived with the ferry captain.", True,
         "a canadian family lived with the ferry captain."),
        ("Washington, d.c. the fight for the pier went on.", True,
         "the fight for the pier went on."),
        ("London police said the ferry sank.", True, "London police said the ferry sank."),
        ("London having a ferry is the secret.", True, "London having a ferry is the secret."),
        ("Toronto a canadian family lived with the ferry captain.", False,
         "Toronto a canadian family lived with the ferry captain."),
        # further in, or closed by a second dash, it is an aside
        ("New york — wall street is losing its main man.", False,
         "New york — wall street is losing its main man."),
        ("The system — called thaad — was scheduled for deployment.", True,
         "The system — called thaad — was scheduled for deployment."),
        ("Arthropods — a huge group that includes insects — have been found.", True,
         "Arthropods — a huge group that includes insects — have been found."),
        ("Kim jong un — smiling broadly — shook hands with trump.", True,
         "Kim jong un — smiling broadly — shook hands with trump."),
    ],
)
def test_a_lowercased_dateline_only_opens_an_article(text: str, first: bool, expected: str
                                                      ) -> None:
    head, tail = trim_span(text, first=first)
    assert text[head:tail] == expected


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        # a headline glued before the article's first sentence, "updated" between them
        ("Ferry sinks in the harbour after storm updated a ferry carrying 19 people sank on "
         "sunday.", True, "a ferry carrying 19 people sank on sunday."),
        ("Harbour trust to vote on the pier by mara quill updated 4: 23 p.m. &#124; the trust "
         "will vote on tuesday.", True, "the trust will vote on tuesday."),
        ("Ferry captain found alive, police say updated 5: 14 p.m. Et on 7/24 ( cnn ) – the "
         "captain of the ferry was found alive.", True,
         "the captain of the ferry was found alive."),
        # ... or with a dated byline, or a dateline, between them
        ("Ferry trust to oppose pier deal by mara quill sunday, july 31, 2011 21: 39 edt the "
         "trust will vote against the deal.", True, "the trust will vote against the deal."),
        ("Ferry captain found alive ( afp ) – nov 11, 2012 port ellis — police said on sunday "
         "the captain was alive.", True, "police said on sunday the captain was alive."),
        ("Us doctors discourage ferry trips for babies under two washington — like 90 percent "
         "of parents, mara quill takes her daughter on the ferry.", True,
         "like 90 percent of parents, mara quill takes her daughter on the ferry."),
        # an aside between dashes, and a place where the news happened, are no dateline
        # ... or a station's, with its call sign
        ("The trust reopened its inquiry into the sinking of a ferry almost half a century "
         "ago. ( wkrc-tv ) the trust has reopened its inquiry into the sinking.", True,
         "the trust has reopened its inquiry into the sinking."),
        ("Stock chart for harbour &amp; co. ( wfc ) ferry lenders including the trust are "
         "here.", True, "Stock chart for harbour &amp; co. ( wfc ) ferry lenders including "
         "the trust are here."),
        ("Tim vos — one of the best captains ever to sail out of boston — was fired on "
         "wednesday.", True, "Tim vos — one of the best captains ever to sail out of boston — "
         "was fired on wednesday."),
        ("The mayor received a clock during her overnight stay in houston – a gift she might "
         "not want.", True, "The mayor received a clock during her overnight stay in houston "
         "– a gift she might not want."),
        # further in the article, it is no headline
        ("Ferry sinks in the harbour after storm updated a ferry carrying 19 people sank on "
         "sunday.", False, "Ferry sinks in the harbour after storm updated a ferry carrying 19 "
         "people sank on sunday."),
        # what was updated, and by whom
        ("The harbour trust has updated the timetable for the ferries.", True,
         "The harbour trust has updated the timetable for the ferries."),
        ("The harbour trust updated their online timetable for the ferries.", True,
         "The harbour trust updated their online timetable for the ferries."),
        ("The ferry licence agreement last updated august 2, 2010 was signed.", True,
         "The ferry licence agreement last updated august 2, 2010 was signed."),
    ],
)
def test_a_headline_glued_before_the_first_sentence_goes(text: str, first: bool,
                                                          expected: str) -> None:
    sentence = Sentence(article_index=0, start=0, end=len(text), text=text,
                        position=0 if first else 3)
    assert trim(sentence).text == expected
