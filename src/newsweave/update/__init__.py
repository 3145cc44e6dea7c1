"""Update summaries: what new articles add for a reader who has read earlier ones.

``newsweave summarize NEW... --since OLD...``, a JSONL story's ``"previous"``,
``newsweave.summarize(articles, previous=[...])`` and :func:`summarize_update` (for callers
holding :class:`~newsweave.model.Article` objects) all come here. See novelty.py for how a
sentence is judged already read, and summary.py for how the update is chosen and told.
"""

from newsweave.update.summary import summarize_update, update_summary

__all__ = ["summarize_update", "update_summary"]
