"""ROUGE evaluation under the project's one scoring convention.

The convention (see the data README): rouge-score semantics with Porter stemming; the
summary is cut to the word budget (whitespace words) before scoring, keeping its sentence
breaks; ``rougeLsum`` sees the summary's and the reference's sentences one a line (reference
sentences found by nupunkt); F-measure for Multi-News, recall for DUC; a story with several
references scores the mean over them. Scores are reported in 0-100.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Literal, cast

import nupunkt
from rouge_score_rs import RougeScorer
from tqdm import tqdm

from newsweave.batch.pool import process_pool
from newsweave.model import Story
from newsweave.reading.jsonl import JsonlLine, iter_jsonl

Measure = Literal["f", "recall"]
Summarizer = Callable[[Story], list[str]]
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@lru_cache(maxsize=1)
def _scorer() -> RougeScorer:
    return RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def truncate_sentences(sentences: Sequence[str], max_words: int) -> list[str]:
    """The sentences cut to ``max_words`` whitespace words; the last one may be cut mid-way.

    Whitespace inside a sentence becomes single spaces (a newline there would split it for
    ``rougeLsum``); empty sentences are dropped.
    """
    kept: list[str] = []
    left = max_words
    for sentence in sentences:
        if left <= 0:
            break
        words = sentence.split()
        if words:
            kept.append(" ".join(words[:left]))
            left -= len(words)
    return kept


@lru_cache(maxsize=4096)
def prepare_reference(reference: str) -> str:
    """A reference with one sentence a line, as ``rougeLsum`` needs it."""
    split = cast(list[str], nupunkt.sent_tokenize(reference))
    sentences = (" ".join(s.split()) for s in split)
    return "\n".join(s for s in sentences if s)


def _value(score: Any, measure: Measure) -> float:
    return 100.0 * float(score.fmeasure if measure == "f" else score.recall)


def _mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {key: math.nan for key in ROUGE_TYPES}
    return {key: sum(row[key] for row in rows) / len(rows) for key in ROUGE_TYPES}


def score_stories(
    stories: Sequence[tuple[Sequence[str], Sequence[str]]],
    max_words: int,
    measure: Measure,
) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Score many ``(summary_sentences, references)`` pairs in one native batch.

    Returns each story's scores (mean over its references) and the mean over stories.
    """
    targets: list[str] = []
    predictions: list[str] = []
    for index, (sentences, references) in enumerate(stories):
        if not references:
            raise ValueError(f"story {index} has no reference summary to score against")
        prediction = "\n".join(truncate_sentences(sentences, max_words))
        for reference in references:
            targets.append(prepare_reference(reference))
            predictions.append(prediction)
    scores = iter(_scorer().score_batch(targets, predictions))
    per_story: list[dict[str, float]] = []
    for _, references in stories:
        pairs = [next(scores) for _ in references]
        per_story.append(
            {key: sum(_value(p[key], measure) for p in pairs) / len(pairs) for key in ROUGE_TYPES}
        )
    return per_story, _mean(per_story)


def score_story(
    summary_sentences: Sequence[str],
    references: Sequence[str],
    max_words: int,
    measure: Measure,
) -> dict[str, float]:
    """One story's rouge1, rouge2 and rougeLsum (0-100), the mean over its references."""
    per_story, _ = score_stories([(summary_sentences, references)], max_words, measure)
    return per_story[0]


@dataclass
class StoryScore:
    id: str
    scores: dict[str, float]
    words: int  # words of the summary as the system produced it, before truncation


@dataclass
class EvaluationResult:
    path: str
    measure: Measure
    max_words: int
    stories: list[StoryScore]
    mean: dict[str, float]
    words_per_summary: float
    seconds: float  # reading and summarizing, not scoring
    stories_per_second: float
    bad_lines: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "measure": self.measure,
            "max_words": self.max_words,
            "count": len(self.stories),
            "mean": self.mean,
            "words_per_summary": self.words_per_summary,
            "seconds": self.seconds,
            "stories_per_second": self.stories_per_second,
            "bad_lines": self.bad_lines,
            "warnings": self.warnings,
            "stories": [{"id": s.id, "words": s.words, **s.scores} for s in self.stories],
        }


