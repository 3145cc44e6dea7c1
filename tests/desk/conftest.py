"""The desk's fixtures: a real `newsweave serve` process on 127.0.0.1 and a free port, over
a real SQLite file, with the write token set; and helpers to talk to it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

TOKEN = "test-token-7f3a"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DeskServer:
    """A `newsweave serve` subprocess; ``start``/``kill`` let a test crash and restart it."""

    db: str
    args: list[str] = field(default_factory=list)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60.0) -> DeskServer:
        self.port = free_port()
        env = {**os.environ, "NEWSWEAVE_TOKEN": TOKEN}
        command = [sys.executable, "-m", "newsweave", "serve", "--host", "127.0.0.1",
                   "--port", str(self.port), "--db", self.db, *self.args]
        self.log = Path(self.db).with_suffix(f".{self.port}.log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log,
                                            start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited: {self.log.read_text()}")
            try:
                if httpx.get(self.url + "/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"serve did not answer in {timeout_s} s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def kill(self) -> None:
        """kill -9 the server and its worker (the whole process group)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def post(self, payload: Any, token: str | None = TOKEN, **kwargs: Any) -> httpx.Response:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return httpx.post(self.url + "/api/articles", json=payload, headers=headers,
                          timeout=60, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.get(self.url + path, timeout=30, **kwargs)

    def wait_until_current(self, story_id: str, timeout_s: float = 60.0) -> dict[str, Any]:
        """The story once the worker has read every article it holds."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            story = self.get(f"/api/stories/{story_id}").json()
            if story["version"] > 0 and not story["pending"]:
                return dict(story)
            time.sleep(0.1)
        raise AssertionError(f"story {story_id} still pending after {timeout_s} s")


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
