"""What a batch does to each story: summarize, analyze, or summarize and score it.

A task is a small picklable value (its options); it turns one input record into one output
record, and never raises: a story that fails becomes an error record naming its line, so
the output accounts for every input line. Models load on first use in each worker process
and stay loaded (``learned.load_default_model``, ``entities``' spaCy pipeline).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from newsweave.batch.pool import process_pool
from newsweave.batch.records import Partition, Record, story_key
from newsweave.errors import NewsweaveError
from newsweave.group.blend import NoNewsReport, reports_only
from newsweave.model import Summary
from newsweave.reading.jsonl import JsonlLine, parse_jsonl_line

ERROR_SCHEMA = "newsweave.error"


@dataclass(frozen=True)
class StoryOutput:
    number: int
    key: str  # the story's id ("line-N" without one): what --resume matches on
    text: str  # what is written: one JSON line, or a rendered story in text formats
    error: str | None = None  # why the story failed (its output is then an error record)
    note: str | None = None  # a warning that is no failure: pages set aside as no news
    set_aside: bool = False  # no news report among its pages: an error record, no failure


def error_record(number: int, key: str, message: str) -> str:
    return json.dumps({"schema": ERROR_SCHEMA, "schema_version": "1.0", "story_id": key,
                       "line": number, "error": message}, ensure_ascii=False) + "\n"


def nothing_shown(summary: Summary) -> str:
    """Why a summary came out empty, as the pipeline said: nothing fits the budget, or no
    sentence can be shown at all (questions, fragments, cut off, degraded)."""
    return summary.empty_reason or (
        f"no sentence of these articles can be shown within {summary.max_words} words")


def _failure(exc: Exception) -> str:
    if isinstance(exc, NewsweaveError):
        return str(exc)
    detail = " ".join(str(exc).split())[:200]  # one story's crash must not end the batch
    return f"failed ({type(exc).__name__}: {detail})"


@dataclass(frozen=True)
class StoryTask:
    """The shared frame: read the record, run ``process`` on its story, catch failures."""

    output_format: str = "json"
    max_words: int = 250
    method: str = "auto"
    verb = "processing"  # what the progress bar says
    # Pages that are no news report (crawl notices, sign-in and error pages) are set aside
    # first, named, as summarize and analyze do with files (group/blend.py): a stream
    # grouped by `newsweave group` holds them, each a story of its own.
    reports_only = False

    def __call__(self, record: Record) -> StoryOutput:
        key = story_key(record)
        line = self._read(record)
        notes: list[str] = []
        try:
            if line.story is None:
                raise NewsweaveError(line.error or "unreadable")
            if self.reports_only:
                line.story = reports_only(line.story, notes.append, line.judged)
            note = f"line {record.number} ({line.story.id or key}): {notes[0]}" if notes \
                else None
            return StoryOutput(record.number, line.story.id or key, self.process(line, notes),
                               note=note)
        except Exception as exc:
            message = _failure(exc)
            if not message.startswith(f"line {record.number}:"):
                message = f"line {record.number}: {message}"
            return StoryOutput(record.number, key, self.error_text(record, key, message),
                               message, set_aside=isinstance(exc, NoNewsReport))

    @staticmethod
    def _read(record: Record) -> JsonlLine:
        if record.text is None:
            error = f"line {record.number}: too long, skipped unread"
            return JsonlLine(record.number, None, [], error)
        return parse_jsonl_line(record.text, record.number)

    def error_text(self, record: Record, key: str, message: str) -> str:
        if self.output_format == "json":
            return error_record(record.number, key, message)
        return f"# {key}\n\nerror: {message}\n"

    def process(self, line: JsonlLine, notes: list[str]) -> str:
        """The story's output (``notes``: warnings to carry in it)."""
        raise NotImplementedError

    def alone(self) -> StoryTask:
        """The task for a run of one story, in this process, with a CPU to spare: the
        same, unless a stage of it can use that CPU."""
        return self


@dataclass(frozen=True)
class SummarizeTask(StoryTask):
    verb = "summarizing"
    reports_only = True

    def process(self, line: JsonlLine, notes: list[str]) -> str:
        from newsweave.render import render
        from newsweave.summarizer.pipeline import summarize_story

        assert line.story is not None
        summary = summarize_story(line.story, self.max_words, self.method)
        summary.warnings[:0] = notes
        if not summary.sentences:
            raise NewsweaveError(nothing_shown(summary))
        rendered = render(summary, self.output_format)
        if self.output_format == "json":
            return rendered
        return f"# {summary.story_id}\n\n{rendered}\n"


@dataclass(frozen=True)
class AnalyzeTask(StoryTask):
    verb = "analyzing"
    reports_only = True
    # The entity tagger runs in a process of its own beside the other stages, as
    # `newsweave analyze` does on files: a run of one story leaves the second CPU idle.
    entities_beside: bool = False

    def process(self, line: JsonlLine, notes: list[str]) -> str:
        from newsweave.analysis.analyze import analyze_story

        assert line.story is not None
        if self.entities_beside:
            with process_pool(1) as pool:
                analysis = analyze_story(line.story, self.max_words, self.method, ner_pool=pool)
        else:
            analysis = analyze_story(line.story, self.max_words, self.method)
        analysis.warnings[:0] = notes
        return json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n"

    def alone(self) -> AnalyzeTask:
        return replace(self, entities_beside=True)


@dataclass(frozen=True)
class EvaluateTask(StoryTask):
    """A story's summary scored against its references: {"id", "words", "rouge1", ...}."""

    verb = "evaluating"
    measure: str = "f"
    use_query: bool = False

    def process(self, line: JsonlLine, notes: list[str]) -> str:
        from newsweave.evaluate import score_story
        from newsweave.summarizer.pipeline import summary_sentences

        assert line.story is not None
        if not line.references:
            raise NewsweaveError("no reference summary to score against")
        if self.use_query and line.query:
            line.story.focus = line.query
        sentences = summary_sentences(line.story, max_words=self.max_words, method=self.method)
        scores = score_story(sentences, line.references, self.max_words,
                             "recall" if self.measure == "recall" else "f")
        words = sum(len(s.split()) for s in sentences)
        row: dict[str, Any] = {"id": line.story.id, "words": words, **scores}
        return json.dumps(row) + "\n"


def run_partition(task: StoryTask, partition: Partition) -> tuple[int, list[StoryOutput]]:
    """A partition's index and outputs, in input order: what every executor runs."""
    return partition.index, [task(record) for record in partition.load()]
