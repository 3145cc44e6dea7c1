"""`newsweave serve` as a child process on 127.0.0.1 and a free port: what the tests and
the benchmark start, so both exercise the real server exactly as a user runs it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServeProcess:
    db: str
    token: str
    args: list[str] = field(default_factory=list)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60.0) -> ServeProcess:
        self.port = free_port()
        env = {**os.environ, "NEWSWEAVE_TOKEN": self.token}
        command = [sys.executable, "-m", "newsweave", "serve", "--host", "127.0.0.1",
                   "--port", str(self.port), "--db", self.db, *self.args]
        self.log = Path(f"{self.db}.{self.port}.log") if "://" not in self.db else \
            Path(f"/tmp/newsweave-serve.{self.port}.log")
        with open(self.log, "wb") as log:
            # Its own process group, so that kill() takes the worker down with it.
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
        self.kill()
        raise RuntimeError(f"serve did not answer in {timeout_s} s: {self.log.read_text()}")

    def stop(self) -> None:
        """Ctrl-C, as a user stops it; kill -9 if it does not stop."""
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
