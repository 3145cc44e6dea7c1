"""Page furniture and news: what :func:`is_boilerplate` tells apart."""

from __future__ import annotations

import pytest

from newsweave.summarizer.boilerplate import is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        # captions and credits
        "US president Donald Trump and Kim Jong-un sit down for dinner. Photograph: Leah Millis",
        "Trump at a press conference in Hanoi. Photo: Getty Images/Getty Images",
        "Rescuers search the river on Tuesday. (AP Photo/Evan Vucci)",
        # AP's archive-photo captions, in raw and in Multi-News's lowercased form
        "FILE - Smoke pours from a chimney at a cement plant in Binzhou city.",
        "File - this undated file image from an advertisement shows a corn maze.",
        "( ap ) file - in this nov. 22, 2004 file photo, the mayor speaks.",
        # Politico's related-story teaser glued into the text after a bar
        "| Jacquelyn Martin/AP photo white house Trump's new fights with women stoke concern.",
        "&#124; andrew harnik/ap photo fbi director puts responsibility on the white house.",
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
        "Embed Harbour Chief 'Will Reopen Pier on Schedule', Mayor Says 0:32 autoplay autoplay "
        "Copy this code to your website or blog",
        "Play Facebook",
        "We've detected that javascript is disabled in your browser.",
        "Please enable JavaScript to view the comments.",
        "Media requires javascript to play.",
        "Please switch on JavaScript in your browser to keep reading.",
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
        "That way, as the pages that are referenced are changed or taken from the web, a link "
        "to the old page will be kept.",
        "As part of this preservation effort, addresses sent in by readers will be kept.",
        "Readers are invited to send pages in using the public nomination tool.",
        # a page's script, a video player's and an age gate's words
        "push( { mode:'thumbnails-a ', container:'taboola-gallery-1 ' } ); _taboola.",
        "Videos you watch here will automatically be posted to your timeline.",
        "Log outif this is not you or you want to change users, logout.",
        "Please confirm your birth date: please enter a valid date.",
        # a writer's note below a column
        "Ada Quill is a writer based in Port Ellis and a former critic for the Ledger.",
        "Ivo Brandt, a professor of history at Eastmere University, is a contributor to "
        "Harbour View.",
        "Ada Quill writes about the harbour's politics.",
        'Ada Quill writes the "Harbour Lights" column for the magazine.',
        "Ada Quill can be reached at 555-0100.",
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
        "The information in each report covers significant incidents from the day before; "
        "reports published on Monday cover the preceding Friday, Saturday and Sunday.",
        # a weather widget beside the story
        "Periods of rain. High 58F. Winds ENE at 10 to 20 mph. Chance of rain 90%.",
        "Rainfall near a quarter of an inch..",
        "Kestrel point, ma ( 02139 ) today a mix of clouds and sun during the morning.",
        # a writer's alert button, a video site's sharing box, a journal's "recommend" box
        "Close get email notifications on renata vos daily!",
        "your notification has been saved.",
        "Social sharing: share videos you watch on harbour live with your facebook friends.",
        "Thank you for your interest in spreading the word about the harbour gazette.",
        "this article was originally published with the title a bridge too far.",
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
        "The file - a thick dossier on the harbour - was leaked to reporters.",
        "The AP photo of the ferry was shared widely on Tuesday.",
        "Nine people died when the northern span fell into the harbour on Tuesday.",
        "Traffic on the bridge slowed to a crawl as the water rose.",
        "The data refuge plan for the harbour archive was approved on Monday.",
        "She posted the ferry video to her timeline on Tuesday.",
        "The victim, a writer for the Ledger, was found on Monday.",
        "Quill writes about the ferry in her new book, which was published on Monday.",
        "Crews built a new column for the ferry pier, the harbour master writes.",
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
        "Hackers used a JavaScript flaw to steal the harbour trust's ferry records.",
        "The information in the police report contradicts the mayor's account of the night.",
        "Winds of up to 90 mph tore the roof off the ferry terminal on Tuesday.",
        "Rainfall in the harbour town has been near record levels all autumn.",
        "The forecast gives a 90% chance of rain for the reopening of the pier.",
        "The ferry firm ( 23 vessels ) today runs the harbour's busiest route.",
        "The novel, originally published in 1962, was reissued for the bridge's reopening.",
        "The mayor will get email notifications on the bridge's sensors every day.",
    ],
)
def test_news_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("text", "box"),
    [
        ("Harbour Lights drama: united states, 2019 release date: 2019-12-18 running length: "
         "2: 41 classification: pg-13 cast: dana moor, tomas okafor", True),
        ("Ferry festival Featuring: Dana Moor Where: Larkin Bay When: 23 Sep 2016 Credit: "
         "Harbour Photos", True),
        ('"Radio: nope. Sunroof: nope. Heated seats: nope. But it floats," the seller wrote.',
         False),
        ("Here's how it works: the ferry docks at 9, and the council votes at noon.", False),
    ],
)
def test_a_data_box_is_no_sentence(text: str, box: bool) -> None:
    from newsweave.summarizer.boilerplate import is_data_box

    assert is_data_box(text) is box
