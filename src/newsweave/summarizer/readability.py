"""Can a sentence stand alone in a summary? Anaphora and bare quotes usually cannot.

"He said the talks would resume" or "The deal collapsed" mean nothing when the sentence
naming him or the deal is not shown; a quotation with no speaker is a voice from nowhere,
and so is the writer's own "I" or "we" ("I could not disagree more ..."), since a summary
quotes the writer without naming them, or a "you" that opens a sentence ("You can read our
privacy policy here.", an interviewer's "You subpoenaed ..."): spoken to someone the
summary does not name.
"""

from __future__ import annotations

import re

# Kept exactly as the learned model was trained with (the feature "starts_with_pronoun").
_ANAPHOR = re.compile(
    r"^[\"“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its|Him|Them|"
    r"The (?:deal|move|decision|plan|agreement|statement|incident|company|firm|group|man|woman|"
    r"couple|pair|suspect|official|victim|report)"
    # "The two have been accused ...", "Both were released ...": a number of people or
    # things the sentence before named ("Both Democrats and Republicans ..." is not one)
    r"|The (?:two|three|four|five|six)(?! ?-)|Both (?=were|are|have|had|will|would|said|say"
    r"|men|women|of)|Neither (?=was|is|has|had|man|woman|of))\b"
)
# "Unfortunately, that's not...", "Still, he said..." and "But they do not..." hide the
# anaphor behind an opener (a conjunction needs no comma).
_OPENER_THEN_ANAPHOR = re.compile(
    r"^(?:[A-Z][a-z]+,|But|And|So|Yet|Or|Still|Then|Now|Also|Plus)\s+"
    r"(?:he|she|it|they|this|that|these|those|his|her|their|its|him|them)\b"
)
# "The 34-year-old ...", "The longtime senator ...", "The tennis champion, 35, ...": an
# epithet for someone a sentence before named (the model's feature above keeps its list).
_EPITHET = re.compile(
    r"^[\"“‘']?The (?:[\w'’-]+ ){0,2}?\d{1,3}-year-old\b"
    r"|^[\"“‘']?The (?:former|longtime|long-time|veteran|embattled|disgraced|beleaguered|"
    r"outspoken|retired) (?:[A-Z][\w-]* )?[a-z][\w-]*\b(?! [A-Z])"
    r"|^[\"“‘']?The (?:[\w'’-]+ ){0,3}?[a-z][\w-]*, \d{1,3},"
)
# "Around 8 a.m., he left ...", "In his opinion, the ...", "In 1974, he exhumed her body":
# the pronoun comes after a short opening phrase but before anyone is named. Not after a
# clause with its own subject ("When officers arrived, they ..."), nor where the phrase
# names someone ("After Smith left, he ...") or opens with a word that may be a name
# ("Chamberlain died suddenly, his ex-wife said").
_PHRASE_THEN_PRONOUN = re.compile(
    r"^(?P<first>[A-Z][\w'’-]*)(?P<rest>(?: [\w'’.:$%-]+){0,7}), "
    r"(?:he|she|they|his|her|their|him|them)\b"
)
# ... or with no comma: "Over the weekend it became the latest ...", "In relatively short
# order they uncovered ..." ("it is"/"it was" may open on nothing: "In fact it was clear"), but
# not a clause before its subject: "However hard they tried, the engineers ...".
_CALENDAR_NAME = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                  r"February|March|April|May|June|July|August|September|October|November|"
                  r"December)\b")
