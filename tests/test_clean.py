"""Cleaning: page furniture out, story in; degraded text recognised."""

from __future__ import annotations

from pathlib import Path

import pytest
from assertions import HANOI_NOISE

from newsweave.clean import (
    _unglue_sentences,
    clean_article,
    is_boilerplate,
    is_degraded,
    is_heading,
)
from newsweave.model import Article
from newsweave.read import read_story
from newsweave.segment import segment


def article(text: str, source: str = "test") -> Article:
    return Article(id=source, source=source, text=text)


@pytest.mark.parametrize(
    "line",
    [
        # captions and credits
        "US president Donald Trump and Kim Jong-un sit down for dinner. Photograph: Leah Millis",
        "Trump at a press conference in Hanoi. Photo: Getty Images/Getty Images",
        "Rescuers search the river on Tuesday. (AP Photo/Evan Vucci)",
        "Mourners gather outside the hall. EPA-EFE/Olivier Douliery",
        "[Photos of the Most Destructive Earthquakes of This Century]",
        "Media playback is unsupported on your device",
        "Media caption Crowds gathered on the quay as the span fell",
        # promos and navigation
        "Read more: Trump Says He Walked Out on Kim After U.S. Demands Rejected",
        "Read a QuickTake on what you need to know about North Korea sanctions",
        "READ MORE: Five things we learned from the summit",
        "Sign up for our morning briefing",
        "Related: How the talks fell apart",
        "For more information on crime in your area, visit our online crime mapping tool.",
        "To see every bridge inspection report, visit our interactive map.",
        # donation appeals, paywalls, comment prompts
        "We would like our readers to start paying for Daily Maverick...",
        "We have not put it behind a paywall because the truth should not be a luxury.",
        "If you appreciate it then please consider contributing whatever you can.",
        "Support Daily Maverick→",
        "Please peer review 3 community comments before your comment can be posted",
        "Join the conversation below.",
        # author bios and credits
        "schreck is the ap s asia pacific news director follow him on twitter adamschreck",
        "Jane Doe is a staff writer covering transport.",
        "Reporting by Hyonhee Shin; Editing by Lincoln Feast",
        "By Owen Tacker",
        "Advertisement Continue reading the main story",
        "You must log in to continue.",
        "JUST WATCHED Mayor: Pier will reopen by spring Replay More Videos ...",
        "MUST WATCH Mayor: Pier will reopen by spring 02:14",
        "Story highlights the pier reopens in spring two inspections are planned.",
        # buttons and credits glued into the text (Multi-News's one-line articles)
        "Pier reopens enlarge this image toggle caption jo bell/ap the pier reopened today.",
        "Jo bell / getty images file photo the pier reopened on monday.",
        "Buy photo a crane lifts the last section into place on tuesday.",
        "Play facebook twitter embed pier reopens 2: 23 the pier reopened on monday.",
        "Share share tweet link a man has died near the pier on sunday.",
        "Photographer: jo bell/bloomberg the port said traffic was back to normal.",
        "Add pier safety as an interest to stay up to date on the latest news.",
        "Download the harbor news app for alerts sent straight to your phone.",
        "Click to view the station's report.",
        # account prompts and the outlet's notes on its own story
        "We have sent you a verification email.",
        "Please check your email and click on the link to activate your profile.",
        "Re-enter zip code or sign up for digital access.",
        "Go to the legal help page to request content changes for legal reasons.",
        "This story was updated at 8: 26 p.m.",
        "Jan. 1, 2025, 11: 43 pm gmt / updated jan. 2, 2025, 4: 40 pm gmt the pier reopened.",
        "Updated: 5: 15 p.m. A memorial will be held on the pier.",
        "Posted at 4: 17 pm on august 24, 2025 by a staff blogger.",
        "/ updated by jo bell the pier reopened on monday after a year of repairs.",
        "[ updated at 7: 59 p.m. ] the mayor called the reopening a relief.",
        "Updated: december 17, 2025, at 3: 05 a.m. The pier was closed again.",
        "Follow harbornews on facebook and twitter the pier reopened on monday.",
        "Report this ad the council met on monday to discuss the pier.",
        "And while you're here, why don't you sign up to.",
        # e-mail sign-up boxes
        "Breaking News Emails Get breaking news alerts from our desk.",
        "The day's top stories, delivered weekday mornings.",
        "Thank you for subscribing!",
        "Invalid email address.",
        "Please try again later.",
        "View all of our newsletters.",
        # embedded tweets' interface text
        "Tweet with a location",
        "You can add location information to your Tweets from the app.",
        "You can delete your Tweet location history at any time.",
        # legal and crawl notices
        "These crawls are part of an effort to keep old pages alive.",
        "The goal is to fix all broken links on the web .",
        "The WARC files for this collection are private.",
        "© 2025 Metro Daily. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        # site templates: players, comment forms, paywalls, sign-ups, archives, missing pages
        "Rating is available when the video has been rented.",
        "Add this tweet to your website by copying the code below.",
        "This will appear next to all of your comments this will not appear anywhere.",
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
        "Thank you for reading 5 free articles on the Harbor Gazette.",
        "Dear reader, as you can imagine, more people are reading the Gazette than ever.",
        "Please enable cookies on your web browser in order to continue.",
        "Already have an account? We have sent a confirmation email to your address.",
        "You will receive occasional promotional offers for programs that support us.",
        "Get harbour headlines in your inbox: the top local stories, delivered daily.",
        "Get push notifications with news, features and more.",
        "These files are currently not publicly accessible.",
        "Sorry, the page you requested was not found.",
        "Would you like to view this in our Spanish edition?",
        "Gofundme has verified that the funds raised will go to the ferry crew.",
        "Will Oremus is Slate's senior technology writer.",
        "This copy may not be in its final form and may be updated.",
        "We look forward to seeing you on [ website ] frequently.",
    ],
)
def test_noise_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Trump said on Twitter that Mr. Cohen was lying in order to reduce his prison time.",
        "In the morning photo session on Thursday, Mr. Kim stunned the room.",
        "Kim refused to walk away from his nuclear program, according to two officials.",
        "The readers of the report were alarmed by what it said about the bearings.",
        "Nine people died when the northern span fell into the harbour on Tuesday.",
        "Traffic on the bridge slowed to a crawl as the water rose.",
        "Please give the documents to the embassy official, the letter says.",
        "The senator said in a tweet that the vote was a disgrace.",
        "Parcels delivered to the wrong address were returned to the depot.",
        "Families who want to visit our ward can call ahead, the hospital said.",
        "Must watch: the council votes on the pier at 7:30 tonight.",
        "The ferry will replay its safety video before every crossing.",
        "The museum founded by J. Paul Getty lent two paintings for the reopening.",
        "Updated figures released on Monday show 40 people were hurt.",
        "The story was first reported by the Harbor Gazette, which posted it at noon.",
        "Investors who click on the ads are shown the new toll prices, the report says.",
        "The video, posted at 5: 35 p.m., shows the mayor cutting the ribbon on the pier.",
        "The council voted 7-2 to reopen the pier on a 50/50 cost split with the port.",
        "The BBC will launch an online subscription service in the United States next year.",
        "Readers will be limited to 20 free articles on the website each month.",
        "Households (51 percent) have an account with the harbour credit union.",
        "The speaker got a confirmation email about 45 minutes after the post went out.",
        "The new privacy policy lets the ferry company share passenger data.",
        "This collection of harbour photographs was donated to the museum in 1931.",
        "Renata Vos is the harbour's first woman editor, the Gazette said in 1931.",
    ],
)
def test_news_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_sidebar_headline_list_inside_an_article_is_dropped() -> None:
    text = (
        "Bridge collapse kills nine\n\n"
        "Nine people died when the northern span of the bridge fell into the harbour.\n\n"
        "Most read\nHarbour ferry fares to rise in January\nLions sign new goalkeeper\n"
        "Storm warning issued for northern coast\n\n"
        "Divers searched the water into the night under floodlights.\n"
    )
    cleaned = clean_article(article(text))
    assert cleaned.text == (
        "Nine people died when the northern span of the bridge fell into the harbour.\n\n"
        "Divers searched the water into the night under floodlights."
    )
    assert cleaned.title == "Bridge collapse kills nine"


