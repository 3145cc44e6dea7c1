"""Is a piece of text page furniture, never news? Captions, credits, promos, appeals,
sign-up and cookie prompts, bios, crawl notices and site templates.

:func:`is_boilerplate` is asked of every short paragraph (``clean.py``) and of every
sentence after segmentation (``segment.py``), so it must be fast: each rule names the
literals one of which any of its matches contains, one regex finds which literals a text
holds, and only their rules are tried.
"""

from __future__ import annotations

import re

# Each rule: the lowercase literals one of which any match must contain, and the pattern.
# Testing for the literals first spares most sentences every pattern; a pattern is tried
# only where its own literals occur.
# A site's push-notification prompt: boilerplate on its own; glued onto a sentence of the
# story, ``trim`` takes it off instead.
PUSH_PROMPT = r"get push notifications with news, \w+,? and more"
_NOISE_RULES: list[tuple[tuple[str, ...], str]] = [
    # captions and photo credits
    (("photo", "getty"),
     r"\bPhotograph:|\bPhoto(?:graph)?s? ?(?::|by\b|credit)|\(AP Photo|\bAP Photo/|Getty Images"),
    (("media",), r"\bMedia (?:playback is unsupported|caption)\b"),
    (("image", "epa-efe", "reuters", "file photo", "file picture"),
     r"\bImage (?:copyright|caption)|\bEPA-EFE\b|/Reuters\s*$|\bREUTERS/|"
     r"\bFile (?:photo|image|picture)\b"),
    # Politico's related-story teaser, glued into the text after a bar: "| Jacquelyn
    # Martin/AP photo white house Trump's new fights with women stoke ..."
    (("/ap photo",), r"\b[\w.'’-]+/AP Photo\b"),
    # AP's caption of an archive photo: "FILE - Smoke pours from a chimney in ..."
    (("file -", "file –", "file —"), r"^\(?\s?FILE ?[-–—]+ "),
    (("afp", "shutterstock", "photo:", "video:", "watch:"),
     r"\bAFP via Getty|\bShutterstock\b|\(Photo:|\bVideo:|^Watch:|^WATCH:"),
    # promos and navigation
    (("read ", "related:", "see also"),
     r"^(?:Read|READ) (?:more|More|MORE|a QuickTake|the full|our)\b|^Related:|^RELATED:|"
     r"^See also\b"),
    (("sign up", "subscribe", "click here", "download", "listen", "follow us", "get the",
      "share this"),
     r"^(?:Sign up|Subscribe|Click here|Download|Listen|Follow us|Get the|Share this)\b"),
    (("newsletter", "click here", "subscribe", "advertisement"),
     r"\bnewsletters?\b|\bclick here\b|\bsubscribe (?:now|today|to)\b|^Advertisement\s*$"),
    (("continue reading", "continued below", "in to continue"),
     r"\bContinue reading the main story\b|^Story continued below|"
     r"\b(?:log|sign) in to continue\b"),
    # USA Today's video player: its close button and the clip's blurb, "CLOSE Police
    # departments across the country responded to bomb threats ... USA TODAY"
    (("close ",), r"(?-i:^CLOSE (?!To\b)[A-Z][a-z])"),
    # CNN's video widget: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:56"
    (("replay more", "must watch"), r"\bReplay More Videos\b|^MUST WATCH\b.*\b\d{1,2}: ?\d\d\s*$"),
    # CNN's bullet highlights glued onto text with no "(CNN)" after them to trim them at
    # (trim.py): no sentence boundary to find between the bullets and the story
    (("story highlights",), r"^Story highlights\b(?!.*\(\s?CNN\s?\))"),
    # player, gallery and sharing buttons glued into the text
    (("enlarge this", "toggle caption", "buy photo", "share share", "buzz60"),
     r"\benlarge this image\b|\btoggle caption\b|\bBuy photo\b|\bshare share\b|\bBuzz60\b"),
    # NBC's video player: "Play Facebook | Twitter | Embed <clip title> 0:32 autoplay autoplay
    # Copy this code to your website or blog" (the clip title had become a headline)
    (("embed", "skip in skip", "copy this code", "play facebook"),
     r"\bfacebook twitter embed\b|\bembed more (?:news )?videos\b|\bskip in skip\b|"
     r"\bCopy this code to your website\b|^Play Facebook\s*$"),
    (("unblock",), r"\bblocked unblock follow\b"),
    # a writer's alert button and its message; a video site's sharing box (glued to the end
    # of Multi-News's one-line articles): "Close get email notifications on liz forster
    # daily! your notification has been saved.", "Social sharing: share videos you watch on
    # wsj live with your facebook friends."
    (("email notifications", "notification has been saved", "share videos"),
     r"\bget email notifications on [\w .'’-]{2,40} daily\b|\byour notification has been saved\b|"
     r"\bshare videos you watch\b"),
    # a journal's "recommend this page" box, and the note under a republished article
    (("spreading the word", "originally"),
     r"\binterest in spreading the word\b|"
     r"\bthis (?:article|story|post) (?:was )?originally (?:published|appeared)\b"),
    (("/",), r"^\d{1,2}/\d{1,3} \d{1,2} [A-Z][a-z]+ \d{4}\b"),
    (("download the", "interest to stay"),
     r"\bdownload the [\w ]{1,30} app\b|\bas an interest to stay up to date\b"),
    (("click",),
     r"^(?:also )?click (?:to|on|in|below)\b|\bclick (?:on|in) the (?:link|right|left)\b"),
    # account and paywall prompts
    (("verification email", "activate your", "digital access"),
     r"\bverification email\b|\bactivate your (?:profile|account)\b|\bfor digital access\b"),
    (("re-enter", "legal help"), r"^Re-enter\b|\blegal help page\b"),
    # the outlet talking about its own story: updates, corrections, time stamps
    (("story",),
     r"\bhas more on (?:the|this) story\b|\bmore on (?:the|this) story (?:and|as)\b|"
     r"\bwill update this story\b|\bthis story (?:has been|was) (?:changed|updated|corrected)\b|"
     r"\bthis story appears in\b"),
    (("will update", "refiled", "this article"),
     r"\bwill update this (?:post|article)\b|\brefiled version\b|"
     r"\bthis article (?:has been|was) (?:changed|updated|corrected)\b"),
    # a police blotter's note on its own reports: "The information in each report covers
    # significant criminal incidents generally from the day before; reports published on
    # Monday cover the preceding Friday, Saturday and Sunday."
    (("information in", "reports published"),
     r"\bthe information in (?:each|this|these|our) reports?\b|\breports published on \w+ cover\b"),
    (("updated",),
     r"(?:^|\s)/ updated\b|^\[ ?updated\b|^Updated:? (?:\d|[A-Z][a-z]+day\b|"
     r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d)"),
    (("follow", "report this ad"),
     r"^Follow [\w.]+ on (?:facebook|twitter|instagram)\b|\bReport this ad\b"),
    (("continue reading below", "sign up", "subscribe:"),
     r"\bcontinue reading below\b|\bwhy don't you sign up\b|\bsubscribe:"),
    (("posted",),
     r"\bposted:? at \d{1,2}: ?\d\d ?(?:[ap]m|[ap]\.m\.) on \w+ \d|\bposted: [A-Z][a-z]{2}\.? \d"),
    (("getty", "photographer:"), r"/\s?getty\b|\bgetty\s?-\s?contributor\b|\bPhotographer:"),
    # e-mail sign-up boxes and their messages
    (("breaking news", "inbox", "delivered"),
     r"\bbreaking news (?:alerts|emails)\b|\bto your inbox\b|"
     r"\bdelivered (?:weekday|daily) morning"),
    (("subscribing", "could not subscribe", "invalid email", "an error"),
     r"\bfor subscribing\b|\bcould not subscribe\b|\binvalid email\b|^An error has occurred\b"),
    (("please",), r"^Please (?:try again|re-enter)\b"),
    # pointers to the outlet's own tools and pages
    (("visit our",), r"\bvisit our (?:[\w-]+ ){0,3}(?:tool|site|website|page|app|map|archive)s?\b"),
    # embedded tweets' own interface text
    (("tweet",), r"\bTweets?(?: with a)? location\b|\blocation information to your Tweets\b"),
    # donation appeals, paywalls, comment prompts
    (("our readers", "paywall", "contribut", "support"),
     r"\bour readers\b|\bpaywall\b|\bcontribut\w* whatever\b|\bSupport [A-Z][\w ]*(?:→|->)"),
    (("payment options", "comment"),
     r"^Payment options|\bcomments? before your comment\b|\b(?:Leave|Post) a comment\b"),
    (("join the", "community"),
     r"\bJoin the (?:conversation|discussion)\b|\bcommunity (?:guidelines|comments)\b"),
    (("toolbox", "feeling powerless", "support"),
     r"\bElections Toolbox\b|^Feeling powerless\b|\bsupport (?:our|independent) journalism\b"),
    # author bios and credits
    (("follow",), r"\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram)\b"),
    (("@", "contribut", "reporting by", "editing by", "writing by"),
     r"@\w{2,}|\bcontributed (?:to )?this report\b|^(?:Reporting|Editing|Writing) by\b"),
    (("writer", "reporter", "editor", "critic", "correspondent", "columnist"),
     r"\bis a (?:staff|senior|contributing) (?:writer|reporter|editor)\b|"
     # "Will Oremus is Slate's senior technology writer."
     r"\bis [\w.]+['’]s (?:senior |chief |staff |deputy |contributing )?(?:[\w-]+ )?"
     r"(?:writer|reporter|editor|critic|correspondent|columnist)\s?\.?$"),
    # ... and the rest of a writer's note below a column (Multi-News val's summaries):
    # "Joanna weiss is a writer based in boston and a former television critic ...", "...
    # is a contributor to bloomberg view.", "dana milbank writes about political theater in
    # the nation's capital.", "raya zimmerman can be reached at 651-228-5524."
    # "Adam Davidson writes the "It's the Economy" column for the magazine."
    (("writer", "columnist", "contributor", "writes about", "can be reached", "column for"),
     r"^(?:[\w.'’-]+,? ){1,6}is a (?:[\w-]+ )?(?:writer|columnist) (?:for|at|based|who)\b|"
     r"^(?:[\w.'’-]+ ){1,4}writes (?:a|the|his|her) [^.]{0,60}\bcolumn for\b|"
     r"\bis a (?:regular )?contributor to [\w' ]{2,40}\.?$|"
     r"^(?:[\w.'’-]+ ){1,4}writes about [\w' ]{2,60}\.?$|\bcan be reached at\b"),
    # archive and crawl notices, legal footers
    (("alexa", "wayback", "crawl", "internet archive", "broken links"),
     r"\bAlexa Internet\b|\bWayback Machine\b|\bcrawls? (?:data|of|are|was)\b|"
     r"\bInternet Archive\b|\bfix all broken links on the web\b"),
    (("warc", "404"), r"\bWARC files?\b|\bNo More 404\b"),
    (("rights reserved", "copyright", "©", "may not be published"),
     r"\bAll rights reserved\b|\bCopyright \d{4}|©|\bThis material may not be published\b"),
    (("cookie", "javascript", "browser"),
     # a notice about JavaScript, not a story that names it ("Hackers used a JavaScript
     # flaw ..." had been dropped as furniture)
     r"\bcookies?\b.*\b(?:consent|policy|accept)\b|"
     r"\b(?:enable|turn on|switch on|requires?|need|activate|allow)\b[^.!?]{0,40}\bJavaScript\b|"
     r"\bJavaScript\b[^.!?]{0,30}\b(?:disabled|required|turned off|enabled)\b|"
     r"\bbrowser (?:does not|doesn't)\b"),
    (("http", "www."), r"https?://|www\.\w"),
    # Found as sentences that recur word for word across many of Multi-News's training
    # stories (a site's template, not its news), grouped by kind and written as patterns.
    # player and embed interfaces
    (("tweet", "twitter", "video", "feature is not", "transcript could not", "watch queue"),
     r"\bbefore each tweet\b|\badd this (?:tweet|video) to your website\b|\blegacy twitter\b|"
     r"\bwhen the video has been rented\b|^this feature is not available\b|"
     r"\binteractive transcript could not\b|\bwatch queue\b|"
     r"\bratings have been disabled for this video\b"),
    (("comment",),
     r"\bnext to all of your comments\b|\bcomments are (?:filtered|moderated)\b|"
     r"\bguarantee of comments\b|\bvia the comments section\b"),
    # paywalls and appeals
    (("subscri", "free articles", "reprints", "journalism", "dear reader", "business models",
      "thank you for reading"),
     r"\b(?:be|already) a digital subscriber\b|\bwith a digital subscription\b|"
     r"\bdigital (?:trial )?subscription for \$|\bsubscription is required\b|"
     r"purchase a subscription (?:to continue|so that|at this time)\b|\bsubscriber account\b|"
     r"\bthank you for reading\b|"
     r"\bfor reading (?:\d+|your allotted) free articles\b|\banother \d+ free articles\b|"
     r"\bDow Jones Reprints\b|"
     r"\bconsider subscribing\b|\breader[- ]supported\b|\bour journalism (?:open|takes)\b|"
     r"^Dear reader\b|\btraditional business models\b|\bsubscriber,? log in\b"),
    # accounts, sign-ups and consent
    (("account", "profile", "verification", "email", "notification", "registering", "terms",
      "privacy policy", "cookies", "robot", "opt-out", "unsubscribe", "promotional",
      "url", "name will appear", "asking this"),
     r"\balready have an account\b|\bhave an account\?|\bsign in to update your profile\b|"
     r"\bverification message\b|"
     r"\b(?:we(?:'ve| have) sent|send) (?:you )?(?:a|the) conf[io]rmation email\b|"
     r"\bcheck your spam\b|\bconformation email\b|\bnotifications are only sent\b|"
     r"\bsaving your notification\b|\bthank you for registering\b|\bagree to our terms\b|"
     r"\b(?:see|read) our privacy policy\b|\benable cookies\b|\bwe use cookies\b|"
     r"\bnot a robot\b|\bopt-out at any time\b|\bunsubscribe at any time\b|"
     r"\boccasional promotional offers\b|\bthis will be your [\w ]{1,20} url\b|"
     r"\byour name will appear\b|\bwhy are we asking this\?"),
    (("inbox", "push notifications", "email"),
     r"^get [\w'’ ]{1,40} in your inbox\b|\bin your inbox every\b|"
     r"^\W*" + PUSH_PROMPT + r"\W*$|"
     r"\bearly-morning email\b|\bwe do not capture any email\b"),
    # web archives' notes on their own collections
    (("collection", "wikis", "enwiki", "seed", "publicly accessible", "end of term",
      "web captures", "heritrix", "web archiving"),
     r"\bthis collection (?:contains|will be complete|is a continuation)\b|^for this collection\b|"
     r"\bdifferent wikis\b|\benwiki\b|\bseed ?list\b|\bcurrently not publicly accessible\b|"
     r"\bend of term (?:project|web archive|archive)\b|\bweb captures\b|\bheritrix\b|"
     r"\bweb archiving\b"),
    # ... the rest of those notes, which summaries of Multi-News val showed, one of them as
    # the first sentence of eight: "That way, as the pages that are referenced are changed
    # or taken from the web, a link to the version that was live ... will be preserved."
    (("taken from the web", "preservation effort", "governance initiative", "data refuge",
      "nomination tool", "publicly-accessible government", "that time again"),
     r"\bpages that are referenced are changed or taken from the web\b|"
     r"\bthis preservation effort\b|\bdata (?:&amp;|&|and) governance initiative\b|"
     r"\bdata refuge project\b|\bpublic nomination tool\b|"
     r"\bpublicly-accessible government websites\b|"
     r"^national archives yes, it['’]s that time again\b"),
    # a page's scripts, and a video player's or age gate's own words
    (("_taboola", "push(", "your timeline", "log out", "birth date", "web exclusives"),
     r"\b_taboola\b|\bpush\(\s?\{|\bwill automatically be posted to your timeline\b|"
     r"^log ?out ?if this is not you\b|\bconfirm your birth date\b|"
     r"\bother great web exclusives\b"),
    # a local weather widget: "Periods of rain. High 58F. Winds ENE at 10 to 20 mph. Chance
    # of rain 90%. Rainfall near a quarter of an inch..", its first line with the reader's
    # zip code: "Norfolk, va ( 23510 ) today a mix of clouds and sun ..."
    (("chance of", "mph", "rainfall", "snowfall", ") today", ") tonight"),
     r"\b(?:High|Low) (?:near |around )?-?\d{1,3}F\b"
     r"|\(\s?\d{5}\s?\) (?:today|tonight)\b"
     r"|\bWinds [NSEW]{1,3} at \d{1,2}(?: to \d{1,2})? mph\b"
     r"|\bChance of (?:rain|snow|precipitation) \d{1,3}%"
     r"|^(?:Rainfall|Snowfall) (?:near|around|of|up to) (?:a|an|one|\d)[^.]{0,40}\.+\s*$"),
    # missing pages and site messages
    (("page you requested", "proper spelling", "[ website", "[website", "link to this page",
      "final form", "trouble locating", "try searching", "ctrl-c",
      "press esc", "edition?", "deliverable area", "unable to fetch", "vote has been counted",
      "react up to", "check back soon", "breaking news update", "gofundme has verified",
      "will be unavailable", "about this message", "full story"),
     r"\bthe page you requested\b|\bproper spelling and capitalization\b|"
     r"\btrouble locating a destination\b|\bif you try searching below\b|\bctrl-c\b|"
     r"\bpress esc\b|\bview this in our [\w ]{1,20} edition\b|\bdeliverable area\b|"
     r"\bunable to fetch your friends\b|\byour vote has been counted\b|\breact up to \d\b|"
     r"^check back soon\b|^this is a breaking news update\b|\bgofundme has verified\b|"
     r"\bitems on this page will be unavailable\b|\bfor more information about this message\b|"
     r"\bhas the full story\b|\[ ?website ?\]|\ba link to this page will be included\b|"
     r"\bmay not be in its final form\b"),
]
_NOISE = [re.compile(pattern, re.IGNORECASE | re.MULTILINE) for _, pattern in _NOISE_RULES]