# A capitalised word in the phrase other than a day's or a month's name.
_NAME_IN_PHRASE = re.compile(r" (?!" + _CALENDAR_NAME + r")[A-Z]")
_PHRASE_THEN_PRONOUN_NO_COMMA = re.compile(
    r"^(?P<first>[A-Z][\w'’-]*)(?P<rest>(?: (?:[a-z][\w'’-]*|" + _CALENDAR_NAME + r")){1,4}) "
    r"(?:he|she|they|it) "
    r"(?!is\b|was\b|s\b)[a-z][\w'’-]*\b(?!,)"  # not "However hard they tried, the engineers"
)
# "In his opinion, ...", "For their part, ...", but not "In his address, Mr. Karzai said":
# a name right after the phrase is who the pronoun means.
_PHRASE_WITH_POSSESSIVE = re.compile(
    r"^(?P<first>[A-Z][\w'’-]*)(?P<rest>(?: [\w'’-]+)?) (?:his|her|their)(?: [\w'’-]+){1,4},"
    r"(?! (?:[A-Z]|(?:mr|mrs|ms|dr|sen|rep|gov|gen)\.))"
)
_PHRASE_OPENERS = frozenset(
    """about across after against along amid among and around at before behind below beside
    besides between beyond but by despite during for from in inside instead into last later
    like near next of off on once outside over past since so then through throughout
    toward towards under unlike upon with within without yet according also asked days
    earlier hours however meanwhile minutes moments months today weeks years yesterday
    tonight""".split()
)
# "So did the state party." and "Neither has the mayor." repeat a verb from the sentence before.
_ELLIPSIS = re.compile(
    r"^(?:So|Neither|Nor)\s+(?:did|does|do|has|have|had|was|were|is|are|will|would|could|can)\b"
)
# "But the full extent of the damage was revealed", "And usually the roles are better",
# "As a result, the service was suspended": a conjunction or a connective answers the
# sentence before. Trimming takes it off only where a capital follows ("But Kim refused
# ..."), since the shown text is a slice of the article; "So far", "So many" answer nothing.
# Multi-News val first 1,000 / raw dev 44.98/15.88 / 47.56/17.06 before, 44.92/15.85 /
# 47.53/16.95 after (docs/quality.md).
_ANSWERS_THE_SENTENCE_BEFORE = re.compile(
    r"^(?:(?:But|And|Yet|Or|Nor|Plus|So(?! (?:far|much|many|long)\b)),?\s+"
    # an answer: "Yes, the rep really said that.", a poll's "no, he's been a good ..."
    r"|(?:Yes|No|yes|no),\s+"
    r"|(?:However|Instead|As a result|Still|Nevertheless|Nonetheless|Moreover|Furthermore|"
    r"In addition|Besides|Thus|Then|Also|"
    # an example, a restatement or a comparison of what the sentence before said: "For
    # instance, he turns to yelp ...", "By contrast, americans' confidence ...", "In any
    # case, politicking is inevitable ..." (raw dev and val summaries, 2026-12-07); an
    # opening "Similarly" or "Likewise", comma or not, is _COMPARES_WITH_THE_SENTENCE_BEFORE's
    r"For example|For instance|In other words|By contrast|In contrast|"
    r"Specifically|In any case|Either way|After all|Of course|That said|Even so|In turn|"
    r"Conversely|Consequently|Accordingly|In fact|Indeed|At the same time),\s+"
    # a reason or a relative clause on its own ("Because it could save your life.", "Which
    # also means ..."): with no comma, no main clause follows it
    r"|(?:Because\s+(?=[^,]*$)|Which\s+(?=(?:is|was|are|were|also|means|meant|makes|made|"
    r"led|leads|explains|would|will|could|may|might)\b)))[a-z]"
)
# A comparison with what the sentence before said, anywhere in the sentence: "Nate Silver's
# recent commentary ... is similarly disconcerting" (raw dev), "Similarly the Intergovernmental
# Panel ..." (DUC 2006). Not "the latter": leaning on
# it, "... made a strong push for the latter" brought its antecedent into a Paris climate
# summary in place of "195 countries approved an accord ..." (raw dev 47.52 -> 47.50).
_COMPARES_WITH_THE_SENTENCE_BEFORE = re.compile(
    r"\b(?:similarly|likewise)\b"
    # "Mr. Kim, for his part, was equally gushing" (the Hanoi example); not "split equally"
    r"|\b(?:is|was|are|were|be|been|seems?|seemed|looks?|looked|sounded)\s+equally\b",
    re.IGNORECASE)