def test_teasers_under_a_read_more_line_are_dropped() -> None:
    text = (
        "Nine people died when the northern span of the bridge fell into the harbour.\n\n"
        "Read more:\n\n"
        "Harbour ferry fares to rise in January as costs climb\n\n"
        "A tiny bookstore had to relocate. Hundreds formed a human chain to move its books.\n\n"
        "Divers, who worked through the night under floodlights in strong currents and near "
        "zero visibility, said on Wednesday morning that the search for the three people still "
        "missing would continue for as long as the harbour master allowed it.\n"
    )
    cleaned = clean_article(article(text))
    assert cleaned.text.split("\n\n") == [
        "Nine people died when the northern span of the bridge fell into the harbour.",
        text.split("\n\n")[-1].strip(),  # prose again: the list is over
    ]


def test_long_caption_ending_in_a_credit_is_dropped_whole() -> None:
    caption = " ".join(["The president leaves the podium in the Rose Garden on Friday."] * 9)
    caption += " EPA-EFE/Olivier Douliery / POOL"
    assert len(caption.split()) > 80  # longer than the paragraph rule looks at
    body = "The talks in Hanoi ended early on Thursday without any agreement."
    cleaned = clean_article(article(f"{caption}\n\n{body}"))
    assert cleaned.text == body


