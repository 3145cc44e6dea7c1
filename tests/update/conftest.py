"""The invented Monday/Wednesday mill-fire articles of tests/fixtures/update."""

from __future__ import annotations

from pathlib import Path

import pytest

UPDATE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "update"


@pytest.fixture(scope="session")
def old_dir() -> Path:
    """Monday night: seven dead, the fire started in a storage room, the mill opened in 1952."""
    return UPDATE_FIXTURES / "old"


@pytest.fixture(scope="session")
def new_dir() -> Path:
    """Wednesday: nine dead, a faulty panel caused it, a memorial; two lines repeat Monday's."""
    return UPDATE_FIXTURES / "new"
