"""Clean an article: drop the page furniture scraped along with the story.

Works on lines (paragraphs), because that is how the noise arrives: a caption, a promo,
a sidebar headline or a donation appeal is its own paragraph. Sentences are checked again
by :func:`is_boilerplate` after segmentation, for noise glued into a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

import nupunkt

from newsweave.model import Article
from newsweave.summarizer.boilerplate import is_boilerplate
from newsweave.summarizer.readability import talks_as_or_to_the_reader
from newsweave.summarizer.trim import trim_span
from newsweave.text import SENTENCE_END_MARKS

# A caption ends with its credit: "... Photograph: Leah Millis/Reuters", "EPA-EFE/Name / POOL".
_CREDIT_AT_END = re.compile(
    r"(?:\bPhoto(?:graph)?s?:|\(AP Photo|\bAP Photo/|\bEPA-EFE/|\bREUTERS/|\bAFP/|"
    r"\bGetty Images|\bShutterstock)[^.!?]{0,80}$"
    r"|\((?:AP|Associated Press|Reuters|AFP|Getty Images|EPA)\)\s*$"
)
CAPTION_MAX_WORDS = 150
# A gallery's captions end with its buttons: "Colls and her team excavate in ‘Treblinka:
# Hitler’s Killing Machine.' Previous Next" (raw dev); short, so a one-line article that
# ends on them is not taken for its captions.
_GALLERY_BUTTONS_AT_END = re.compile(r"\bPrevious\s+Next\s*$")
GALLERY_CAPTION_MAX_WORDS = 60
CREDIT_TAIL_CHARS = 120  # a credit starts within its last 80 characters plus its keyword
# Sentence ends in every script ("।", "؟", "。" too: text.SENTENCE_END_MARKS).
_TERMINAL = re.compile(f"[{SENTENCE_END_MARKS}…]" + r"[\"'”’)\]]*\s*$|[\"”’]\s*$")
_SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}]" + r"(?:[\"'”’)\]」』）]*)(?:\s|$)"
                           "|[。！？]")
HEADING_MAX_WORDS = 20
DEGRADED_MIN_WORDS = 30
DEGRADED_WORDS_PER_END = 80
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_EMPHASIS = re.compile(r"(\*{1,2}|_{2})(?=\S)(.+?)(?<=\S)\1")
# Scrapers that drop paragraph tags glue sentences together: "...in New York.So what's...",
# "...tells PEOPLE.Douglas, 68, ...", "...strike soon."They're ...". A word of two letters
# or more, a full stop, perhaps a quote mark, and a capitalised word: the space that was
# lost. "U.S.Army" and "www.PortEllis.gov" do not match; 52 places in 14 of multinews-raw
# dev's 276 articles, none in Multi-News train's lowercased text.
_GLUED_SENTENCES = re.compile(r"(?<=[A-Za-z]{2})(?<!\bwww)([.!?])([\"“”’]?)(?=[A-Z][a-z])")
# Multi-News's lower-cased text glues them too ("... found dead inside the home.detectives
# don't suspect foul play", ~200 places in 88 of val's first 1,000 stories): a lower-case
# word after the stop, but not a web address or a file name ("bit.ly", "amazon.com",
# "pic.twitter.com": one more stop in the word, or a known ending).
_GLUED_LOWER = re.compile(r"(?<=[a-z]{2})([.!?])([\"“”’]?)(?=([a-z]{2,})\b)")
_ADDRESS_ENDS = frozenset(
    "com org net gov edu mil int co uk ly io tv ca de fr au nz cn ru jp html htm php asp "
    "aspx jpg jpeg png gif mp3 mp4 pdf swf fm info biz".split())
_MAYBE_GLUED_LOWER = re.compile(r"[a-z][.!?][\"“”’]?[a-z]")
# What every match of it holds: a pattern that opens on a character class is scanned
# several times faster than one that opens on a look-behind.
_MAYBE_GLUED = re.compile(r"[.!?][\"“”’]?[A-Z][a-z]")
# The Hill links a politician's name to a card that the page's text keeps: "Hillary Clinton
# Hillary Diane Rodham ClintonGrassley blasts Democrats ... with father MORE conducted
# ...", "Robert Mueller Robert Swan MuellerSasse: ... MORE’s probe": the full name, glued
# to the first of its headlines, and "MORE" ending them. Three
# of multinews-raw dev's articles; one card had become a summary's first sentence.
_HOVER_CARD = re.compile(
    r"(?P<last>[A-Z][a-z'’-]+) (?:[A-Z][\w'’.-]* ){1,4}(?P=last)(?=[A-Z\"“'‘])[^\n]{1,500}?"
    r" MORE(?: (?=[a-z])|(?=['’]s\b))")
# Wikipedia's citation marks and edit links: "[ 2 ] history [ edit ] until 1834, ..."
_WIKI_MARK = re.compile(r"\s?\[\s?(?:\d{1,3}|edit|citation needed)\s?\]")
# A video player's notice glued onto the article's first sentence: "Please enable javascript
# to watch this video des moines, iowa -- a popular waitress ..." (Multi-News train)
_GLUED_PLAYER_NOTICE = re.compile(
    r"\bplease (?:enable|turn on) javascript to (?:watch|view|play) this (?:video|content)\s+"
    r"(?=\S)", re.IGNORECASE)
# A no-break space a scraper could not encode, between two words: "show that??flu cases??seem"
_LOST_SPACE = re.compile(r"(?<=[a-z])\?\?(?=[a-z])")
# The AP's and the New York Times's wires type a dash as an underscore: "twice as many
# Americans _ one-third of all adults _ to consider ...", "PHOENIX _ Victoria Molina ...".
# 18 in multinews-raw dev, 87 in Multi-News val, 1,692 in DUC 2006.
_WIRE_DASH = re.compile(r"(?<=[^\s_]) _ (?=[^\s_])")
# Longer lines are whole articles on one line (as in Multi-News): judged sentence by sentence.
PARAGRAPH_MAX_WORDS = 80
# The first sentence of what is kept before a notice (_news_before_notice): a news
# sentence, not a button's or an appeal's few words ("Welcome to goskagit.com!").
NEWS_BEFORE_NOTICE_MIN_WORDS = 8
# ... nor a page's own voice: "Join us on facebook like us and you'll find top breaking news
# ...", "Gain access to global coverage from local journalists ...".
_ADDRESSES_THE_READER = re.compile(
    r"\b(?:you|your|yours)\b|^(?:close|join|gain|get|sign|subscribe|click|share|follow|"
    r"watch|see|read|learn|thank|welcome|please|like|download|enjoy|discover|find)\b",
    re.IGNORECASE)
LINK_MAX_WORDS = 30  # a teaser under a "Read more:" line: a headline, or two short sentences
# A line that opens a list of links to other stories: "Read more:", "Related coverage:".
_LINK_LIST = re.compile(
    r"^(?:read more|more on this(?: story)?|related(?: (?:coverage|stories|articles|reading))?|"
    r"see also|also read|recommended|more from [\w .]+)\s*:?$",
    re.IGNORECASE,
)
TITLE_MIN_WORDS = 4
# CNN's "Story highlights" opens a block of telegraphic bullet lines above the article.
_HIGHLIGHTS = re.compile(r"^Story highlights\b")
# A link to another story on a line of its own: "MORE: Joe Montana sues SF's Millennium
# Tower developers", "Related: ...".
_LINK_LINE = re.compile(r"^(?:more|read more|related|see also|also read)\s?:\s+\S",
                        re.IGNORECASE)
_FULL_STOP = re.compile(f"[{SENTENCE_END_MARKS}]" + r"[)\]]*\s*$")


def is_caption(line: str) -> bool:
    """A paragraph that ends with a photo credit or a gallery's buttons: the caption above
    or below a picture."""
    tail, words = line[-CREDIT_TAIL_CHARS:], len(line.split())
    return (words <= CAPTION_MAX_WORDS and bool(_CREDIT_AT_END.search(tail))
            or words <= GALLERY_CAPTION_MAX_WORDS and bool(_GALLERY_BUTTONS_AT_END.search(tail)))


def is_title_case(line: str) -> bool:
    """A headline written in title case ("They Ended Without a Handshake."), not prose."""
    words = [w.strip("\"'“”‘’()[],.:;!?—–-") for w in line.split()]
    long_words = [w for w in words[1:] if len(w) > 3 and w[:1].isalpha()]
    if len(long_words) < 3 or len(words) > HEADING_MAX_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in long_words)
    return capitalised == len(long_words)


def is_heading(line: str) -> bool:
    """A short line with no closing punctuation, or in title case: a title, section head or
    sidebar link."""
    short = len(line.split()) <= HEADING_MAX_WORDS
    return short and (not _TERMINAL.search(line) or is_title_case(line))


def is_degraded(text: str) -> bool:
    """Text stripped of punctuation (and usually of case): no sentence boundaries to find.

    Such text still reports facts, so it is kept as a source, split into sentence-like units.
    """
    # (every line break is whitespace: the lines' words are the text's words)
    counts = [len(line.split()) for line in text.splitlines()]
    # Only runs of text longer than a heading count: a list of headlines is not degraded prose.
    running_words = sum(count for count in counts if count > HEADING_MAX_WORDS)
    if running_words < DEGRADED_MIN_WORDS:
        return False
    # Prose ends a sentence every 20-25 words; one end in 80 words is no prose at all:
    # counted only as far as that decides it.
    words = sum(counts)
    ends, last = 0, None
    for ends, end in enumerate(_SENTENCE_END.finditer(text), 1):
        if ends * DEGRADED_WORDS_PER_END >= words:
            return False
        last = end
    if last is None:
        return True
    # The words after the last end may be one sentence more, cut off: Multi-News cuts every
    # article short, to 80 words and fewer in many stories ("... a few months before he
    # died. The 31-year-old glee actor was found dead ... when he was": 86 words, one end).
    cut_off = len(text[last.end():].split())
    return cut_off > DEGRADED_WORDS_PER_END or ends * DEGRADED_WORDS_PER_END < words - cut_off


def _news_before_notice(line: str) -> str | None:
    """The news of a paragraph of several sentences whose end is furniture: the sentences
    before the first one that is boilerplate or a caption's credit, where they read as news.

    Only for an article given as one line: Multi-News gives each so, cut short, often at
    80 words and fewer, where a page's notice or a photo link runs on after the story
    ("... had relapsed with heroin following his april rehab stint. Photos: cory and lea's
    romance for now"): the paragraph tests took the whole article for furniture.
    """
    spans = nupunkt.sent_spans(line)
    cut = next((k for k, (start, end) in enumerate(spans)
                if is_boilerplate(line[start:end]) or is_caption(line[start:end])), 0)
    if cut == 0:  # no sentence is furniture on its own, or the first one is
        return None
    first = line[spans[0][0]:spans[0][1]].rstrip()
    if (len(first.split()) < NEWS_BEFORE_NOTICE_MIN_WORDS or first.endswith("?")
            or talks_as_or_to_the_reader(first) or _ADDRESSES_THE_READER.search(first)):
        return None  # "Your reaction? sorry, but you can only react up to 3 times!"
    news = line[:spans[cut - 1][1]].rstrip()
    # what is kept must pass every paragraph test as it stands (clean_again)
    return None if is_boilerplate(news) or is_caption(news) else news


def _news_after_credit(line: str, first: bool) -> bool:
    """A paragraph of news with a photo credit or a label glued before it ("( Photo: Jane
    Roe/Getty Images ) The mayor closed ..."): ``segment`` starts its sentence after that."""
    head = trim_span(line, first=first)[0]
    return head > 0 and not is_boilerplate(line[head:]) and not is_caption(line[head:])


def _unglue_sentences(line: str) -> str:
    """The line with a space put back between glued sentences, on the right side of a
    quote mark: after one that closes the sentence before, before one that opens the next
    (a straight quote closes when an odd number of them came before it)."""

    def spaced(match: re.Match[str]) -> str:
        stop, quote = match.group(1), match.group(2)
        opens = quote == "“" or (quote == '"' and line.count('"', 0, match.start(2)) % 2 == 0)
        return f"{stop} {quote}" if opens else f"{stop}{quote} "

    def spaced_lower(match: re.Match[str]) -> str:
        left = line.rfind(" ", 0, match.start()) + 1
        right = line.find(" ", match.end())
        word = line[left:right if right >= 0 else len(line)]
        if (match.group(3) in _ADDRESS_ENDS or "/" in word or "@" in word
                or word.lower().startswith("www") or sum(map(word.count, ".!?")) > 1):
            return match.group()
        return spaced(match)

    if _MAYBE_GLUED.search(line):
        line = _GLUED_SENTENCES.sub(spaced, line)
    if _MAYBE_GLUED_LOWER.search(line):
        line = _GLUED_LOWER.sub(spaced_lower, line)
    return line


def _name_only(card: re.Match[str]) -> str:
    return card["last"] + (" " if card[0].endswith(" ") else "")


def _without_markup(line: str) -> str:
    """The line less markdown emphasis, a player's notice, lost spaces, wiki marks, wire
    dashes, glued sentences and hover cards. Each pattern runs only where the text it
    needs occurs: an article is cleaned twice a story (once more for reprints), and
    most lines need none of them."""
    if "*" in line or "__" in line:
        line = _MARKDOWN_EMPHASIS.sub(r"\2", line)
    line = _GLUED_PLAYER_NOTICE.sub("", line)
    if "??" in line:
        line = _LOST_SPACE.sub(" ", line)
    if "[" in line:
        line = _WIKI_MARK.sub("", line)
    line = line.strip()
    if " _ " in line:
        line = _WIRE_DASH.sub(" — ", line)
    line = _unglue_sentences(line)
    return _HOVER_CARD.sub(_name_only, line) if " MORE" in line else line


def clean_article(article: Article) -> Article:
    """The article with boilerplate paragraphs removed and a title taken from its first heading.

    Paragraphs are re-joined with blank lines; every later offset points into this text.
    """
    degraded = is_degraded(article.text)
    if degraded:
        text = " ".join(article.text.split())
        return replace(article, text=text, degraded=True)
    kept: list[str] = []
    headings: list[str] = []  # the headings above the first paragraph: the title among them
    in_link_list = in_highlights = False
    one_line = "\n" not in article.text.strip()
    for raw_line in article.text.splitlines():
        line = _without_markup(" ".join(raw_line.split()))
        if not line:
            continue
        if _HIGHLIGHTS.match(line) and len(line.split()) <= LINK_MAX_WORDS:
            in_highlights = True
            continue
        if in_highlights and len(line.split()) <= LINK_MAX_WORDS and not _FULL_STOP.search(line):
            continue  # bullets carry no full stop; the story's first paragraph does
        in_highlights = False
        if _LINK_LIST.match(line):
            in_link_list = True
            continue
        if _LINK_LINE.match(line) and len(line.split()) <= LINK_MAX_WORDS:
            continue
        if in_link_list and len(line.split()) <= LINK_MAX_WORDS:
            continue  # "A tiny bookstore had to relocate. Hundreds formed a human chain ..."
        in_link_list = False
        markdown_heading = _MARKDOWN_HEADING.match(line)
        if markdown_heading:
            line = line[markdown_heading.end() :]
        if markdown_heading or is_heading(line):
            if not kept:
                headings.append(line)
            continue
        if (len(line.split()) <= PARAGRAPH_MAX_WORDS and is_boilerplate(line)) or is_caption(line):
            # where paragraphs are kept, a caption or a notice is a paragraph of its own
            news = _news_before_notice(line) if one_line else None
            if news is None and not _news_after_credit(line, first=not kept):
                continue
            line = news or line
        kept.append(line)
    title = _title(article, headings)
    return replace(article, text="\n\n".join(kept), title=title, degraded=False)


def clean_again(cleaned: Article) -> Article:
    """``clean_article(cleaned)`` for an article that ``clean_article`` returned, cheaper.

    Cleaning is not idempotent (the markup patterns may find more in what they left:
    "***x***" keeps "*x*"), so what reads a cleaned article's news text (the reprint
    check) cleans it again. But every line of a cleaned article passed every paragraph
    test as it stands, and in the same state (no highlights block or link list open), so
    where normalising and the markup patterns leave every line as it is, the second pass
    keeps every line, the title and the flag: only such articles are returned at once.
    """
    if cleaned.degraded or is_degraded(cleaned.text):
        return clean_article(cleaned)
    for line in cleaned.text.split("\n\n"):
        if " ".join(line.split()) != line or _without_markup(line) != line:
            return clean_article(cleaned)
    return cleaned


def _title(article: Article, headings: list[str]) -> str | None:
    """The given title, else the first heading that reads like a headline (not "Politics")."""
    if article.title is not None:
        return article.title
    candidates = [h for h in headings if not is_boilerplate(h)]
    for heading in candidates:
        if len(heading.split()) >= TITLE_MIN_WORDS:
            return heading
    return candidates[0] if candidates else None
