"""newsweave: many articles about one story in, one attributed extractive summary out.

>>> import newsweave
>>> summary = newsweave.summarize([text_a, text_b, text_c], max_words=120)  # doctest: +SKIP
>>> print(summary.text)  # doctest: +SKIP
"""

from newsweave.analysis.analyze import Analysis, analyze
from newsweave.errors import InputError, NewsweaveError
from newsweave.group import Assignment, Grouper, group
from newsweave.model import Article, Sentence, Story, Summary, SummarySentence
from newsweave.summarizer.pipeline import summarize

__all__ = [
    "Analysis",
    "Article",
    "Assignment",
    "Grouper",
    "InputError",
    "NewsweaveError",
    "Sentence",
    "Story",
    "Summary",
    "SummarySentence",
    "analyze",
    "group",
    "summarize",
]
__version__ = "0.1.0"
