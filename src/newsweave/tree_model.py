"""A trained LightGBM model, scored through LightGBM's own C library.

``import lightgbm`` costs about a second of CPU where scikit-learn is installed (its
compatibility layer imports scikit-learn, and scikit-learn SciPy's statistics), paid again
by every worker process of a batch: more than summarizing 60 Multi-News stories. Scoring
needs none of that, only two functions of the library that the package ships
(``lib_lightgbm``), called here with the arguments ``lightgbm.Booster.predict`` passes
them, so the scores are the same to the last bit (tests/test_tree_model.py). Training
still uses the ``lightgbm`` package.
"""

from __future__ import annotations

import ctypes
import importlib.util
import weakref
from pathlib import Path

import numpy as np

from newsweave.errors import NewsweaveError

# From LightGBM's c_api.h.
_DTYPE_FLOAT32 = 0
_DTYPE_FLOAT64 = 1
_ROW_MAJOR = 1
_PREDICT_NORMAL = 0
_ALL_ITERATIONS = -1
# What ``Booster.predict(rows, num_threads=1)`` passes: one thread, since each worker
# process has a core of its own (batch/pool.py).
_PARAMETERS = b"num_threads=1"


def _library_path() -> Path | None:
    """The C library inside the installed lightgbm package (found without importing it)."""
    spec = importlib.util.find_spec("lightgbm")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for name in ("lib_lightgbm.so", "lib_lightgbm.dylib", "lib_lightgbm.dll"):
            for candidate in (Path(folder) / "lib" / name, Path(folder) / name):
                if candidate.exists():
                    return candidate
    return None


def lightgbm_installed() -> bool:
    return _library_path() is not None


class TreeModel:
    """A LightGBM model file, loaded once and scored many times."""

    def __init__(self, path: Path) -> None:
        library_path = _library_path()
        if library_path is None:
            raise NewsweaveError("scoring a LightGBM model needs lightgbm: pip install lightgbm")
        self._lib = ctypes.cdll.LoadLibrary(str(library_path))
        self._lib.LGBM_GetLastError.restype = ctypes.c_char_p
        self._handle = ctypes.c_void_p()
        iterations = ctypes.c_int(0)
        self._check(self._lib.LGBM_BoosterCreateFromModelfile(
            str(path).encode(), ctypes.byref(iterations), ctypes.byref(self._handle)))
        weakref.finalize(self, self._lib.LGBM_BoosterFree, self._handle)
        self.feature_names = _feature_names(path)

    def _check(self, status: int) -> None:
        if status != 0:
            raise NewsweaveError(f"lightgbm: {self._lib.LGBM_GetLastError().decode()}")

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """One score per row, as ``lightgbm.Booster.predict(rows, num_threads=1)`` gives
        (``rows``: 2-D, one column per feature; float32 rows are passed as such, as the
        package passes them, anything else as float64)."""
        single = rows.dtype == np.float32
        data = np.ascontiguousarray(rows, dtype=np.float32 if single else np.float64)
        if data.ndim != 2:
            raise ValueError(f"expected a 2-D array of rows, got {data.ndim}-D")
        scores = np.empty(data.shape[0], dtype=np.float64)
        written = ctypes.c_int64(0)
        self._check(self._lib.LGBM_BoosterPredictForMat(
            self._handle,
            data.ctypes.data_as(ctypes.c_void_p),
            ctypes.c_int(_DTYPE_FLOAT32 if single else _DTYPE_FLOAT64),
            ctypes.c_int32(data.shape[0]),
            ctypes.c_int32(data.shape[1]),
            ctypes.c_int(_ROW_MAJOR),
            ctypes.c_int(_PREDICT_NORMAL),
            ctypes.c_int(0),
            ctypes.c_int(_ALL_ITERATIONS),
            ctypes.c_char_p(_PARAMETERS),
            ctypes.byref(written),
            scores.ctypes.data_as(ctypes.POINTER(ctypes.c_double)),
        ))
        if written.value != data.shape[0]:
            raise NewsweaveError(f"lightgbm gave {written.value} scores for {data.shape[0]} rows")
        return scores


def _feature_names(path: Path) -> tuple[str, ...]:
    """The model file's feature names (its header's ``feature_names=`` line)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("feature_names="):
                return tuple(line.removeprefix("feature_names=").split())
            if line.startswith("Tree="):
                break
    return ()