def test_caption_ending_in_an_agency_credit_is_dropped() -> None:
    caption = (
        "A man is rescued from the rubble in Accumoli, central Italy, Wednesday, Aug. 24, 2016. "
        "A strong earthquake rocked the region early Wednesday... (Associated Press)"
    )
    body = "The earthquake struck at 3:36 a.m. and was felt as far away as Rome, officials said."
    assert clean_article(article(f"{caption}\n\n{body}")).text == body
    # a dateline credit opens a story; it is not a caption
    story = "ROME (Reuters) - Rescuers dug through rubble in the town of Amatrice on Wednesday."
    assert clean_article(article(story)).text == story


def test_story_highlights_block_is_dropped() -> None:
    text = (
        'Story highlights Mayor: the bridge is "safe, and it will stay open"\n\n'
        "Engineers found no cracks in the northern span\n\n"
        'Two inspections are planned before winter, the council says "for peace of mind"\n\n'
        "(CNN) The city's northern bridge will stay open to traffic after engineers found no "
        "sign of damage in an inspection that ended on Tuesday night, the mayor said.\n"
    )
    assert clean_article(article(text)).text == text.split("\n\n")[-1].strip()


def test_highlights_glued_onto_a_whole_article_line_keep_the_article() -> None:
    # Multi-News joins CNN's highlights and the story into one line: only sentences go.
    text = "Story highlights the bridge stays open " + " ".join(
        ["The northern span of the bridge was inspected on Tuesday night."] * 10
    )
    assert clean_article(article(text)).text == text


def test_title_is_a_headline_not_a_section_label() -> None:
    text = (
        "global politics\n\nTrump Cuts Short North Korea Summit, Returns Empty Handed\n\n"
        "The talks in Hanoi ended early on Thursday without any agreement.\n"
    )
    cleaned = clean_article(article(text))
    assert cleaned.title == "Trump Cuts Short North Korea Summit, Returns Empty Handed"
    assert "global politics" not in cleaned.text


def test_title_case_headline_with_a_full_stop_is_a_heading() -> None:
    headline = "Trump and Kim Started With Dinner and Praise. They Ended Without a Handshake."
    assert is_heading(headline)
    assert not is_heading("It was an unlikely bromance that began last summer in Singapore.")


def test_given_title_is_kept() -> None:
    cleaned = clean_article(
        Article(id="a", source="a", text="Heading Here\n\nBody text of the article goes on.",
                title="Real Title")
    )
    assert cleaned.title == "Real Title"


def test_hanoi_noise_never_survives_cleaning(hanoi_dir: Path) -> None:
    story = read_story([str(hanoi_dir)], [])
    for raw in story.articles:
        cleaned = clean_article(raw)
        if cleaned.degraded:  # kept whole as a source; never shown (see test_summarize)
            continue
        for noise in HANOI_NOISE:
            assert noise.lower() not in cleaned.text.lower(), (raw.source, noise)


