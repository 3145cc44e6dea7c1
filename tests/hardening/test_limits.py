"""Item 1 of the hardening issue: the size limit bounds what is read, whatever the path is.

Every kind of path that can stand where a file is expected (a regular file, a symlink to
an endless character device, a FIFO fed by a writer that never stops, standard input,
a JSONL file whose line never ends) is refused after at most the limit plus one byte:
each case must end within a second and allocate about the limit, never the stream.
"""

from __future__ import annotations

import io
import os
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.errors import InputError
from newsweave.reading.jsonl import iter_jsonl
from newsweave.reading.read import read_story

LIMIT = 100_000  # bytes: small, so that reading "a little over" it is still quick


def _endless_fifo(path: Path) -> None:
    os.mkfifo(path)

    def feed() -> None:
        try:
            with open(path, "wb") as stream:
                while True:
                    stream.write(b"The council met again on Tuesday. " * 1000)
        except (BrokenPipeError, OSError):
            pass  # the reader stopped reading: what the test wants

    threading.Thread(target=feed, daemon=True).start()


def _symlink_to(device: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        if not Path(device).exists():
            pytest.skip(f"{device} is missing on this machine")
        path.symlink_to(device)

    return make


def _big_regular_file(path: Path) -> None:
    path.write_bytes(b"A sentence about the bridge. " * (LIMIT // 10))


PATH_KINDS = {
    "symlink to /dev/zero": _symlink_to("/dev/zero"),
    "symlink to /dev/urandom": _symlink_to("/dev/urandom"),
    "FIFO with an endless writer": _endless_fifo,
    "regular file over the limit": _big_regular_file,
}


@pytest.fixture
def bounded() -> Iterator[Callable[[], tuple[float, int]]]:
    """Time and peak Python allocation of what the test runs under it."""
    tracemalloc.start()
    started = time.perf_counter()
    yield lambda: (time.perf_counter() - started, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()


@pytest.mark.parametrize("kind", list(PATH_KINDS))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_every_kind_of_path_is_read_at_most_to_the_limit(
    kind: str, suffix: str, tmp_path: Path, bounded: Callable[[], tuple[float, int]]
) -> None:
    path = tmp_path / f"article{suffix}"
    PATH_KINDS[kind](path)
    with pytest.raises(InputError, match="over the 0.1 MB limit"):
        read_story([str(path)], [], max_bytes=LIMIT)
    seconds, peak = bounded()
    assert seconds < 2
    assert peak < 20 * LIMIT  # the decoded limit and a few copies, not the stream


class _EndlessText(io.RawIOBase):
    """A pipe from a program that never stops printing prose."""

    def readinto(self, buffer: Any) -> int:
        chunk = b"The bridge fell. " * (len(buffer) // 17 + 1)
        buffer[:] = chunk[: len(buffer)]
        return len(buffer)

    def readable(self) -> bool:
        return True


@pytest.mark.parametrize("stream", ["/dev/zero", "/dev/urandom", "endless text"])
def test_stdin_is_read_at_most_to_the_limit(
    stream: str, bounded: Callable[[], tuple[float, int]]
) -> None:
    source = _EndlessText() if stream == "endless text" else open(stream, "rb")  # noqa: SIM115
    with source, pytest.raises(InputError, match="stdin: over the 0.1 MB limit"):
        read_story(["-"], [], stdin=source, max_bytes=LIMIT)
    seconds, peak = bounded()
    assert seconds < 2 and peak < 20 * LIMIT


@pytest.mark.parametrize("kind", ["symlink to /dev/zero", "FIFO with an endless writer"])
def test_a_jsonl_stream_whose_line_never_ends_stops_at_the_line_limit(
    kind: str, tmp_path: Path, bounded: Callable[[], tuple[float, int]]
) -> None:
    path = tmp_path / "stories.jsonl"
    PATH_KINDS[kind](path)
    lines = iter_jsonl(path, max_line_chars=LIMIT)
    first = next(lines)
    assert first.story is None and first.error and "longer than 100,000 characters" in first.error
    with pytest.raises(InputError, match="not a regular file"):
        next(lines)
    seconds, peak = bounded()
    assert seconds < 2 and peak < 20 * LIMIT


def test_a_regular_jsonl_file_goes_on_after_an_overlong_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    story = '{"documents": ["The bridge fell on Tuesday. Nine people died."]}\n'
    path.write_text('{"documents": ["' + "x" * 3 * LIMIT + '"]}\n' + story, encoding="utf-8")
    lines = list(iter_jsonl(path, max_line_chars=LIMIT))
    assert lines[0].story is None and lines[1].story is not None


def test_a_directory_names_what_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("The bridge fell on Tuesday. Nine people died.\n")
    warnings: list[str] = []
    story = read_story([str(tmp_path)], warnings, max_bytes=LIMIT)
    assert [a.source for a in story.articles] == ["ok"]
    assert sorted(w.split("/")[-1] for w in warnings) == [
        "pipe.txt: not a regular file, skipped", "zero.txt: not a regular file, skipped"]
