"""Trim a selected sentence for reading: datelines, bylines, openers, sign-offs.

Trimming only moves the span's start and end inwards, so the text shown is still an
exact slice of the article: faithful by construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from newsweave.model import Sentence
from newsweave.summarizer.boilerplate import PUSH_PROMPT
from newsweave.summarizer.glued_headline import CLOCK, DATE_WORD, DATELINE_CITIES, headline_end
from newsweave.summarizer.readability import AP_GLUE

# "HANOI, Vietnam (AP) —", "PORT ELLIS (Wire Press) -", "WASHINGTON —", "(CNN)"
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,5}\s*)?"
    # The Wall Street Journal sets its dash tight, "NEW YORK—The Trump administration ...",
    # "CARACAS, Venezuela—Kellogg Co. ...", but "U.S.—China talks" is a subject: a tight
    # dash follows a place's last letters.
    # (the New York Times's wire of the 1990s writes the dash as "_": "NEW YORK _ The ...")
    # (a station's call sign may hold a digit: "HONOLULU (KHON2) - Students were ...")
    r"(?:\([A-Za-z0-9 .&-]{1,40}\)\s*)?"
    r"(?:[—–_-]{1,2}\s+(?=\S)|(?<=[A-Za-z]{2})[—–]{1,2}(?=[A-Z\"“‘]))"
    r"|^\((?:CNN|AP|Reuters|AFP|[A-Z][A-Za-z ]{1,30})\)\s*[—–_-]*\s*"
)
# Reuters's dateline of two places, its agency and dash gone: "PRETORIA/KHARTOUM, Sudanese
# President Omar al-Bashir flew out ..."
_PLACES_DATELINE = re.compile(
    r"^[A-Z]{3,}(?:/[A-Z]{3,})+(?:\s*\([A-Za-z .&-]{1,40}\))?\s*[,—–-]*\s+(?=[A-Z\"“‘])")
_UPPER_DATELINE_WORD = re.compile(r"^[A-Z][A-Z.'’-]+\b")
# Multi-News glues CNN's bullet highlights onto the story's first sentence, up to its
# "(CNN)" dateline: "Story highlights <bullets> ( cnn ) <first sentence>".
_HIGHLIGHTS = re.compile(r"^Story highlights\b.*?\(\s?CNN\s?\)\s*[—–-]*\s*", re.IGNORECASE)
# Wire datelines with the agency in brackets within the first six words: Multi-News's
# lowercased "north attleborough, mass. ( ap ) —", "london ( reuters ) -", "( cnn )", and
# Xinhua's with the day and a province: "MADRID, February 17 (Xinhua) --", "BEIDAIHE
# (Hebei), March 5 (Xinhua) --".
_WIRE_DATELINE = re.compile(
    r"^(?:(?:[\w.'’/&#;-]+|\([\w ]{1,30}\),?)(?:,? (?:[\w.'’/&#;-]+|\([\w ]{1,30}\),?)){0,4} )?"
    r"(?:\(\s?(?:ap|reuters|cnn|afp|upi|associated press|xinhua)\s?\)\s*(?:[—–_-]{1,2}\s*)?"
    # a US station's call sign, with the dateline's dash: "denver ( cbs4 ) –", "columbia
    # county, ga. ( wrdw/wagt ) --"
    r"|\(\s?(?:(?:cbs|nbc|abc|fox)\d{0,2}|[kw][a-z]{2,3}(?:-tv)?\d{0,2}(?:/[kw][a-z]{2,3})?)"
    r"\s?\)\s*[—–_-]{1,2}\s*)"
    # a sentence follows: "... on Thursday. (AP)" is a sign-off
    r"(?=[^\s,;:.].{10})",
    re.IGNORECASE,
)
# AP's pages glue a related story's teaser or a photo credit before the article's
# dateline: "Gunmen attacked the parade, killing at least eight... ( associated press )
# tehran, iran ( ap ) — ...", "( will oliver/photo via ap ) ( associated press ) london (
# ap ) — ...". Without a dateline after it, what follows is a photo caption
# (``points_at_the_page``).
_AP_TEASER = re.compile(
    r"^.{0,400}?" + AP_GLUE + r"\s*(?=.{0,80}?\(\s?ap\s?\))",
    re.IGNORECASE,
)
# A photo credit left before the sentence: "( matt mcclain/the washington post ) cbs news has
# settled ...", "(Photo: Jane Roe/Getty Images) The ...", "( disney-pixar via ap ) ...".
_PHOTO_CREDIT = re.compile(
    r"^\(\s?[^()]{2,80}?(?:/|\bvia\b|\bphoto\b|\bgetty\b|\bimages\b|\bafp\b)[^()]{0,60}\)\s+"
    r"(?=\S)",
    re.IGNORECASE,
)
# A picture's caption glued before the sentence with its credit, one paragraph in Multi-News's
# flattened pages: "Paul krugman ( scott eells/bloomberg ) paul krugman doesn't like
# bitcoin.", "Republican presidential candidate donald trump speaks at a campaign rally in
# bedford, n.h. ( john locher/associated press ) in 1986, president ronald reagan ...". A
# credit names a photographer and an outlet ("name name/outlet") or an agency after the
# slash; not "( cnn/orc )" or "( a 4.4/8 in metered markets )", which are the sentence's.
_CREDIT_WORD = r"[a-z][\w.'’-]*"
_GLUED_CAPTION = re.compile(
    r"^[^()]{0,300}?\(\s?(?!.{0,40}\band/or\b)"
    rf"(?:(?:{_CREDIT_WORD} ){{1,3}}{_CREDIT_WORD} ?/ ?(?:{_CREDIT_WORD} ){{0,4}}{_CREDIT_WORD}"
    rf"|{_CREDIT_WORD} ?/ ?(?:ap|reuters|afp|getty images|epa|str|associated press|ap photo)"
    r"|(?:picture|photo|photograph)s?: [\w .'’-]{2,40})"
    r"\s?\)\s+(?:[—–-]{1,2}\s+)?(?=[\w\"“‘])",
    re.IGNORECASE,
)
# ... and one with no brackets: "Photo by andrew burton/getty images martin shkreli ...",
# "Chris wilkins / afp / getty images on the night of ...", "Reuters/laura segall/file
# photo the latest court order ..."; not "The cnn/ap poll found ...".
_CREDIT_NAME = (r"(?!(?:the|a|an|this|that|his|her|its|their|our)\b)"
                r"(?:[\w.'’&-]+ ){0,3}[\w.'’&-]+")
_CREDITED = r"(?:getty images|getty|ap photo|ap|reuters|afp|epa|file photo|associated press)"
_ONE_CREDIT = rf"{_CREDIT_NAME} ?/ ?(?:{_CREDIT_NAME} ?/ ?){{0,2}}{_CREDITED}"
_BARE_CREDIT = re.compile(
    rf"^(?:(?:photo(?:graph)?s?|illustration|image)(?: by|:) )?{_ONE_CREDIT}"
    rf"(?: ?; ?{_ONE_CREDIT})*\s+(?=\S)",
    re.IGNORECASE)
# USA Today network's button after a photo's credit: "( photo: ... ) buy photo the remains ..."
_BUY_PHOTO = re.compile(r"^buy photo\s+(?=\S)", re.IGNORECASE)
# The tail of an embedded post, its hashtags and its picture's link, run into the sentence
# after it: "#pokemongo pic.twitter.com/fuemfgpm1s another image shows a child ..." (val).
_POST_TAIL = re.compile(r"^(?:[#@]\w+\s+)*pic\.twitter\.com/\w+\s+(?=\S)", re.IGNORECASE)
# NPR's pages: the headline, the picture's buttons and its credit twice before the story:
# "Pruitt proposes new rule ... enlarge this image toggle caption jason andrew/getty images
# jason andrew/getty images the head of the environmental protection agency ...".
_TOGGLE_CAPTION = re.compile(
    r"^.{0,200}?\benlarge this image toggle caption (?P<credit>[^/]{2,60}/[^/]{2,40}?) "
    r"(?P=credit)\s+(?=\S)",
    re.IGNORECASE)
# Politico's page top, glued onto the article's first sentence in Multi-News: its font
# buttons, and the headlines of its blog ("politico 44") or of other stories ("( also on
# politico: ... )") up to the sentence: "Text size - + reset lee ' forcefully'disagrees with
# mcconnell on plan b politico 44 fifty-three senators ... signed a letter ...".
_POLITICO_TOP = re.compile(
    r"^text size - \+ reset\s*(?:.{0,200}?(?:politico (?:44|live:|series:)"
    r"|\(\s?also on politico:[^()]{0,150}\))"
    r"\s+(?=\S))?",
    re.IGNORECASE,
)
# USA Today's photo credit, left before the next caption or sentence: "Usa today sports rob
# gronkowski scored two touchdowns ...", "Usa today the wife of america's 41st president
# ..."; not "USA Today reported ...".
_USA_TODAY_LABEL = re.compile(
    r"^usa today(?: (?:sports|network)\s+|\s+(?=(?:the|a|an|as|update)\b))(?=\S)",
    re.IGNORECASE,
)
# ... and any short aside in brackets before the sentence, with no sentence's end in it: a
# station's call letters, a credit, a link ("( kutv ) a vernal man has been charged ...",
# "( rj sangosti, the denver post ) centennial — ...", "[ see photos of the gaia
# spacecraft ] to pinpoint ...", "[... ] but apple ..."); "(The mayor was not available.)"
# is a sentence of its own.
_LEADING_ASIDE = re.compile(
    r"^(?:(?:\(\s?[^()\[\].?!]{1,60}?\s?\)|\[\s?(?:[^()\[\].?!]{1,60}?|\.\.\.)\s?\])\s+)+(?=\S)")
# USA Today's video player leaves its "CLOSE" button before the clip's description (a
# blurb opening on a word is page furniture before it gets here: boilerplate.py); a
# dateline's dash may be left on its own ("- A man who was beaten ..."); Multi-News keeps
# "Advertisement" glued to the next sentence, and a list's bullets ("--Children 12 and
# under should ride in the back seat.").
_PAGE_BUTTON = re.compile(
    # (a dash never opens a sentence: Multi-News keeps a dateline's with the sentence, "--
    # the appeal hearing for three members of ...", "( cnn ) – caroline kennedy ...")
    r"^(?:CLOSE\s+(?=[A-Z0-9\"“‘'])|[—–_-]+\s+(?=[A-Za-z0-9\"“‘'(])|(?:--|[—–])(?=[A-Za-z][a-z])"
    r"|(?:[Aa]dvertisement:?\s+)+(?=\S)|[•·▪●]\s*(?=\S)"
    # The Washington Post's follow-a-topic button: "Add interest the security guard, ..."
    r"|Add interest\s+(?=\S))"
)
# ... and the same buttons and labels as Multi-News lower-cases them ("CLOSE" is "Close"),
# before a video's description or the story ("Close mark zuckerberg and his wife priscilla
# chan are making a $ 3 billion dollar donation ...", "Photo bob bradley was fired thursday
# as coach ...", "Enlarge image close ...", "View images ...", "Vpc ...", CNN's "Must watch
# <a video's title> 02: 48 ..."). Not "Close friends of the mayor said", "Close to 500
# people", "Photo ID laws": a word that follows the adjective or the noun.
_PAGE_LABEL = re.compile(
    r"^(?:Close (?!(?:to|friends?|ties|up|behind|relatives|family|aides|allies|associates|"
    r"advisers|advisors|inspection|examination|observers|contact|calls?|range|attention|"
    r"enough|second|by|encounters?|quarters|relationships?|cousins?|confidants?|watchers|"
    r"scrutiny|cooperation|collaboration|proximity|readers)\b)(?=[a-z0-9'\"“‘])"
    r"|Photo (?:advertisement )?(?:continue reading the main story )?"
    r"(?!(?:by|credit|courtesy|illustration|via|gallery|shows|from|id|ids|of|op|opportunity|"
    r"album|editors?|finish|booth|radar|enforcement|sharing|apps?)\b)(?=[a-z0-9'\"“‘])"
    r"|Enlarge (?:this )?(?:image )?(?:toggle caption )?(?:close )?(?=\S)"
    r"|View (?:images|full image|full caption|photo gallery:|graphics?|slideshow|photos|gallery)"
    r"\s+(?=\S)"
    r"|Vpc\s+(?=\S)"
    # a list of links' label before the story's sentence or a linked headline; "Related"
    # alone only before "&#124;" or a colon: "Related research shows ..." is news
    r"|Related(?: news articles| news| coverage| content| links| headlines| stories)?"
    r"(?:\s?(?:&#124;|:))?\s+(?<!Related )(?=\S)"
    r"|Share (?:tweet share send link|on more share on more)\s+(?=\S)"
    r"|Must watch .{0,150}? \d{1,2}: \d{2}\s+(?=\S)"
    # NBC's player: "Play facebook twitter google plus embed <a video's title> 2: 22 ..."
    r"|Play facebook twitter google plus embed .{0,150}? \d{1,2}: \d{2}\s+(?=\S)"
    # a gallery's: "1 of 28 full screen autoplay close skip ad × ..."
    r"|\d{1,3} of \d{1,3} full screen autoplay close skip ad\s?×?\s+(?=\S))"
)
# A byline with its date and section glued onto the first sentence (Digital Journal's
# pages): "By Karen Graham Oct 31, 2015 in Entertainment A famous photograph ...".
_DATED_BYLINE = re.compile(
    r"^(?:By\s+)+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
    r"(?:\s+in\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,2})?\s+(?=[A-Z\"“‘])"
)
# Multi-News lower-cases a byline glued before the sentence: "By ed kilgore the secularist
# menace ...", "By lauren pack and eric schwartzberg staff writer neighbors of a man ...",
# "By radar staff kris jenner is known as ..." (45 of val's summaries). A name's first word
# is no common word or gerund ("By the time", "By late tuesday", "By june the disease ...",
# "By using ..."), its second no function word.
_NOT_A_FIRST_NAME = (
    "the a an all any both each every either neither some such this that these those its "
    "his her their our my your whose which what who how far just not now then than late "
    "later early earlier next last mid midday noon midnight day days night nightfall "
    "daybreak dawn dusk sunrise sunset morning evening afternoon tonight today tomorrow "
    "yesterday week weekend month year decade way comparison contrast choice chance design "
    "default definition law hand car train bus air sea road rail phone telephone email mail "
    "land foot accident mistake nature virtue most more less much many one two three four "
    "five six ten no lunchtime dinner breakfast christmas easter thanksgiving halloween "
    "spring summer fall autumn winter january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday saturday "
    "sunday standard popular majority consensus turns his own means".split())
_FUNCTION_WORD = (
    "the a an of and or to in on at for with from by as is was are were be been has have "
    "had it its that this who which than then not no".split())
_LOWER_NAME = (r"(?!(?:" + "|".join(_NOT_A_FIRST_NAME) + r")\b)(?![a-z]+ing\b)"
               # (after an initial's full stop, Multi-News capitalises: "david k. Li")
               r"[a-z][a-z'’-]+(?: [a-z]\. [A-Za-z][a-z'’-]+| (?!(?:"
               + "|".join(_FUNCTION_WORD) + r")\b)[a-z][a-z'’-]+)")
_LOWER_BYLINE = re.compile(
    r"^By (?:by )?(?:radar staff|" + _LOWER_NAME + r"(?: and " + _LOWER_NAME + r")?"
    r"(?: (?:staff writer|staff reporter|healthday reporter|radar reporter|reporter|staff))?)"
    # not where the byline goes on with its paper or section ("By ... of the redding record
    # searchlight sheriff tom bosenko said ...": no telling where it ends)
    r" (?!(?:of|in|for|at)\b)(?=[a-z0-9\"“‘'])")
# Papers in South Asia and the Gulf end the dateline in a colon: "LAHORE: An enraged mob
# ...", "NEW DELHI: ...". Only an article's first sentence has one: further in, "CLINTON:
# And so I think ..." is a transcript's speaker.
_COLON_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:\s+(?=[A-Z\"“‘])")
# Multi-News lowercases a dateline with no agency: "New york — wall street is losing ...",
# "Ann arbor, mi - while ...", "Colorado springs, colo. – the ...". Only on an article's
# first sentence, and only a dash that no second one closes: "The system — called thaad —
# was ..." and "Arthropods — a huge group ... — have been" are asides.
_FIRST_LINE_DATELINE = re.compile(
    r"^(?!(?:The|A|An|All|Some|Both|Although|Though|While|When|If)\b)"
    r"[A-Z][\w.'’&]*(?: [\w.'’&]+){0,2}(?:, [\w.'’]+(?: [\w.'’]+)?)?"
    r" (?P<dash>—|–|--?) (?=[\w\"“‘'])(?!.*(?P=dash))"
)
# A video page's date or a reader's prompt glued onto the sentence after it: "Published on
# sep 12, 2018 tennis star naomi osaka ...", "Scroll to continue with content ad osaka
# talks ...", "Story continues "for me, ..."".
_GLUED_PAGE_NOTE = re.compile(
    r"^(?:Published on [a-z]{3,9}\.? \d{1,2}, \d{4}|Scroll to continue with content(?: ad)?"
    r"|Story continues(?: below)?(?! (?:to|as|with|in|on|at|for|after|until)\b))\s+(?=\S)",
    re.IGNORECASE,
)
# A page's note that the news after it came later, with its time: "Update: a suspect has
# been charged ...", "Update at 3: 40 p.m.: the youngest victim ...", "Update ( march 31 ): a
# seventh person has died ...", "Updated, jan. 19, 10: 24 a.m.: ...". The colon that ends
# the label is no time's ("8: 25 am").
_WHEN = (r"(?:[\s,#()/:.—–-]|\d|" + DATE_WORD + r"|(?:a\.m|p\.m|am|pm|et|edt|est|cst|cdt|pst|"
         r"pdt|pt|gmt|bst|ist|at|on|as of|noon|midnight|story)\b)")
_UPDATE_LABEL = re.compile(
    r"^(?:update|updated)" + _WHEN + r"*(?::(?!\s?\d\d\b)|&#124;|\|)\s+(?=\S)",
    re.IGNORECASE)
# A blog's or a forum's line above the post: "Posted by mike florio on december 27, 2015, 7:
# 26 pm edt earlier on sunday, broncos quarterback ...", "Posted november 10, 2011 outbreak
# summary ...", "Posted at 07/02/2011 11: 37 pm &#124; updated as of 07/02/2011 11: 43 pm".
_POSTED_LABEL = re.compile(
    r"^posted(?: by:? [^|&]{1,40}? (?:on|&#124;|\|)| on| at)? (?:[\s,./]|\d|" + DATE_WORD + r")*?"
    r"(?:\d{4}|" + CLOCK + r")(?:,? " + CLOCK + r")?"
    r"(?: (?:&#124;|\|) updated as of [\d/]+ " + CLOCK + r")?\s+(?=[a-z\"“‘])",
    re.IGNORECASE)
# A picture's credit left before the next sentence, where that sentence opens on "But":
# "Library of Congress But Handy just used the head." (raw dev). No sentence of news
# opens on a name and then a capitalised "But", so the name is the page's, not the news's.
_CREDIT_BEFORE_BUT = re.compile(
    r"^[A-Z][\w.'’&-]*(?: (?:of|the|and|for|&|[A-Z][\w.'’&-]*)){0,5} "
    r"(?=(?:But|Yet|However|Meanwhile)[ ,])")
# The AP's running story, "The Latest", after its dateline: "the latest on a shooting at a
# little rock nightclub ( all times local ): 10: 45 a.m. Little rock police say 28 people
# were hurt ..."
_THE_LATEST = re.compile(
    r"^the latest(?: on [^()]{1,150}?)? \(\s?all times [a-z]{2,5}\s?\):?\s+(?:[_—–-]+\s+)*"
    r"(?:\d{1,2}(?:: ?\d\d)? ?[ap]\.?m\.?\s+)?(?=\S)",
    re.IGNORECASE)
# A photographer's credit before the sentence: "Marcus santos for new york daily news a
# neighbor of the family ..."
_DAILY_NEWS_CREDIT = re.compile(r"^(?:[a-z][\w.'’-]* ){1,3}for (?:the )?new york daily news\s+",
                                re.IGNORECASE)
# A site's prompt glued onto the story's sentence: "Get push notifications with news,
# articles, and more! funeral arrangements for the actress are pending."
_PROMPT = re.compile(r"^[\"“]?\s?" + PUSH_PROMPT + r"[.!]\s+(?=\S)", re.IGNORECASE)
# A hook turned on the sentence before, the news only past it: "What doesn't stink is that
# Pennsylvania State University researchers ... have now demonstrated ..." (cut off here
# where a capital follows; a lede it cannot be cut from is none: lede/not_news.py)
HOOK = r"What [a-z'’]+(?: [a-z'’]+){0,4} (?:is|was) that"
_OPENER = re.compile(
    r"^(?:But|And|Still|However|Meanwhile|So|Also|Yet|Instead|Indeed|Moreover|Furthermore|"
    r"Nevertheless|Nonetheless|Besides|Then|Now|Thus|Anyway|In addition|In fact|Of course|"
    r"At the same time|On the other hand|As a result|" + HOOK + r")\b,?\s+(?=[A-Z0-9\"“‘'])"
)
# Only after the sentence has ended: "... Green said. DM", never "... sent her a DM".
_SIGN_OFF = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:DM|\(AP\)|\(Reuters\)|—\s*[A-Z][a-z]+ [A-Z][a-z]+)$"
)


# "(AP)", "(Wire Press)": a name in brackets; "(D-Calif.)" after a politician is not one.
_AGENCY = re.compile(r"\((?:[A-Z][A-Za-z&]*)(?: [A-Z][A-Za-z&]*){0,3}\)")


def _dateline_end(text: str) -> int:
    match = _DATELINE.match(text)
    if not match:
        return 0
    if text.startswith("("):
        return match.end()
    # A real dateline starts with a place in capitals ("HANOI, Vietnam —", "PORT ELLIS —"),
    # or a capitalised word and an agency ("ORRIN CROSS (Rail Wire) —"); "U.S. President
    # Donald Trump —" or "FBI Director Wray —" is the subject of the sentence.
    head = match.group(0)
    place = head.split(",")[0].split("(")[0]
    words = [w for w in re.split(r"[\s—–_-]+", place) if w]
    all_caps = bool(words) and all(w.isupper() for w in words)
    if _UPPER_DATELINE_WORD.match(text) and (all_caps or _AGENCY.search(head)):
        return match.end()
    return 0


def _length_of(pattern: re.Pattern[str]) -> Callable[[str], int]:
    def matched(text: str) -> int:
        match = pattern.match(text)
        return match.end() if match else 0
    return matched


_colon_dateline_end = _length_of(_COLON_DATELINE)
_first_line_dateline_end = _length_of(_FIRST_LINE_DATELINE)
# ... and one whose punctuation is gone: "Kabul a teenaged bomber on thursday targeted ...",
# "Toronto a canadian family lived with a corpse ...": a wire city before a lower-case "a",
# "an" or "the", which no subject reads as ("London police said ..." stays).
_bare_dateline_end = _length_of(re.compile(
    r"^(?i:" + DATELINE_CITIES + r")(?:, [a-z.]{2,6}\.?)? (?=(?:a|an|the) )"))
# What may lead a sentence, in the order it comes: each is taken off what the ones before
# it left ("( credit ) WASHINGTON (AP) — But the ..." loses all three).
_LEADERS = (
    _length_of(_PAGE_LABEL), _length_of(_PROMPT), _length_of(_DAILY_NEWS_CREDIT),
    _length_of(_POST_TAIL), _length_of(_PHOTO_CREDIT), _length_of(_BARE_CREDIT),
    _length_of(_BUY_PHOTO),
    _length_of(_LEADING_ASIDE),
    _length_of(_DATED_BYLINE), _length_of(_LOWER_BYLINE), _dateline_end,
    _length_of(_PLACES_DATELINE), _length_of(_WIRE_DATELINE), _length_of(_THE_LATEST),
    _length_of(_GLUED_PAGE_NOTE), _length_of(_PAGE_BUTTON), _length_of(_USA_TODAY_LABEL),
    _length_of(_UPDATE_LABEL), _length_of(_POSTED_LABEL), _length_of(_CREDIT_BEFORE_BUT),
    _length_of(_OPENER),
)


def trim_span(text: str, first: bool = False) -> tuple[int, int]:
    """How far to move a sentence's start forward and its end back; ``first``: the
    sentence opens its article, where a dateline may end in a colon or be lowercased."""
    block = (_HIGHLIGHTS.match(text) or _AP_TEASER.match(text) or _POLITICO_TOP.match(text)
             or (_GLUED_CAPTION.match(text) if "(" in text else None)
             or _TOGGLE_CAPTION.match(text))
    start = block.end() if block else 0
    if first and not block:
        start = headline_end(text)
        rest = text[start:]
        start += (_colon_dateline_end(rest) or _first_line_dateline_end(rest)
                  or _bare_dateline_end(rest))
    for leader in _LEADERS:
        start += leader(text[start:])
    end = len(text)
    sign_off = _SIGN_OFF.search(text)
    if sign_off and sign_off.start() > start:
        end = sign_off.start()
    return start, end


def trim(sentence: Sentence) -> Sentence:
    head, tail = trim_span(sentence.text, first=sentence.position == 0)
    if head == 0 and tail == len(sentence.text):
        return sentence
    return replace(
        sentence, start=sentence.start + head, end=sentence.start + tail,
        text=sentence.text[head:tail],
    )