# A numbered list's item ("1. \"Star Wars: Episode I\", $64.8 million.") belongs under the
# sentence that opens the list.
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s")
# "You can read our privacy policy here.", "If you missed ...", "You get the sense that
# they're afraid ...", an interviewer's "Jon Wertheim: You subpoenaed ...": the writer or
# a speaker talking to someone the summary does not name.
_SECOND_PERSON_START = re.compile(
    r"^(?:[\w.'’-]+(?: [\w.'’-]+){0,2}:\s)?(?:if |perhaps |maybe |when |once |before |after "
    r"|unless |while )?you\b", re.IGNORECASE
)
_QUOTE_START = re.compile(r"^[\"“‘']")
# A straight mark may open or close a curly one: scraped pages mix them (text.opens_quotation).
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|‘[^’]*’")
# "..., he explained.": verbs of saying past "said", in the past and the present.
_SPOKE = (r"explained|explains|noted|notes|continued|insisted|argued|recalled|warned|claimed"
          r"|stated|admitted|acknowledged|replied|added|adds|writes|wrote")
_PERSON_PRONOUN_START = re.compile(r"^[\"“‘']?(?:He|She|They|His|Her|Their|Him|Them)\b")
# "…,” he said." names no one: the speaker is in a sentence the summary may not show.
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|told|asked|wrote|tweeted)\b"
    r"|\b(?:said|says|added|asked)\s+(?:he|she|they)\b",
    re.IGNORECASE,
)
# "Several others were brought down by ladder, he said.": reported speech from no one.
_PRONOUN_SPEAKER_AT_END = re.compile(
    r",\s+(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|told|wrote|" + _SPOKE
    + r")\b[^,]{0,40}[.!]?$",
    re.IGNORECASE,
)
# "The latter, he said, was a reference to ...", "Still, she said, that's no excuse.": the
# same, as an aside.
_PRONOUN_SPEAKER_ASIDE = re.compile(
    r",\s+(?:he|she|they)\s+(?:said|says|added|adds|told \w+|" + _SPOKE + r"),\s",
    re.IGNORECASE
)
# "I could not disagree more ...", "He told me that he is 64", "the 10 women on our list":
# the writer's own voice, whom the summary does not name. Not "us", which in Multi-News's
# lowercased text is as often the country, nor "mine"; not "World War I" or "i.e.".
# That is "(?<!\w)(?:(?<![Ww]ar )[Ii](?![.\w-])|[Ii] ?['’] ?(?:m|ve|d|ll)\b|[Mm]e\b(?! [Tt]oo)
# |[Mm]y\b|[Ww]e\b|[Oo]urs?\b)", written with each branch opening on its letter and looking
# back from it: Python's re then skips to those letters instead of trying every position
# (2.5x faster; the same texts match).
_FIRST_PERSON = re.compile(
    r"I(?<!\wI)(?:(?<![Ww]ar I)(?![.\w-])| ?['’] ?(?:m|ve|d|ll)\b)"
    r"|i(?<!\wi)(?:(?<![Ww]ar i)(?![.\w-])| ?['’] ?(?:m|ve|d|ll)\b)"
    r"|M(?<!\wM)(?:e\b(?! [Tt]oo)|y\b)|m(?<!\wm)(?:e\b(?! [Tt]oo)|y\b)"
    r"|W(?<!\wW)e\b|w(?<!\ww)e\b|O(?<!\wO)urs?\b|o(?<!\wo)urs?\b"
)
# "Bassist Mike Bishop writes: Dave was ... I've known.", "Spiegel: I think ...": the
# speaker is named before the colon, in a transcript's label or with a speech verb.
_NAMED_BEFORE_COLON = re.compile(
    r"^(?:[^:]{0,80}\b(?:writes|wrote|said|says|tweeted|tweets|explains|explained|adds|added)"
    r"|[\w.'’-]+(?: [\w.'’-]+){0,2}):\s"
)
# "Watch the full report in the video above.", "Joselin Linder, pictured above, ...", "(plot 2
# on the map below)": the sentence points at a part of the page a summary does not have.
# AP's pages glue a related story's teaser ("... killing at least eight...") or a photo
# credit ("( will oliver/photo via ap )") before the caption or the dateline that follows.
AP_GLUE = r"(?:\.\.\.|\))\s*\(\s?associated press\s?\)"
_POINTS_AT_PAGE = re.compile(
    r"\b(?:see|seen|watch|watched|view|viewed|pictured|shown|embedded|featured|posted"
    r"|(?:the|this|our) (?:video|photo|photograph|image|clip|map|chart|graph|graphic|gallery"
    r"|slideshow|tweet|post|player|statement|letter|text|transcript|excerpt|document|memo"
    r"|trailer|footage|interview|table|list))\b(?: [\w'’,-]+){0,3}? (?:above|below"
    r"|to the (?:left|right)|at (?:left|right))\b(?! (?:ground|sea|me|us|him|her|them|it|the)\b)"
    r"|\b(?:see|watch) (?:above|below)\b|\bclick here\b|\bin this (?:blog )?post\b"
    # "Check out the full segment below", "Scroll down for video", "Click through the gallery"
    r"|^(?:check out|scroll (?:down|through)|click (?:through|on|the)|browse the)\b"
    # AP's captions: "In this Jan. 23, 2015 photo, ...", "..., the suspect is shown."
    r"|^in this (?:(?!, (?:the|a|an|his|her|its|their) )[\w ,.()-]){0,60}?"
    r"\b(?:photo|photograph|image|picture|frame grab|video)\b"
    r"|\b(?:is|are) (?:shown|pictured)(?: (?:here|above|below))?\.$"
    # and their present tense with the day at the end: "A man carries the body of a child
    # ... in palu, central sulawesi, indonesia, saturday, sept. 29, 2018." (news says "on")
    r"|, (?:mon|tues|wednes|thurs|fri|satur|sun)day,? (?:jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\s?\.$"
    # or inside it, before who else is in the picture: "pelosi of calif. gestures during a
    # news conference on capitol hill in washington, tuesday, nov. 13, 2012, with ..."
    r"|(?<!\bon), (?:mon|tues|wednes|thurs|fri|satur|sun)day, (?:jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}, (?:with|as|after|before|during|in)\b"
    # a related story's teaser or a photo credit glued before a photo caption on AP's
    # pages (``trim`` takes it off where the article's dateline follows it)
    r"|" + AP_GLUE +
    # the page's own notes: "Note: Information contained in the Daily Crime Report is ...",
    # "Editor's note: this article contains ...", "Correction: a previous version ..."
    r"|^(?:editor['’]?s['’]? )?note\s?:|^correction\s?:"
    # where each person stands in the photo: "Christian Bale, left, Amy Adams and Bradley
    # Cooper ...", "Bernie Sanders ( 2nd row down, center ) ..."
    r"|\w, (?:left|right|center|centre|second from (?:left|right)), (?:and )?\w"
    r"|\(\s?(?:[\w ]+, )?(?:left|right|center|centre)\s?\)",
    re.IGNORECASE,
)
# The page telling its reader what to do, or a recipe's steps: "See it: ...", "Watch the new
# trailer ...", "read the order here ...", "Be sure to vote ...", "Slowly stir in the
# cornstarch". The verb must be followed by what an order's object or adverb starts with:
# "Watch sales rose 5%" is news. A promotion says what the reader can do: "You can follow
# their journey on The One Show and on the Rickshaw Challenge website ..." (raw dev); not "You
# can see how loyal he is".
_CALL_TO_ACTION = re.compile(
    r"^(?:\w+ly )?(?:(?:see|watch|read|view|listen to|take|look at|check|stir|mix|combine|pour|"
    r"whisk|preheat|bake) (?:it\b|them\b|the\b|a\b|an\b|this\b|these\b|our\b|in\b|up\b|"
    r"slowly\b|more\b|how\b)|watch (?:as|video|free|five|ten|\d)\b|click (?:over|for|or)\b"
    r"|keep reading\b|be sure to\b|make sure (?:to|you)\b"
    r"|you can (?:also )?(?:follow|watch|read|view|download|catch|join|listen to|tune in|"
    r"subscribe|sign up|track|stream)\b)",
    re.IGNORECASE,
)
# A sentence that brings in what follows it on the page, a list, a video or a letter the
# summary does not have: "Here are eight more celebrities who lived in their cars before
# their big breaks.", "Here's what you need to know about her.", "Here are 12 dating options
# that are, by design, not for everyone: 1."; a related story's link: "More: ...". Not
# where the colon gives the point itself: "Here's why: majorities think she is qualified".
_BRINGS_IN_WHAT_FOLLOWS = re.compile(
    r"^(?:(?:here(?:['’]s| is| are)|below(?: is| are|,))\b(?:[^:]*[.!?][\s\])]*"
    r"|[^:]*:\s*(?:\d{1,2}\.?)?\s*)$|more\s?:\s)",
    re.IGNORECASE,
)
# A name the page lost with its link: "sponsored by Rep.(R-Fla.)", "help Speaker (R-Ohio)
# move a bill": a title straight before the party tag that follows a name.
_LOST_NAME = re.compile(
    r"\b(?:Rep|Reps|Sen|Sens|Gov|Speaker|Leader|Whip|Chairman|Chairwoman|Congressman|"
    r"Congresswoman|Senator|Representative)\.?\s?\(\s?[RDI]-[A-Z][\w.]{1,12}\s?\)",
    re.IGNORECASE)
