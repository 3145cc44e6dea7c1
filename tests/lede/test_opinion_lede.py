"""A columnist's view is not the news: an opinion piece's sentences never open a summary
(issue 22, item 5), on invented articles."""

from __future__ import annotations

import numpy as np

from newsweave import summarize
from newsweave.lede.choose import choose_lede, opinion_articles
from newsweave.model import Article, Sentence

COLUMN = (
    "The harbour council voted on Tuesday to close the Kestrel ferry after ninety years. "
    "I have taken that ferry every morning since I was a boy. We deserve better than a "
    "council that counts only the cost. My neighbours feel the same way. I will miss it."
)
NEWS = (
    "The Kestrel ferry will stop running in March after the harbour council voted 7-2 on "
    "Tuesday to end its subsidy. The service carried 140,000 passengers last year. The "
    "council said a new bus route would replace it."
)
NEWS_TOO = (
    "Port Ellis councillors voted on Tuesday to end the Kestrel ferry's subsidy, closing "
    "the 90-year-old service in March. Ferry workers said they would appeal."
)


def _sentences(*articles: str) -> list[Sentence]:
    return [Sentence(text=text.rstrip(".") + ".", article_index=a, position=k, start=0,
                     end=len(text))
            for a, article in enumerate(articles)
            for k, text in enumerate(article.split(". "))]


def test_an_article_speaking_in_the_first_person_is_an_opinion_piece() -> None:
    assert opinion_articles(_sentences(COLUMN, NEWS), 2) == {0}


def test_the_best_scored_sentence_of_an_opinion_piece_does_not_open() -> None:
    shown = _sentences(COLUMN, NEWS)
    scores = np.zeros(len(shown))
    scores[0] = 5.0  # the column's first sentence, a plain report, scores best
    news_first = next(i for i, s in enumerate(shown) if s.article_index == 1)
    scores[news_first] = 1.0
    everything = list(range(len(shown)))
    assert choose_lede(shown, everything, scores, opinion=set()) == 0
    assert choose_lede(shown, everything, scores, opinion={0}) == news_first


def test_a_summary_opens_on_the_news_when_the_column_is_given_first() -> None:
    articles = [Article(id=f"a{k}", source=f"outlet-{k}", text=text)
                for k, text in enumerate((COLUMN, NEWS, NEWS_TOO))]
    summary = summarize(articles, max_words=60)
    assert summary.sentences[0].article_index != 0, summary.sentences[0].text
