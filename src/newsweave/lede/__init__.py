"""The lede, the news order and the headline: a summary that leads with the news.

``features.py`` describes each sentence as a candidate first sentence, ``model.py`` scores
it with a small LightGBM model trained on Multi-News references' first sentences
(``train.py``), ``order.py`` puts the summary in news order (lede, developments, reactions,
background) and ``headline.py`` makes the summary's title from the sources' words.
"""
