"""Group a mixed pile or stream of articles into stories, folding reprints.

>>> from newsweave.group import group, Grouper  # doctest: +SKIP
>>> stories = group(articles)  # doctest: +SKIP
"""

from newsweave.group.grouper import DEFAULT_WINDOW_DAYS, Assignment, Grouper
from newsweave.group.revise import group

__all__ = ["DEFAULT_WINDOW_DAYS", "Assignment", "Grouper", "group"]
