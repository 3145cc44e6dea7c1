"""The desk's fixtures: a real `newsweave serve` process on 127.0.0.1 and a free port, over
a real SQLite file, with the write token set; and helpers to talk to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_server import DeskServer


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    """A running desk shared by one test module."""
    server = DeskServer(str(tmp_path_factory.mktemp("desk") / "desk.db"),
                        ["--allow-private-feeds"]).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_desk(tmp_path: Path) -> Iterator[DeskServer]:
    """A desk of one's own, over an empty store."""
    server = DeskServer(str(tmp_path / "desk.db"), ["--allow-private-feeds"])
    try:
        yield server
    finally:
        server.kill()