def _trie_pattern(words: list[str]) -> str:
    """One regex for many literals, factored by common prefixes ("sub(?:scri(?:be:)?|...)"):
    Python's re tries a flat alternation's branches one by one at every position, which
    for the ~170 literals here was 5x slower. Greedy, so it matches the longest literal
    that starts at a place."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if "" in node else group

    return build(trie)


_LITERALS = sorted({literal for literals, _ in _NOISE_RULES for literal in literals})
_ANY_LITERAL = re.compile(_trie_pattern(_LITERALS))
# The rules to try when a literal is found: those with a literal inside it, since every
# shorter literal starting where it starts is one ("subscribe:" holds "subscri").
_RULES_OF = {
    found: [index for index, (literals, _) in enumerate(_NOISE_RULES)
            if any(literal in found for literal in literals)]
    for found in _LITERALS
}


def _rules_for(lowered: str) -> set[int]:
    """The rules one of whose literals occurs in the (lowercased) text."""
    rules: set[int] = set()
    match = _ANY_LITERAL.search(lowered)
    while match:
        rules.update(_RULES_OF[match.group()])
        match = _ANY_LITERAL.search(lowered, match.start() + 1)
    return rules


_CASE_SENSITIVE_STARTS = re.compile(r"^(?:Read|READ) ")
# A byline on its own: "By Owen Tacker". Checked apart from the rules, since "by " is
# in most sentences.
_BYLINE = re.compile(
    r"^By [A-Z][a-z]+ [A-Z][a-z]+(?: and [A-Z][a-z]+ [A-Z][a-z]+)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_BRACKETED = re.compile(r"\[[^\]]*\]\s*$")


# A page's data box read as a sentence: "Release date: 2009-12-18 running length: 2: 41
# mpaa classification: pg-13 cast: ...", "Featuring: ... Where: Milan When: 23 Sep 2016
# Credit: ...". Three labelled fields; not inside a quotation ('"Bluetooth: nope. Sunroof:
# nope. Fancy wheels: nope."' is a seller's joke, and news).
_FIELD = re.compile(r"(?:^|[\s,;(>])[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,2}\s?: ")
DATA_BOX_FIELDS = 3


def is_data_box(text: str) -> bool:
    return (text.count(":") >= DATA_BOX_FIELDS and not text.startswith(('"', "“"))
            and len(_FIELD.findall(text)) >= DATA_BOX_FIELDS)


def is_boilerplate(text: str) -> bool:
    """True for captions, credits, promos, appeals, bios and notices: never summary material."""
    if _BRACKETED.match(text):  # a link: "[Photos of This Millennium's Most Destructive ...]"
        return True
    lowered = text.lower()
    if lowered.startswith("by ") and _BYLINE.search(text):
        return True
    rules = _rules_for(lowered)
    if not rules:
        return False
    return (any(_NOISE[index].search(text) for index in rules)
            or bool(_CASE_SENSITIVE_STARTS.match(text)))
