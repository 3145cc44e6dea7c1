from __future__ import annotations

import pytest

from newsweave.model import Sentence
from newsweave.summarizer.glued_headline import headline_end
from newsweave.summarizer.trim import trim

# Invented first sentences, lower-cased as Multi-News gives them.
GLUED = [
    ("Ferry captain gets 9 years for sinking of harbour ferry in storm",
     "a ferry captain was sentenced monday to 9 years in prison for the sinking of the "
     "harbour ferry that killed four passengers in a storm last winter."),
    ("Harbour trust to consider closing the old pier to all traffic",
     "the harbour trust confirmed today that it is considering closing the old pier to "
     "traffic after engineers found cracks in its northern span."),
]


@pytest.mark.parametrize(("headline", "news"), GLUED)
def test_a_headline_glued_before_the_news_is_found(headline: str, news: str) -> None:
    text = f"{headline} {news}"
    assert text[headline_end(text):] == news


@pytest.mark.parametrize("text", [
    # one sentence whose words repeat across "the": no headline before it
    "The harbour trust said on monday that the pier would close for repairs after storms "
    "damaged the northern pier, and the harbour trust will decide on friday when the pier "
    "reopens.",
    # the word before "the" needs it: a verb, a preposition
    "Divers searched the water near the old pier overnight and found the ferry's bell near "
    "the pier, where the ferry sank in the storm, the harbour trust said on tuesday.",
    # cased text: a page with its headline kept apart is not judged
    "Ferry Captain Jailed For Harbour Ferry Disaster a ferry captain was sentenced monday to "
    "9 years in prison for the sinking of the harbour ferry that killed four passengers.",
    # too short to hold a headline and a sentence
    "Ferry captain jailed the captain was jailed on monday.",
])
def test_no_headline_where_none_is_glued(text: str) -> None:
    assert headline_end(text) == 0


def test_the_cased_example_would_be_found_lower_cased() -> None:
    text = ("Ferry captain jailed for harbour ferry disaster a ferry captain was sentenced monday "
            "to 9 years in prison for the sinking of the harbour ferry that killed four "
            "passengers.")
    assert text[headline_end(text):].startswith("a ferry captain was sentenced")


def test_trim_cuts_the_headline_off_the_articles_first_sentence_only() -> None:
    headline, news = GLUED[0]
    text = f"{headline} {news}"
    first = Sentence(article_index=0, start=0, end=len(text), text=text, position=0)
    assert trim(first).text == news
    further = Sentence(article_index=0, start=0, end=len(text), text=text, position=2)
    assert trim(further).text == text