# Text one piece of which _POINTS_AT_PAGE needs: searching only where one occurs is 8x
# faster ("left" alone would let every "left the country" through).
_PAGE_CUES = ("above", "below", "the left", "the right", "at left", "at right", "click",
              "check out", "scroll", "browse the", "in this ", "shown.", "pictured.",
              "shown here.", "pictured here.", "associated press", "note:", "note :",
              "correction", ", monday", ", tuesday", ", wednesday", ", thursday", ", friday",
              ", saturday", ", sunday", ", left,", ", right,", ", center,", ", centre,",
              "left )", "right )", "center )", "centre )", "left)", "right)", "center)",
              "centre)", "from left,", "from right,")
# Photo captions written as sentences: "The encampment at City Hall Park is seen before
# the midnight deadline", "X poses with ...", "(pictured at the aquarium)", and news
# agencies' captions, which end on the picture's date with no "on" before it: "... attend
# a news conference at the courthouse in paris, april 22, 2015." (Multi-News val's
# Reuters captions; "on Thursday, March 5, 2015." is news). Not "is seen as a moderate",
# "the risk it poses", "executives are seen bantering" in an email.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_CAPTION = re.compile(
    r"\b(?:is|are) (?:seen|pictured) (?:at|in|on|during|before|after|outside|inside|near|"
    r"with|here|leaving|arriving|walking|standing|speaking|holding|sitting)\b"
    # "Gaga poses with fans", but not "the danger the bridge poses with every storm"
    r"|(?-i:[A-Z][\w'’-]+) poses? with\b"
    r"|\bposes? (?:for (?:a|the) (?:photo|picture|photograph|selfie|portrait)|next to|"
    r"beside|alongside|in front of)\b"
    r"|\(\s?pictured\b|\bpictured (?:with|at|in|on|during|here|left|right)\b"
    r"|(?<!\bon)(?<!\bby)(?<!\buntil)(?<!\bsince)(?<!\bbefore)(?<!\bafter)(?<!\bfrom)"
    r"(?<!\bthrough)(?<!\bof)(?<!\bto)(?<!\band)(?<!\bor)(?<!\bthan)(?<!\bdated)(?<!day,) "
    + _MONTH + r"\.? \d{1,2},? \d{4}\s?\.$",
    re.IGNORECASE,
)
_CAPTION_CUES = ("seen ", "pictured", "pose")
# A caption also tells its picture's moment in the present tense, with its day: "President
# Barack Obama speaks in the briefing room of the White House in Washington on March 17,
# 2014.", "A rescue worker walks past the wreckage of a plane in Lagos, Nigeria, Monday,
# June 4, 2012." (Multi-News val). News tells a dated moment in the past tense; a subject
# is a name or "a/an ..." noun, not "The trial enters ...", "Canada suspended talks ...".
_NOT_A_SUBJECT = (
    r"(?:the|this|that|these|those|it|he|she|they|we|i|you|there|his|her|their|its|our|but|"
    r"and|so|then|when|while|as|if|after|before|at|in|on|one|others|some|many|also|now|often|"
    r"still|never|always|just|only|even|again|who|which|not|to|is|was|has|have|had|will|"
    r"would|can|could|of|for|with|by|from|what|how|why|where|all|every|each|no|said|says|"
    r"told|\w+ly)")
