"""Commands for measuring and improving the summarizer: ``evaluate`` and ``train``."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

import click

from newsweave.batch.command import batch_options
from newsweave.cli.errors import reports_errors
from newsweave.errors import NewsweaveError
from newsweave.evaluate import EvaluationResult, evaluate_file
from newsweave.summarizer.pipeline import METHODS, summary_sentences


def _table(results: list[tuple[str, EvaluationResult]]) -> str:
    header = f"{'data':<28} {'stories':>7} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10}"
    header += f" {'words':>7} {'stories/s':>9}"
    lines = [header]
    for name, result in results:
        mean = result.mean
        if len(name) > 28:  # the file's name says more than its folder's
            name = "…" + name[-27:]
        lines.append(
            f"{name:<28} {len(result.stories):>7} {mean['rouge1']:>8.2f} "
            f"{mean['rouge2']:>8.2f} {mean['rougeLsum']:>10.2f} "
            f"{result.words_per_summary:>7.1f} {result.stories_per_second:>9.1f}"
        )
    return "\n".join(lines)


def run_evaluation(
    data: Path,
    max_words: int,
    limit: int | None,
    recall: bool,
    jobs: int,
    method: str,
    model_path: Path | None = None,
    progress: bool = True,
    use_query: bool = False,
) -> EvaluationResult:
    if not data.exists():
        raise NewsweaveError(f"{data}: no such file")
    summarizer = partial(
        summary_sentences, max_words=max_words, method=method, model_path=model_path
    )
    return evaluate_file(
        data, summarizer, max_words, limit, "recall" if recall else "f", jobs, progress,
        use_query,
    )


@click.command()
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--max-words", type=click.IntRange(min=1), default=250, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First K stories only.")
@click.option("--recall", is_flag=True, help="Score ROUGE recall (DUC) instead of F-measure.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Write per-story scores here (JSONL).")
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--method", type=click.Choice(METHODS), default="auto", show_default=True)
@click.option("--use-query", is_flag=True,
              help="Focus each summary on its story's topic query (DUC's meta.query_*).")
@batch_options
@reports_errors
def evaluate(
    data: Path,
    max_words: int,
    limit: int | None,
    recall: bool,
    out: Path | None,
    jobs: int,
    method: str,
    use_query: bool,
    resume: bool,
    overwrite: bool,
    dask: str | None,
) -> None:
    """Score summaries of DATA (JSONL[.gz] or Parquet, with references) with ROUGE-1/2/Lsum.

    With --out, the per-story scores are written as the stories are scored (resumable);
    the table is the mean over every story in --out.
    """
    if out is not None or dask is not None:
        from newsweave.batch.evaluate import evaluate_batch

        result = evaluate_batch(data, out, max_words, limit, "recall" if recall else "f",
                                jobs, method, use_query, dask, resume, overwrite)
    elif resume or overwrite:
        raise NewsweaveError("--resume and --overwrite need --out")
    else:
        result = run_evaluation(
            data, max_words, limit, recall, jobs, method, None, sys.stderr.isatty(), use_query
        )
    for message in result.warnings:
        click.echo(f"warning: {message}", err=True)
    if not result.stories:
        raise NewsweaveError(f"{data}: no story with a reference summary to score")
    measure = "recall" if recall else "F-measure"
    focus = ", focused on each story's query" if use_query else ""
    click.echo(f"{measure}, {max_words} words, method {method}{focus}")
    click.echo(_table([(f"{data.parent.name}/{data.name}", result)]))


@click.command()
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              required=True, help="Training stories with references (Multi-News train).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Directory for salience.txt and its provenance salience.json.")
@click.option("--dev", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              multiple=True, help="Data sets to report scores on (repeatable).")
@click.option("--dev-limit", type=click.IntRange(min=1), default=1000, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Train on the first N stories only.")
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path),
              help="Reuse (or write) the feature/label matrix here (.npz).")
@reports_errors
def train(
    data: Path,
    out: Path,
    dev: tuple[Path, ...],
    dev_limit: int,
    limit: int | None,
    jobs: int,
    seed: int,
    cache: Path | None,
) -> None:
    """Train the learned salience model and write it with its provenance.

    Training stories whose reference summary is also in a --dev set are left out.
    """
    from newsweave.summarizer.train import dev_references
    from newsweave.summarizer.train import train as train_model

    command = "newsweave " + " ".join(sys.argv[1:])
    train_model(data, out, limit, jobs, seed, command, cache, dev_references(dev),
                sys.stderr.isatty())
    model_path = out / "salience.txt"
    # The training slice is scored too, next to the dev sets, so an overfit shows as a gap.
    results = [
        (f"{path.parent.name}/{path.name}", run_evaluation(
            path, 250, dev_limit, False, jobs, "learned", model_path, sys.stderr.isatty()
        ))
        for path in (data, *dev)
    ]
    for name, result in results:
        for message in result.warnings:
            click.echo(f"warning: {name}: {message}", err=True)
        if not result.stories:
            click.echo(f"warning: {name}: no story to score", err=True)
    click.echo(_table(results))
    provenance_path = out / "salience.json"
    provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
    click.echo(f"left out {provenance['left_out']['stories']} training stories whose reference "
               "is in a --dev set", err=True)
    provenance["scores_250_words_f"] = {
        name: {**{k: round(v, 2) for k, v in r.mean.items()}, "stories": len(r.stories)}
        for name, r in results
        if r.stories
    }
    provenance_path.write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
