"""Invented articles for the desk's tests: two unrelated stories told by several outlets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsweave.reading.read import DEFAULT_MAX_ARTICLE_BYTES, articles_from_file

REPO = Path(__file__).resolve().parents[2]
HARBOR = REPO / "examples" / "harbor-bridge"

WILDFIRE = [
    {"id": "fire-valley-news", "source": "valley-news",
     "title": "Wildfire forces 3,000 from homes near Arden Hills",
     "published": "2026-08-02T09:00:00Z",
     "text": "A fast-moving wildfire forced about 3,000 residents of Arden Hills to leave their "
             "homes on Sunday as strong winds pushed the flames toward the town. The fire has "
             "burned 4,200 hectares of forest since Friday, the county fire service said. "
             "Fire chief Dana Okafor said crews were protecting houses on the northern edge of "
             "the town. \"The next two days will decide this,\" Okafor said. An evacuation "
             "centre has opened at the Arden Hills high school."},
    {"id": "fire-state-wire", "source": "state-wire",
     "title": "Arden Hills evacuated as wildfire grows",
     "published": "2026-08-02T11:30:00Z",
     "text": "About 3,000 people were ordered out of Arden Hills on Sunday as a wildfire that "
             "started on Friday spread across 4,200 hectares of forest. Strong winds drove "
             "the flames toward the town's northern edge, where fire crews were defending "
             "homes. Fire chief Dana Okafor said the next two days would be critical. "
             "Residents were told to go to the evacuation centre at the high school."},
    {"id": "fire-ridge-radio", "source": "ridge-radio",
     "title": "Arden Hills wildfire: evacuation centre full",
     "published": "2026-08-02T15:00:00Z",
     "text": "The evacuation centre at the Arden Hills high school was full by Sunday evening "
             "after 3,500 residents fled a wildfire that has burned 4,200 hectares of forest. "
             "Volunteers opened a second centre in the church hall on Mill Road. Fire chief "
             "Dana Okafor said crews had saved every house on the northern edge so far."},
]


def harbor_articles() -> list[dict[str, Any]]:
    """The example story's plain-text outlets in the article JSON form (their front matter
    read as a user's files are)."""
    articles = [article for path in sorted(HARBOR.glob("*.txt"))
                for article in articles_from_file(path, [], DEFAULT_MAX_ARTICLE_BYTES)]
    return [{"id": f"harbor-{a.id}", "source": a.source, "text": a.text,
             "published": a.published} for a in articles]


def filler_articles(count: int, prefix: str = "filler") -> list[dict[str, Any]]:
    """Distinct invented articles, each on its own made-up subject (for load and batches)."""
    places = ["Orlen", "Bastow", "Quill", "Marrow", "Tenby", "Falk", "Ostra", "Veyle"]
    items = []
    for i in range(count):
        place = places[i % len(places)]
        items.append({
            "id": f"{prefix}-{i}", "source": f"outlet-{i % 7}",
            "title": f"{place} council meeting number {i}",
            "text": f"The {place} town council met on Monday for session {i} and voted "
                    f"{i % 9 + 1} to {i % 5} on item {i * 7 + 3} of its agenda. Councillor "
                    f"Member{i} said the vote on item {i * 7 + 3} settled a question raised "
                    f"{i % 11 + 2} weeks earlier. The next session is number {i + 1}."})
    return items

# A page that reports nothing, as a crawl of an outlet's link brings back (group/not_news.py).
PAYWALL_NOTICE = {
    "id": "paywall-notice", "source": "valley-news", "published": "2026-08-02T12:00:00Z",
    "text": "You have reached your limit of free articles this month. Subscribe today for "
            "unlimited access to every story on our site and app, or sign in if you already "
            "have an account. Already a subscriber? Log in to continue reading. Questions "
            "about your subscription? Contact our customer service team."}

# A cookie notice in words the notice detector does not know: no sentence of it can be
# shown (questions and fragments), yet it is no notice to group/not_news.py.
COOKIE_CHOICES = {
    "id": "cookie-choices", "source": "harbour-ledger", "published": "2026-08-02T12:00:00Z",
    "text": "Fancy letting us remember you next time?\nTiny files, stored on this device\n"
            "What each one does\nRemember me\nDon't remember me\nChanged your mind?"}
# ... and a crawler's copy of a page, titled by the crawl.
SAVED_COPY = {
    "id": "saved-copy", "source": "records-trust", "published": "2026-08-02T12:00:00Z",
    "title": "Saved copy: Harbour Ledger front page",
    "text": "Saved by the Harbour Records Trust on a spring morning\nWhy keep a copy of this "
            "page?\nFor the town's researchers, years from now\nPictures and sound not "
            "saved\nThe page as it was\nWant the original?"}