_SCENE = re.compile(
    rf"^(?:(?!{_NOT_A_SUBJECT}\b)[\w.'’-]+ ){{1,7}}?"
    r"(?:speaks|arrives|waves|listens|attends|performs|poses|gestures|departs|reacts|looks on|"
    r"looks at|smiles|greets|testifies|walks|leaves|stands|sits|holds|addresses|delivers|prays|"
    r"kneels|pauses|watches|rides|signs|shakes hands|celebrates|cries|hugs|embraces|salutes|"
    r"sings|dances|prepares|answers|laughs|visits|carries|wears|wipes|applauds|cheers) "
    r"(?:during|at|in|on|to|as|before|after|outside|inside|past|through|onto|over|from|with|"
    r"near|for|into|beside|alongside|under|the|a|an|his|her|their)\b",
    re.IGNORECASE)
_DAY = re.compile(
    rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|{_MONTH}\.? \d{{1,2}}|"
    rf"(?:in|of) {_MONTH}|\d{{4}}|last (?:week|month|year)|this (?:week|month))\b",
    re.IGNORECASE)
_ENDS_ON_A_YEAR = re.compile(r"\d{4}\s?\.$")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|asked|stated|announced|wrote|tweeted|according)\b",
    re.IGNORECASE,
)


def _pronoun_after_opening_phrase(text: str) -> bool:
    match = (_PHRASE_THEN_PRONOUN.match(text) or _PHRASE_WITH_POSSESSIVE.match(text)
             or _PHRASE_THEN_PRONOUN_NO_COMMA.match(text))
    if not match:
        return False
    first = match.group("first").lower()
    opener = first in _PHRASE_OPENERS or first.endswith("ly")
    # (a name in the phrase may be whom the pronoun means: "After Obama won, he ..."; a
    # day or a month is no one: "On Thursday she notched her latest victory")
    return opener and not _NAME_IN_PHRASE.search(match.group("rest"))


