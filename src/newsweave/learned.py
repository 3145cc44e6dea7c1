"""The learned salience model (see the issue "Summary quality"). Not trained yet."""

from __future__ import annotations

import numpy as np

from newsweave.errors import InputError
from newsweave.features import FeatureTable


class SalienceModel:
    def predict(self, features: FeatureTable) -> np.ndarray:
        raise NotImplementedError


def load_default_model(required: bool = False) -> SalienceModel | None:
    if required:
        raise InputError("no learned model is installed with this package")
    return None
