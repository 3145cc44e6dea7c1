"""``newsweave analyze``: the cross-source reading of one story, as JSON, Markdown or HTML."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsweave.analysis.analyze import Analysis, analyze_story
from newsweave.batch.command import batch_options, is_batch_input, report, run_command
from newsweave.batch.pool import process_pool, usable_cpus
from newsweave.batch.tasks import AnalyzeTask
from newsweave.cli.errors import (
    EXIT_PARTIAL,
    emit_warnings,
    reports_errors,
    require_shown,
    write_output,
)
from newsweave.errors import NewsweaveError
from newsweave.group.blend import largest_story, reports_only
from newsweave.reading.jsonl import jsonl_story
from newsweave.reading.read import DEFAULT_MAX_ARTICLE_BYTES, is_jsonl, read_story
from newsweave.summarizer.pipeline import METHODS

FORMATS = ("json", "markdown", "html")
_SUFFIX_FORMATS = {".json": "json", ".jsonl": "json", ".md": "markdown", ".markdown": "markdown",
                   ".html": "html", ".htm": "html"}


def render_analysis(analysis: Analysis, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n"
    if output_format == "html":
        from newsweave.analysis.report_html import render_html

        return render_html(analysis)
    from newsweave.analysis.report_markdown import render_markdown

    return render_markdown(analysis)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from --out's suffix, else markdown].")
@click.option("--out", type=click.Path(path_type=Path),
              help="Write here instead of standard output.")
@click.option("--max-words", type=click.IntRange(min=1), default=250, show_default=True,
              help="Hard word budget of the summary.")
@click.option("--method", type=click.Choice(METHODS), default="auto", show_default=True,
              help="Salience: the learned model where installed (auto), or the unsupervised one.")
@click.option("--max-article-bytes", type=click.IntRange(min=1),
              default=DEFAULT_MAX_ARTICLE_BYTES, show_default=True)
@click.option("--story", "story_id", metavar="ID",
              help="The story to analyze in a JSONL file that holds several.")
@click.option("--one-story", is_flag=True,
              help="The articles tell one story: do not check for several.")
@click.option("--quiet", is_flag=True, help="No warnings.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for a JSONL file of stories [default: all cores].")
@batch_options
@reports_errors
def analyze(
    paths: tuple[str, ...],
    output_format: str | None,
    out: Path | None,
    max_words: int,
    method: str,
    max_article_bytes: int,
    story_id: str | None,
    one_story: bool,
    quiet: bool,
    jobs: int | None,
    resume: bool,
    overwrite: bool,
    dask: str | None,
) -> None:
    """Read ONE story across the outlets in PATHS: what they agree on, what only one
    reports, where they conflict, who said what, when things happened, who is named.

    PATHS are text, Markdown or HTML files, directories of them, - for standard input, or
    a JSONL file (with --story ID if it holds several). The HTML report is one self-contained file.
    With --format json and no --story, every story of a JSONL file or Parquet dataset is
    analyzed, one JSON line each.
    """
    if output_format is None:
        output_format = _SUFFIX_FORMATS.get(out.suffix.lower(), "markdown") if out else "markdown"
    if (len(paths) == 1 and story_id is None and output_format == "json"
            and is_batch_input(Path(paths[0]))):
        task = AnalyzeTask("json", max_words, method)
        result = run_command(Path(paths[0]), task, out, jobs, dask, resume, overwrite, quiet)
        report(result, "analyzed", quiet)
        return
    if resume or overwrite or dask:
        raise NewsweaveError("--resume, --overwrite and --dask apply to a JSONL file of "
                             "stories analyzed with --format json")
    warnings: list[str] = []
    skipped_lines = 0  # the only story of a file with a line that could not be read
    if len(paths) == 1 and is_jsonl(Path(paths[0])):
        story = jsonl_story(Path(paths[0]), story_id, warnings)
        skipped_lines = len(warnings) if story_id is None else 0
        story = reports_only(story, warnings.append)
    else:
        story = read_story(paths, warnings, max_bytes=max_article_bytes)
        story = reports_only(story, warnings.append)
        if not one_story:
            story = largest_story(story, warnings.append)
    if usable_cpus() > 1:  # the entity tagger loads and runs beside the rest
        with process_pool(1) as pool:
            analysis = analyze_story(story, max_words, method, ner_pool=pool)
    else:
        analysis = analyze_story(story, max_words, method)
    require_shown(analysis.summary)  # as summarize: nothing to show is exit 2
    emit_warnings(warnings + analysis.warnings, quiet)
    write_output(render_analysis(analysis, output_format), out)
    if skipped_lines:  # as summarize: what could not be read is a partial failure
        sys.exit(EXIT_PARTIAL)