def starts_with_anaphor(text: str) -> bool:
    return bool(_ANAPHOR.match(text))


def starts_with_quote(text: str) -> bool:
    return bool(_QUOTE_START.match(text))


def has_speech_verb(text: str) -> bool:
    return bool(_SPEECH.search(text))


def speakerless_quote(text: str) -> bool:
    """A quotation with no word of who says it ('"But we can always live in hope, can't
    we?"'): shown after any sentence but the one before it in its article, it reads as
    that sentence's speaker's words."""
    return starts_with_quote(text) and not has_speech_verb(attribution(text))


# A quotation's source that an earlier sentence brought in: '"...," the statement said.'
# whose statement the reader learns only from the sentence before it in its article.
_DOCUMENT_SPEAKER = re.compile(
    r"^\W*(?:the|that|this) (?:statement|letter|e-?mail|note|memo|message|post|release)\W+"
    r"(?:said|says|read|reads|added|adds|continued|stated)\W*$", re.IGNORECASE)


# A speaker who opens a sentence takes a few words ("A council spokesperson, Leon Marsh, said").
SPEAKER_WORDS = 10


def attribution(text: str) -> str:
    """Who speaks, in the sentence's words: outside the quotation marks of a sentence that
    opens on a quote ("..., the mayor, Renata Vos, said at a press conference"), the words up
    to the speech verb where a speaker opens it ("A council spokesperson, Leon Marsh,
    said"), else nothing."""
    if starts_with_quote(text):
        return _QUOTED.sub(" ", text)
    verb = _SPEECH.search(text)
    if verb is None or len(text[:verb.start()].split()) > SPEAKER_WORDS:
        return ""
    opening = text[:verb.end()]
    return "" if any(mark in opening for mark in "\"“”‘") else opening


