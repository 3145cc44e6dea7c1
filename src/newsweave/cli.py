"""The ``newsweave`` command line. Every user error is one line on stderr, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsweave.analysis.command import analyze
from newsweave.batch import nothing_shown
from newsweave.cli_errors import (
    EXIT_INPUT,
    EXIT_PARTIAL,
    OneLineErrors,
    reports_errors,
    write_output,
)
from newsweave.cli_errors import warn as _warn
from newsweave.cli_research import evaluate, train
from newsweave.desk.cli import COMMANDS as DESK_COMMANDS
from newsweave.errors import NewsweaveError
from newsweave.pipeline import METHODS, summarize_story
from newsweave.read import DEFAULT_MAX_ARTICLE_BYTES, is_jsonl, read_story
from newsweave.render import FORMATS, render


@click.group(cls=OneLineErrors)
@click.version_option(package_name="newsweave")
def main() -> None:
    """Summarize many news articles about one story, citing every outlet that backs each line."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-words", type=click.IntRange(min=1), default=250, show_default=True,
              help="Hard word budget of the summary.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Output format [default: text; json for a JSONL file of stories].")
@click.option("--method", type=click.Choice(METHODS), default="auto", show_default=True,
              help="Salience: the learned model where installed (auto), or the unsupervised one.")
@click.option("--focus", default=None, metavar="TEXT",
              help="A topic or question: prefer the sentences about it.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for a JSONL file of stories [default: all cores].")
@click.option("--max-article-bytes", type=click.IntRange(min=1),
              default=DEFAULT_MAX_ARTICLE_BYTES, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar or warnings.")
@reports_errors
def summarize(
    paths: tuple[str, ...],
    max_words: int,
    output_format: str | None,
    method: str,
    focus: str | None,
    out: Path | None,
    jobs: int | None,
    max_article_bytes: int,
    quiet: bool,
) -> None:
    """Summarize ONE story told by the articles in PATHS.

    PATHS are text, Markdown or HTML files, directories of them, or - for standard input.
    A single JSONL file (.jsonl, .jsonl.gz) holds one story per line: each is summarized
    (a line's own "focus" field focuses that story).
    """
    warn = (lambda message: None) if quiet else _warn
    if focus is not None and not focus.strip():
        raise NewsweaveError("--focus is empty: give a topic or a question")
    if len(paths) == 1 and is_jsonl(Path(paths[0])):
        if focus is not None:
            raise NewsweaveError(
                "--focus applies to one story; in a JSONL file give each line a 'focus' field"
            )
        _summarize_many(
            Path(paths[0]), out, max_words, method, output_format or "json", jobs, quiet
        )
        return
    warnings: list[str] = []
    story = read_story(paths, warnings, max_bytes=max_article_bytes)
    story.focus = focus
    summary = summarize_story(story, max_words, method)
    if not summary.sentences:
        raise NewsweaveError(nothing_shown(summary))
    for message in warnings + summary.warnings:
        warn(f"warning: {message}")
    write_output(render(summary, output_format or "text"), out)


def _summarize_many(
    path: Path,
    out: Path | None,
    max_words: int,
    method: str,
    output_format: str,
    jobs: int | None,
    quiet: bool,
) -> None:
    from newsweave.batch import summarize_jsonl
    from newsweave.read import iter_jsonl

    warn = (lambda message: None) if quiet else _warn
    iter_jsonl(path)  # a missing or unreadable input fails here, before --out is truncated
    try:
        stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise NewsweaveError(f"{out}: cannot write ({exc.strerror or exc})") from None
    # A progress bar only where someone watches it: not into a log file or a pipe.
    progress = not quiet and sys.stderr.isatty()
    try:
        result = summarize_jsonl(
            path, stream, max_words, method, output_format, jobs, progress, warn
        )
    finally:
        if out:
            stream.close()
    if not result.done and not result.failed:
        raise NewsweaveError(f"{path}: no stories in this file")
    warn(f"summarized {result.done} stories, {result.failed} failed")
    if result.failed:
        sys.exit(EXIT_PARTIAL if result.done else EXIT_INPUT)


main.add_command(analyze)
main.add_command(evaluate)
main.add_command(train)
for command in DESK_COMMANDS:
    main.add_command(command)
