"""Where a batch's output goes, written so that nothing is ever lost.

- An output that is one of the inputs (the same file, a symlink or a hard link to it) is
  refused before anything is opened for writing.
- An existing output is never truncated: it is continued (``resume``) or replaced whole
  (``overwrite``: written beside it and renamed over it only once complete); otherwise
  the run stops before it starts.
- One file: records are appended in whole lines, in input order, so an interrupted run
  leaves a prefix of the full output that ``resume`` continues (a partial last line, left
  by a killed process, is cut off first): the result is byte for byte an uninterrupted run's.
- A directory: one file per partition, each written beside its final name and renamed into
  place, so a partition's output is complete or absent, and ``resume`` reruns the absent.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TextIO

from newsweave.batch.records import Partition, Source, leading_string, story_key
from newsweave.batch.tasks import StoryOutput
from newsweave.errors import NewsweaveError

Mode = Literal["new", "resume", "overwrite"]
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def refuse_input_as_output(out: Path, inputs: list[Path]) -> None:
    """An error if ``out`` is, or is inside a directory that is, one of ``inputs``."""
    try:
        target = out.stat()
    except OSError:
        return  # nothing there yet: it cannot be an input
    for path in inputs:
        try:
            source = path.stat()
        except OSError:
            continue
        if (source.st_dev, source.st_ino) == (target.st_dev, target.st_ino):
            raise NewsweaveError(f"{out}: is the input {path}; write the output elsewhere")


@contextmanager
def _whole() -> Iterator[None]:
    """Hold SIGINT and SIGTERM off while a write is under way, so an interruption lands
    between records, never inside one."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _sync(stream: TextIO) -> None:
    stream.flush()
    os.fsync(stream.fileno())


def _sync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _cannot_write(path: Path, exc: OSError) -> NewsweaveError:
    return NewsweaveError(f"{path}: cannot write ({exc.strerror or exc})")


def _exists_error(path: Path) -> NewsweaveError:
    return NewsweaveError(
        f"{path}: already exists; add --resume to continue it or --overwrite to replace it")