def test_hanoi_titles(hanoi_dir: Path) -> None:
    titles = {
        a.source: clean_article(a).title for a in read_story([str(hanoi_dir)], []).articles
    }
    assert titles["nymag"] == "Trump Cuts Short North Korea Summit, Returns Empty Handed"
    assert titles["guardian"] == (
        "Trump seeks to cement his ‘very special’ relationship with North Korea"
    )
    assert titles["nytimes"] and titles["nytimes"].startswith("Trump and Kim Started")


# -- degraded text -----------------------------------------------------------------------

DEGRADED = (
    "ollapse on the tollan bridge leaves at least seven dead emergency services in port ellis "
    "say at least seven people have died after part of the tollan bridge collapsed into the "
    "harbour this evening the northern span gave way just before six oclock when the bridge "
    "was packed with rush hour traffic heading out to kestrel point a number fourteen bus and "
    "several cars went into the water police say around forty people have been taken to "
    "hospital"
)


def test_degraded_text_is_recognised() -> None:
    assert is_degraded(DEGRADED)
    long_text = f"{DEGRADED} {DEGRADED}"
    assert is_degraded(long_text.replace(" police say", ". police say", 1))  # a stray stop


def test_prose_is_not_degraded() -> None:
    prose = " ".join(
        ["Nine people died when the bridge fell. Divers searched the water overnight."] * 8
    )
    assert not is_degraded(prose)
    assert not is_degraded("a short lowercase line with no punctuation")


def test_a_list_of_headlines_is_not_degraded(bad_dir: Path) -> None:
    assert not is_degraded((bad_dir / "fragments.txt").read_text(encoding="utf-8"))


def test_degraded_article_is_flagged_and_kept_whole() -> None:
    cleaned = clean_article(article(DEGRADED + "\n\n  follow him on twitter  "))
    assert cleaned.degraded
    assert cleaned.text == " ".join((DEGRADED + " follow him on twitter").split())


def test_hanoi_ap_is_the_only_degraded_article(hanoi_dir: Path) -> None:
    story = read_story([str(hanoi_dir)], [])
    degraded = {a.source for a in story.articles if clean_article(a).degraded}
    assert degraded == {"ap"}


def test_harbor_radio_transcript_is_degraded(harbor_dir: Path) -> None:
    story = read_story([str(harbor_dir)], [])
    degraded = {a.source for a in story.articles if clean_article(a).degraded}
    assert degraded == {"radio-north"}


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("The span fell at 6pm.Police closed the road.",
         "The span fell at 6pm. Police closed the road."),
        ("The mayor told REPORTERS.Divers searched all night.",
         "The mayor told REPORTERS. Divers searched all night."),
        # a straight quote closes the sentence before it, or opens the next one
        ('Vos said "we will rebuild."Then she left.', 'Vos said "we will rebuild." Then she left.'),
        ('The water was cold."It was dark," a diver said.',
         'The water was cold. "It was dark," a diver said.'),
        ("The water was cold.“It was dark,” a diver said.",
         "The water was cold. “It was dark,” a diver said."),
        # abbreviations, web addresses and figures are not sentence ends
        ("The U.S.Army sent boats to the harbor.", "The U.S.Army sent boats to the harbor."),
        ("Repairs will cost 3.5 Million euros, e.g.The deck alone.",
         "Repairs will cost 3.5 Million euros, e.g.The deck alone."),
    ],
)
def test_sentences_glued_by_a_scraper_get_their_space_back(glued: str, spaced: str) -> None:
    assert clean_article(article(glued)).text == spaced


def test_a_web_address_is_not_taken_for_glued_sentences() -> None:
    # capitals inside a web address are no sentence start
    line = "Details are at www.PortEllis.gov, the city said."
    assert _unglue_sentences(line) == line


def test_glued_sentences_are_segmented_apart() -> None:
    text = ('Nine people died when the span fell.Police closed the road at once.'
            '"We will rebuild," the mayor said.')
    cleaned = clean_article(article(text))
    assert [s.text for s in segment(cleaned, 0)] == [
        "Nine people died when the span fell.",
        "Police closed the road at once.",
        '"We will rebuild," the mayor said.',
    ]
