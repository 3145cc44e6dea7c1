"""Shared test helpers: known noise, assertions on what the CLI prints, real-process runs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from click.testing import Result

CliRun = Callable[..., Result]  # the ``cli`` fixture: newsweave ARGS... in-process

# Noise the Hanoi articles really carry: none of it may reach a summary (nor a sentence).
HANOI_NOISE = (
    "Photograph:",  # Guardian caption credit
    "Leah Millis",
    "Getty Images",  # NYMag caption credit
    "EPA-EFE",  # Bloomberg/Daily Maverick caption credit
    "Rose Garden",  # ... and the caption itself, about an unrelated event
    "partial shutdown",
    "Read a QuickTake",  # promos
    "Read More",
    "Walked Out on Kim",
    "peer review",  # comment prompt
    "paywall",  # donation appeal
    "our readers",
    "contributing whatever",
    "Support Daily Maverick",
    "Payment options",
    "Elections Toolbox",  # sidebar promo
    "Feeling powerless",
    "global politics",  # section label
    "follow him on twitter",  # AP author bio
    "top stories",  # sidebar headlines inside the AP text
    "gavin newsom",
)
# Noise that sentences may carry but a summary must trim: a dateline and a sign-off.
HANOI_TRIMMED_NOISE = ("HANOI, Vietnam —", "Green said. DM", "(AP)")


def run_subprocess(
    args: Sequence[str],
    input: bytes | None = None,
    entry_point: bool = False,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real command (``python -m newsweave`` or the ``newsweave`` script)."""
    if entry_point:
        script = Path(sys.executable).with_name("newsweave")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "newsweave"]
    else:
        command = [sys.executable, "-m", "newsweave"]
    completed = subprocess.run(
        [*command, *args],
        input=input,
        capture_output=True,
        timeout=60,
        env=env,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def stderr_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def assert_one_line_error(stderr: str, *fragments: str) -> str:
    """stderr is exactly one line, ``error: ...``, holding every fragment; no traceback."""
    assert "Traceback" not in stderr
    lines = stderr_lines(stderr)
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    assert lines[0].startswith("error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


def assert_only_warnings(stderr: str) -> list[str]:
    """Every line of stderr is a one-line ``warning: ...``; no traceback."""
    assert "Traceback" not in stderr
    lines = stderr_lines(stderr)
    for line in lines:
        assert line.startswith("warning: "), line
    return lines


def assert_no_crash(result: Result) -> None:
    """In-process run ended by a return or sys.exit, never by an exception."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"newsweave raised {result.exception!r}") from result.exception
