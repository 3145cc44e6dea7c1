"""The ``newsweave`` command line. Every user error is one line on stderr, never a traceback."""

from __future__ import annotations

from pathlib import Path

import click

from newsweave.analysis.command import analyze
from newsweave.batch.command import batch_options, is_batch_input
from newsweave.cli.errors import (
    OneLineErrors,
    emit_warnings,
    reports_errors,
    require_shown,
    write_output,
)
from newsweave.cli.research import evaluate, train
from newsweave.desk.cli import COMMANDS as DESK_COMMANDS
from newsweave.errors import NewsweaveError
from newsweave.group.blend import largest_story, reports_only
from newsweave.group.command import group_command
from newsweave.reading.read import DEFAULT_MAX_ARTICLE_BYTES, read_story
from newsweave.render import FORMATS, render
from newsweave.summarizer.pipeline import METHODS, summarize_story
from newsweave.update.command import SinceCommand, read_previous, since_option


@click.group(cls=OneLineErrors)
@click.version_option(package_name="newsweave")
def main() -> None:
    """Summarize many news articles about one story, citing every outlet that backs each line."""


@main.command(cls=SinceCommand)
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-words", type=click.IntRange(min=1), default=250, show_default=True,
              help="Hard word budget of the summary.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Output format [default: text; json for a JSONL file of stories].")
@click.option("--method", type=click.Choice(METHODS), default="auto", show_default=True,
              help="Salience: the learned model where installed (auto), or the unsupervised one.")
@click.option("--focus", default=None, metavar="TEXT",
              help="A topic or question: prefer the sentences about it.")
@since_option
@click.option("--out", type=click.Path(path_type=Path),
              help="Write here instead of standard output.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for a JSONL file of stories [default: all cores].")
@click.option("--max-article-bytes", type=click.IntRange(min=1),
              default=DEFAULT_MAX_ARTICLE_BYTES, show_default=True)
@click.option("--one-story", is_flag=True,
              help="The articles tell one story: do not check for several.")
@click.option("--quiet", is_flag=True, help="No progress bar or warnings.")
@batch_options
@reports_errors
def summarize(
    paths: tuple[str, ...],
    max_words: int,
    output_format: str | None,
    method: str,
    focus: str | None,
    since: tuple[str, ...],
    out: Path | None,
    jobs: int | None,
    max_article_bytes: int,
    one_story: bool,
    quiet: bool,
    resume: bool,
    overwrite: bool,
    dask: str | None,
) -> None:
    """Summarize ONE story told by the articles in PATHS.

    PATHS are text, Markdown or HTML files, directories of them, or - for standard input.
    A single JSONL file (.jsonl, .jsonl.gz) or Parquet dataset holds one story per line
    (row): each is summarized (a line's own "focus" field focuses that story, its
    "previous" articles make it an update). With --since OLD...: only what PATHS add for a
    reader of OLD.
    """
    if focus is not None and not focus.strip():
        raise NewsweaveError("--focus is empty: give a topic or a question")
    if len(paths) == 1 and is_batch_input(Path(paths[0])):
        if focus is not None:
            raise NewsweaveError(
                "--focus applies to one story; in a JSONL file give each line a 'focus' field"
            )
        if since:
            raise NewsweaveError(
                "--since applies to one story; in a JSONL file give each line a 'previous' field"
            )
        _summarize_many(Path(paths[0]), out, max_words, method, output_format or "json", jobs,
                        quiet, resume, overwrite, dask)
        return
    if resume or overwrite or dask:
        raise NewsweaveError("--resume, --overwrite and --dask apply to a JSONL file of stories")
    warnings: list[str] = []
    story = read_story(paths, warnings, max_bytes=max_article_bytes)
    story = reports_only(story, warnings.append)
    if not one_story:
        story = largest_story(story, warnings.append)
    story.focus = focus
    if since:
        story.previous = read_previous(since, warnings, max_article_bytes)
    summary = summarize_story(story, max_words, method)
    require_shown(summary)
    emit_warnings(warnings + summary.warnings, quiet)
    write_output(render(summary, output_format or "text"), out)


def _summarize_many(
    path: Path,
    out: Path | None,
    max_words: int,
    method: str,
    output_format: str,
    jobs: int | None,
    quiet: bool,
    resume: bool,
    overwrite: bool,
    dask: str | None,
) -> None:
    from newsweave.batch.command import report, run_command
    from newsweave.batch.tasks import SummarizeTask

    task = SummarizeTask(output_format, max_words, method)
    report(run_command(path, task, out, jobs, dask, resume, overwrite, quiet), "summarized", quiet)


main.add_command(analyze)
main.add_command(evaluate)
main.add_command(train)
for command in DESK_COMMANDS:
    main.add_command(command)
main.add_command(group_command)
