"""``newsweave evaluate --out``: per-story scores as a resumable batch, and their mean."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

from newsweave.batch.command import run_command
from newsweave.batch.tasks import ERROR_SCHEMA, EvaluateTask
from newsweave.evaluate import ROUGE_TYPES, EvaluationResult, Measure, StoryScore


def evaluate_batch(
    data: Path,
    out: Path | None,
    max_words: int,
    limit: int | None,
    measure: Measure,
    jobs: int | None,
    method: str,
    use_query: bool,
    dask: str | None,
    resume: bool,
    overwrite: bool,
) -> EvaluationResult:
    """Score the stories of ``data`` into ``out`` (one JSON row a story, failures as error
    records); the result is the mean over every row in ``out``, a resumed run's too."""
    task = EvaluateTask("json", max_words, method, measure, use_query)
    memory = io.StringIO()
    batch = run_command(data, task, out, jobs, dask, resume, overwrite, quiet=True,
                        limit=limit, stream=memory if out is None else None)
    text = out.read_text(encoding="utf-8") if out is not None else memory.getvalue()
    stories: list[StoryScore] = []
    warnings: list[str] = []
    for line in text.splitlines():
        row = json.loads(line)
        if row.get("schema") == ERROR_SCHEMA:
            warnings.append(row["error"])
        else:
            stories.append(StoryScore(row["id"], {k: row[k] for k in ROUGE_TYPES}, row["words"]))
    mean = {k: sum(s.scores[k] for s in stories) / len(stories) if stories else math.nan
            for k in ROUGE_TYPES}
    scored = batch.done + batch.failed
    return EvaluationResult(
        path=str(data), measure=measure, max_words=max_words, stories=stories, mean=mean,
        words_per_summary=(sum(s.words for s in stories) / len(stories)) if stories else math.nan,
        seconds=batch.seconds,
        stories_per_second=scored / batch.seconds if batch.seconds > 0 else math.nan,
        bad_lines=len(warnings), warnings=warnings,
    )
