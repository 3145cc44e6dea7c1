"""Focus: prefer the sentences that answer what the reader asked about.

A focus is a topic or a question, as an editor would brief a writer: "Native American
reservations: conditions, benefits and drawbacks". Its content stems, less the words that
only tell the writer what to do ("discuss", "include", "describe"), become a vector in the
story's own TF-IDF space; a sentence's relevance is its cosine to that vector. Under
coverage selection (coverage.py) a bigram naming one of its stems is also a concept.
"""

from __future__ import annotations

import numpy as np

from newsweave.summarizer.represent import Representation, to_dense
from newsweave.text import content_stems

# Words of a brief that say what to write, not what about (DUC topic narratives use them).
_INSTRUCTIONS = set(content_stems(
    "discuss describe include including identify explain specify report reports give "
    "provide indicate note mention what which who whom whose when where why how "
    "information details detail aspects aspect kinds kind types type various issues "
    "topic question questions also"
))


def focus_stems(focus: str) -> set[str]:
    """The stems of a focus that name what it is about."""
    return {s for s in content_stems(focus) if s not in _INSTRUCTIONS}


def focus_relevance(focus: str, representation: Representation) -> np.ndarray:
    """Cosine of each sentence to the focus (zeros where the focus shares no word)."""
    columns = [representation.vocabulary[s] for s in focus_stems(focus)
               if s in representation.vocabulary]
    n = len(representation.stems)
    if not columns:
        return np.zeros(n)
    query = np.zeros(len(representation.vocabulary))
    query[columns] = representation.idf[columns]
    query /= np.linalg.norm(query)
    return np.asarray(to_dense(representation.vectors @ query[:, None])).ravel()
