"""The spaCy pipeline's loader: numpy's matrix products, the same parses as blis's."""

from __future__ import annotations

import pytest

from newsweave import spacy_model

spacy = pytest.importorskip("spacy")
thinc_api = pytest.importorskip("thinc.api")

SENTENCES = [
    "The mayor of Riverton closed the old harbour bridge on Tuesday evening after "
    "inspectors found a crack, and ordered ferries to run through the night",
    '"We will not reopen it until it is safe," she told reporters outside city hall, as',
    "Engineers from three firms, including one that built the bridge in 1962, said the",
]


@pytest.fixture(scope="module")
def pipeline() -> object:
    try:
        return spacy_model.load(exclude=["ner", "lemmatizer"])
    except (ImportError, OSError) as exc:
        pytest.skip(f"spaCy's model is not installed: {exc}")


def test_every_layer_multiplies_with_numpy_not_blis(pipeline: object) -> None:
    for name, pipe in pipeline.pipeline:  # type: ignore[attr-defined]
        model = getattr(pipe, "model", None)
        if model is None:
            continue  # the attribute ruler has no layers
        uses_blis = {getattr(layer.ops, "use_blis", None) for layer in model.walk()}
        assert uses_blis == {False}, name


def test_loading_leaves_the_process_s_operations_as_they_were(pipeline: object) -> None:
    before = thinc_api.get_current_ops()
    spacy_model.load(exclude=["parser", "ner", "lemmatizer"])
    assert thinc_api.get_current_ops() is before


def test_the_parses_are_blis_s(pipeline: object) -> None:
    default = spacy.load(spacy_model.MODEL_PACKAGE, exclude=["ner", "lemmatizer"])

    def parses(nlp: object) -> list[list[tuple[str, str, int, str]]]:
        return [[(t.text, t.dep_, t.head.i, t.pos_) for t in doc]
                for doc in nlp.pipe(SENTENCES)]  # type: ignore[attr-defined]

    assert parses(pipeline) == parses(default)


def test_a_missing_model_is_an_error_the_callers_catch(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    monkeypatch.setattr(spacy_model, "MODEL_PACKAGE", "no_such_spacy_model")
    with pytest.raises(OSError):
        spacy_model.load()
