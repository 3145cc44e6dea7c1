"""Pages that are not news reports: crawl notices, sign-in boxes, cookie walls, error pages.

A web crawl of the outlets a story cites brings back pages that report nothing: an
Internet Archive crawl notice, "Tweet with a location ...", "We've detected that
javascript is disabled in your browser", a subscription or log-in prompt, a "page not
found". They share their wording with every other such page, whatever story linked to
them, so a grouper that compares words would fold them together or into a story. The
grouper asks :func:`is_not_news` first: such a page starts a story of its own that no
later article is offered (``Article.not_news`` says why it stands alone).

The detector is a logistic regression over sublinear TF-IDF of words and word pairs of
the whole lower-cased text, trained on Multi-News train to tell the documents its
curators found irrelevant to their story from the relevant ones
(``python -m newsweave.group.train_not_news``; ``models/group_not_news.tsv.gz``). Most
irrelevant documents are real articles on another matter, which no text alone betrays,
so the model learns from template pages only: openings that recur across many stories'
documents, nearly all of them outside their story (``train_not_news.py``).

A crawl notice or a sign-up box may open a real article (Multi-News keeps some), so the
text is judged in passages of about ``PASSAGE_WORDS`` words: a page is no news report
when passages the model calls notices hold at least ``NOTICE_SHARE`` of its words. The
thresholds are set where, on Multi-News val, no real article is flagged
(docs/quality.md, fifth grouping session).
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsweave.errors import NewsweaveError
from newsweave.group.text import rough_sentences

NOT_NEWS_MODEL = Path(__file__).resolve().parents[1] / "models" / "group_not_news.tsv.gz"
# A passage is a notice from this probability; a page is no news report when notices hold
# this share of its words. A real article misfiled is the worse error: on Multi-News val
# every relevant document these flag is a notice, a prompt or a legal page itself.
NOTICE_PROBABILITY = 0.5
NOTICE_SHARE = 0.7
# Passages of about this many words (whole rough sentences): long enough for the model to
# judge, short enough that a notice opening an article is a passage of its own.
PASSAGE_WORDS = 30
# The same tokens scikit-learn's TfidfVectorizer finds with this pattern on lower-cased
# text (the training command uses it), so the shipped weights read the same features.
TOKEN_PATTERN = r"[a-z][a-z']+"
_TOKEN = re.compile(TOKEN_PATTERN)
_INTERCEPT = "<intercept>"


@dataclass(frozen=True)
class NotNewsModel:
    """Per term (a word or two words joined by a space): its IDF and its weight."""

    idf: dict[str, float]
    weight: dict[str, float]
    intercept: float

    def probability(self, text: str) -> float:
        """How likely the text is a page that reports nothing (0 for an empty text)."""
        tokens = _TOKEN.findall(text.lower())
        counts: dict[str, int] = {}
        for term in (*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))):
            if term in self.idf:
                counts[term] = counts.get(term, 0) + 1
        if not counts:
            return 0.0
        values = {term: (1.0 + math.log(n)) * self.idf[term] for term, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in values.values()))
        score = self.intercept + sum(value * self.weight.get(term, 0.0)
                                     for term, value in values.items()) / norm
        return 1.0 / (1.0 + math.exp(-score))


def write_model(path: Path, idf: dict[str, float], weight: dict[str, float],
                intercept: float) -> None:
    """Write the model as ``term<TAB>idf<TAB>weight`` lines (the intercept on its own)."""
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(f"{_INTERCEPT}\t0\t{intercept:.6g}\n")
        for term in sorted(idf):
            stream.write(f"{term}\t{idf[term]:.5g}\t{weight.get(term, 0.0):.5g}\n")


@lru_cache(maxsize=2)
def load_model(path: Path = NOT_NEWS_MODEL) -> NotNewsModel:
    """The shipped detector (read once per process)."""
    if not path.is_file():
        raise NewsweaveError(f"{path}: the not-news model is missing; rebuild it with "
                             "python -m newsweave.group.train_not_news")
    idf: dict[str, float] = {}
    weight: dict[str, float] = {}
    intercept = 0.0
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            term, term_idf, term_weight = line.rstrip("\n").split("\t")
            if term == _INTERCEPT:
                intercept = float(term_weight)
                continue
            idf[term] = float(term_idf)
            if float(term_weight):
                weight[term] = float(term_weight)
    return NotNewsModel(idf, weight, intercept)


def passages(text: str) -> list[str]:
    """Runs of whole rough sentences of ``PASSAGE_WORDS`` words or more (a short tail joins
    the passage before it)."""
    found: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in rough_sentences(" ".join(text.split())):
        current.append(sentence)
        words += len(sentence.split())
        if words >= PASSAGE_WORDS:
            found.append(" ".join(current))
            current, words = [], 0
    if current:
        if found and words < PASSAGE_WORDS // 2:
            found[-1] += " " + " ".join(current)
        else:
            found.append(" ".join(current))
    return found


def notice_share(text: str, model: NotNewsModel | None = None) -> float:
    """The share of the text's words in passages the model calls notices."""
    model = model or load_model()
    total = notices = 0
    for passage in passages(text):
        words = len(passage.split())
        total += words
        if model.probability(passage) >= NOTICE_PROBABILITY:
            notices += words
    return notices / total if total else 0.0


def is_not_news(text: str) -> bool:
    """True for a page that is no news report (a notice, a prompt, an error page):
    ``notice_share(text) >= NOTICE_SHARE``, but a news report is given up on once its news
    passages alone rule the share out (after a third of its words, not all of them: the
    check is a tenth of the time of grouping a pile)."""
    model = load_model()
    found = passages(text)
    sizes = [len(passage.split()) for passage in found]
    total = sum(sizes)
    if not total:
        return False
    news = 0
    for passage, words in zip(found, sizes, strict=True):
        if model.probability(passage) < NOTICE_PROBABILITY:
            news += words
            if (total - news) / total < NOTICE_SHARE:
                return False
    return (total - news) / total >= NOTICE_SHARE
