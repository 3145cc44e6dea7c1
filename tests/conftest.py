"""Shared fixtures: where the test data lives, and how to run the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from assertions import CliRun
from click.testing import CliRunner, Result

from newsweave.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_root() -> Path:
    return Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data root (``$NEWSWEAVE_SHARED``, else ``<repo>/../shared``)."""
    root = shared_root()
    if not root.is_dir():
        pytest.skip(f"shared data not found at {root} (set NEWSWEAVE_SHARED)")
    return root


@pytest.fixture(scope="session")
def hanoi_dir(shared_dir: Path) -> Path:
    """Five real outlets on the 2019 Hanoi summit; ap.txt is the degraded one."""
    path = shared_dir / "examples" / "hanoi-summit"
    if not (path / "ap.txt").is_file():
        pytest.skip(f"Hanoi example not found at {path}")
    return path


def _fixture_path(*parts: str) -> Path:
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"fixture {path} is missing")
    return path


@pytest.fixture(scope="session")
def story_dir() -> Path:
    """Three short invented articles about one derailment."""
    return _fixture_path("story")


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return _fixture_path("bad")


@pytest.fixture(scope="session")
def harbor_dir() -> Path:
    """Five invented outlets: text, Markdown, HTML and a degraded radio transcript."""
    path = REPO / "examples" / "harbor-bridge"
    if not path.is_dir():
        pytest.skip(f"example {path} is missing")
    return path


@pytest.fixture
def cli() -> CliRun:
    """Run ``newsweave ARGS...`` in-process; stdout and stderr come back separately."""

    try:  # click < 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input)

    return run