def _call(summarizer: Summarizer, story: Story) -> list[str]:
    try:
        return list(summarizer(story))
    except Exception as exc:
        raise RuntimeError(f"summarizer failed on story {story.id}: {exc!r}") from exc


def summarize_file(
    path: Path,
    summarizer: Summarizer,
    limit: int | None = None,
    jobs: int = 1,
    warnings: list[str] | None = None,
    progress: bool = False,
    use_query: bool = False,
) -> Iterator[tuple[JsonlLine, list[str]]]:
    """Stream ``(line, summary_sentences)`` for the first ``limit`` good stories of a JSONL file.

    Bad lines are skipped, their errors appended to ``warnings``. With ``use_query`` a
    story's topic query (DUC's) becomes its focus. With ``jobs > 1`` the
    summarizer runs in a fork pool, so it must be picklable (a module-level function or a
    ``functools.partial`` of one). Output keeps the file's order.
    """
    read: list[JsonlLine] = []  # filled as the pool consumes the generator, in order

    def stories() -> Iterator[Story]:
        if limit is not None and limit <= 0:
            return
        for line in iter_jsonl(Path(path)):
            if line.story is None:
                if warnings is not None:
                    warnings.append(line.error or f"line {line.number}: unreadable")
                continue
            read.append(line)
            if use_query and line.query:
                line.story.focus = line.query
            yield line.story
            if limit is not None and len(read) >= limit:
                return

    bar = tqdm(
        total=limit,
        desc=Path(path).name,
        unit="story",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    )
    with bar:
        if jobs <= 1:
            outputs: Iterator[list[str]] = (_call(summarizer, story) for story in stories())
            for index, sentences in enumerate(outputs):
                bar.update(1)
                yield read[index], sentences
            return
        # The summarizer travels with each chunk: a partial of a module function is small.
        work = partial(_call, summarizer)
        with process_pool(jobs) as pool:
            for index, sentences in enumerate(pool.imap(work, stories(), chunksize=4)):
                bar.update(1)
                yield read[index], sentences


def evaluate_file(
    path: Path | str,
    summarizer: Summarizer,
    max_words: int,
    limit: int | None = None,
    measure: Measure = "f",
    jobs: int = 1,
    progress: bool = True,
    use_query: bool = False,
) -> EvaluationResult:
    """Summarize and score the stories of a JSONL(.gz) file of stories with references."""
    warnings: list[str] = []
    rows: list[tuple[str, list[str], list[str]]] = []
    start = time.perf_counter()
    for line, sentences in summarize_file(
        Path(path), summarizer, limit, jobs, warnings, progress, use_query
    ):
        story_id = (line.story.id if line.story else None) or f"line-{line.number}"
        rows.append((story_id, sentences, line.references))
    seconds = time.perf_counter() - start
    bad_lines = len(warnings)
    scorable = [row for row in rows if row[2]]
    if len(scorable) < len(rows):
        unscored = len(rows) - len(scorable)
        noun = "story" if unscored == 1 else "stories"
        warnings.append(f"{unscored} {noun} without references, not scored")
    per_story, mean = score_stories([(s, r) for _, s, r in scorable], max_words, measure)
    words = [sum(len(s.split()) for s in sentences) for _, sentences, _ in scorable]
    return EvaluationResult(
        path=str(path),
        measure=measure,
        max_words=max_words,
        stories=[
            StoryScore(row[0], scores, n)
            for row, scores, n in zip(scorable, per_story, words, strict=True)
        ],
        mean=mean,
        words_per_summary=sum(words) / len(words) if words else math.nan,
        seconds=seconds,
        stories_per_second=len(rows) / seconds if seconds > 0 else math.nan,
        bad_lines=bad_lines,
        warnings=warnings,
    )