def points_at_the_page(text: str) -> bool:
    """Does the sentence refer to a video, photo or map above or below it on the page, is
    it a photo caption, one of the page's own notes ("Note: ...", "Correction: ..."), does
    it bring in what follows it ("Here's what you need to know about her.") or tell the
    reader what to do ("Watch the new trailer", "Slowly stir in the cornstarch")?"""
    lowered = text.lower()
    return ((any(cue in lowered for cue in _PAGE_CUES) and bool(_POINTS_AT_PAGE.search(text)))
            or is_photo_caption(text) or bool(_CALL_TO_ACTION.match(text))
            or lowered.startswith(("here", "below", "more")) and bool(
                _BRINGS_IN_WHAT_FOLLOWS.match(text)))


def lost_a_name(text: str) -> bool:
    """Did the page lose a name here with its link ("sponsored by Rep.(R-Fla.)")?"""
    return "(" in text and bool(_LOST_NAME.search(text))


def is_photo_caption(text: str) -> bool:
    """A photo's caption written as a sentence ("X is seen at ...", "X poses with ...",
    an agency caption ending on the picture's date, "X speaks at ... on Monday"): it
    describes a picture the summary does not have."""
    lowered, stripped = text.lower(), text.rstrip()
    # a year and its full stop are the last six characters at most: searched there only
    return ((any(cue in lowered for cue in _CAPTION_CUES)
             or bool(_ENDS_ON_A_YEAR.search(stripped[-6:])))
            and bool(_CAPTION.search(stripped))
            or bool(_SCENE.match(stripped)) and bool(_DAY.search(stripped)))


def speaks_in_first_person(text: str) -> bool:
    """Does the sentence say "I", "we", "my" or "our" outside quotation marks, with no
    speaker named before a colon?"""
    # Taking quotations out only ever removes first-person words (a quotation is replaced
    # by a space, and is bounded by marks that are no word characters either), so a text
    # without any is answered without the substitution: most sentences.
    if not _FIRST_PERSON.search(text) or not _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        return False
    named = _NAMED_BEFORE_COLON.match(text)
    return not named or bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text[:named.end()])))


def leans_on_a_person(text: str) -> bool:
    """It opens on "he", "she" or "they" ("He died at the camp in 1943."), or gives its
    words to one ('"We owe that to the people who died tonight," she said.'): someone a
    sentence before it names. Not "The report, prepared in 2023, ...", whose antecedent
    may be anywhere."""
    return bool(_PERSON_PRONOUN_START.match(text)
                or _PRONOUN_SPEAKER_AT_END.search(text.rstrip())
                or (starts_with_quote(text) and _PRONOUN_SPEAKER.search(attribution(text))))


def talks_as_or_to_the_reader(text: str) -> bool:
    """First person outside quotation marks, or an opening "you": a blog's or an appeal's
    voice, which no sentence of the summary can resolve."""
    return speaks_in_first_person(text) or bool(_SECOND_PERSON_START.match(text))


def stands_alone(text: str) -> bool:
    """No leading anaphor or "you", no first person outside quotation marks, and a
    quotation only with its speaker outside the quote marks.

    A quotation's own pronouns ("“It was about the sanctions,” Trump said") are the
    speaker's, resolved by the attribution, so only the attribution is checked there: it
    must name the speaker ("he said" does not, nor "the statement said").
    """
    if speaks_in_first_person(text):
        return False
    if starts_with_quote(text):
        outside = attribution(text)
        return (has_speech_verb(outside) and not _PRONOUN_SPEAKER.search(outside)
                and not _DOCUMENT_SPEAKER.match(outside))
    return not (starts_with_anaphor(text) or _EPITHET.match(text)
                or _OPENER_THEN_ANAPHOR.match(text) or _ELLIPSIS.match(text)
                or _ANSWERS_THE_SENTENCE_BEFORE.match(text) or _LIST_ITEM.match(text)
                or _COMPARES_WITH_THE_SENTENCE_BEFORE.search(text)
                or _SECOND_PERSON_START.match(text)
                or _pronoun_after_opening_phrase(text)
                or _PRONOUN_SPEAKER_AT_END.search(text.rstrip())
                or _PRONOUN_SPEAKER_ASIDE.search(text))
