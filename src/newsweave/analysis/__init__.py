"""Cross-source reading: what several outlets' articles on one story say about each other.

Quotations and who said them (:mod:`.quotes`), figures and dates the outlets disagree on
(:mod:`.conflicts`, built on :mod:`.numbers`), and a dated timeline of events (:mod:`.timeline`).
Every component is a pure function of the cleaned articles and their sentences, and every
result keeps character offsets into ``article.text`` so a reader can check it at the source.
"""
