"""A real PostgreSQL server from Debian's package, started in a temporary directory for the
tests (as the ``postgres`` user when run as root: initdb refuses root), on 127.0.0.1."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.desk.process import free_port


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def unavailable_reason() -> str | None:
    if _binaries() is None:
        return "PostgreSQL not installed (apt-get install postgresql; make test does it)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: initdb refuses root"
    return None


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a throwaway server; yield its URL; stop and remove it."""
    binaries = _binaries()
    assert binaries is not None
    root = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse root: run them as postgres
        shutil.chown(root, "postgres")
        os.chmod(root, 0o700)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, timeout=120)

    run(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "desk", "--no-sync")
    run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
        f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off", "start")
    url = f"postgresql://desk@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 30
        import psycopg

        while True:
            try:
                psycopg.connect(url).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        subprocess.run([*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)