class FileSink:
    """One output file (JSONL, or rendered text), records in input order."""

    def __init__(self, path: Path, mode: Mode, json_lines: bool = True) -> None:
        if path.is_dir():
            raise NewsweaveError(f"{path}: is a directory, expected an output file")
        if mode == "resume" and not json_lines:
            raise NewsweaveError("--resume needs JSON output (one record a line)")
        if path.exists() and mode == "new":
            raise _exists_error(path)
        self.path = path
        self.mode: Mode = mode if path.exists() else "new"
        self._temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self._stream: TextIO | None = None

    def plan(self, source: Source, size: int) -> tuple[int, Iterator[Partition]]:
        """How many leading stories are done already, and the partitions still to run."""
        done = self._resume(source) if self.mode == "resume" else 0
        written = self._temporary if self.mode == "overwrite" else self.path
        try:
            self._stream = open(written, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None
        return done, source.partitions(size, skip=done)

    def _resume(self, source: Source) -> int:
        """Cut a partial last line off, and check the output is a prefix of this input's."""
        data = self.path.read_bytes()
        whole = data[: data.rfind(b"\n") + 1]
        keys: list[str] = []
        for number, line in enumerate(whole.decode("utf-8", "replace").splitlines(), 1):
            quick = leading_string(line, "story_id") or leading_string(line, "id")
            if quick is not None:
                keys.append(quick)
                continue
            try:
                record = json.loads(line)
                keys.append(str(record.get("story_id", record.get("id"))))
            except (json.JSONDecodeError, AttributeError):
                raise NewsweaveError(
                    f"{self.path}: line {number} is not a JSON record; cannot resume it"
                ) from None
        checked = 0
        for record in source.records():
            if checked == len(keys):
                break
            if keys[checked] != story_key(record):
                raise NewsweaveError(
                    f"{self.path}: does not continue {source.path} (record {checked + 1} is "
                    f"{keys[checked]!r}, the input's is {story_key(record)!r}); "
                    "use --overwrite to replace it")
            checked += 1
        if checked < len(keys):
            raise NewsweaveError(f"{self.path}: holds more records than {source.path} has")
        if len(whole) < len(data):
            with open(self.path, "r+b") as stream:
                stream.truncate(len(whole))
        return len(keys)

    def write(self, index: int, outputs: list[StoryOutput]) -> None:
        assert self._stream is not None
        with _whole():
            self._stream.write("".join(output.text for output in outputs))
            self._stream.flush()

    def finish(self) -> None:
        """The run is complete: the output is synced and in place."""
        if self._stream is None:
            return
        _sync(self._stream)
        self._stream.close()
        if self.mode == "overwrite":
            os.replace(self._temporary, self.path)
        _sync_directory(self.path.parent)

    def abandon(self) -> None:
        """The run stopped early: keep the whole records written (a resumable prefix),
        except when replacing an output, which stays as it was."""
        if self._stream is None:
            return
        if self.mode == "overwrite":
            self._stream.close()
            self._temporary.unlink(missing_ok=True)
        else:
            _sync(self._stream)
            self._stream.close()


class DirectorySink:
    """One file per partition in a directory: part-00000.jsonl, or .parquet when the
    directory's name ends in .parquet."""

    def __init__(self, path: Path, mode: Mode) -> None:
        if path.exists() and not path.is_dir():
            raise NewsweaveError(f"{path}: is a file, expected an output directory")
        self.path = path
        self.parquet = path.suffix.lower() == ".parquet"
        self.suffix = ".parquet" if self.parquet else ".jsonl"
        existing = sorted(path.glob(f"part-*{self.suffix}")) if path.is_dir() else []
        if existing and mode == "new":
            raise _exists_error(path)
        self.mode = mode
        self._written: set[Path] = set()

    def part(self, index: int) -> Path:
        return self.path / f"part-{index:05d}{self.suffix}"

    def plan(self, source: Source, size: int) -> tuple[int, Iterator[Partition]]:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None
        partitions = list(source.partitions(size))
        if self.mode != "resume":
            return 0, iter(partitions)
        done = [p for p in partitions if self.part(p.index).exists()]
        pending = [p for p in partitions if not self.part(p.index).exists()]
        return sum(p.size for p in done), iter(pending)

    def write(self, index: int, outputs: list[StoryOutput]) -> None:
        final = self.part(index)
        temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        with _whole():
            if self.parquet:
                _write_parquet(temporary, outputs)
            else:
                with open(temporary, "w", encoding="utf-8") as stream:
                    stream.write("".join(output.text for output in outputs))
                    _sync(stream)
            os.replace(temporary, final)
        self._written.add(final)

    def finish(self) -> None:
        if self.mode == "overwrite":  # parts of an earlier, longer run are not this run's
            for stale in self.path.glob(f"part-*{self.suffix}"):
                if stale not in self._written:
                    stale.unlink()
        _sync_directory(self.path)

    def abandon(self) -> None:
        for temporary in self.path.glob(f".part-*.{os.getpid()}.tmp"):
            temporary.unlink(missing_ok=True)


def _write_parquet(path: Path, outputs: list[StoryOutput]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "line": pa.array([o.number for o in outputs], pa.int64()),
        "story_id": pa.array([o.key for o in outputs], pa.string()),
        "record": pa.array([o.text.rstrip("\n") for o in outputs], pa.string()),
        "error": pa.array([o.error for o in outputs], pa.string()),
    })
    pq.write_table(table, path)
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())


class StreamSink:
    """Standard output (or any stream), written as records complete; nothing to resume."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def plan(self, source: Source, size: int) -> tuple[int, Iterator[Partition]]:
        return 0, source.partitions(size)

    def write(self, index: int, outputs: list[StoryOutput]) -> None:
        with _whole():
            self.stream.write("".join(output.text for output in outputs))
            self.stream.flush()

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


Sink = FileSink | DirectorySink | StreamSink


def open_sink(
    out: Path | None, mode: Mode, json_lines: bool = True, stream: TextIO | None = None
) -> Sink:
    """A file, a directory (an existing one, a name ending in "/" or ".parquet"), or
    ``stream`` (standard output by default)."""
    if out is None:
        if mode != "new":
            raise NewsweaveError("--resume and --overwrite need --out")
        return StreamSink(stream)
    if out.is_dir() or str(out).endswith(os.sep) or out.suffix.lower() == ".parquet":
        return DirectorySink(out, mode)
    return FileSink(out, mode, json_lines)
