"""``newsweave group``: a mixed pile of articles in, one JSONL line per story out."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import click
from tqdm import tqdm

from newsweave.batch.output import refuse_input_as_output
from newsweave.cli.errors import EXIT_PARTIAL, reports_errors
from newsweave.cli.errors import warn as _warn
from newsweave.errors import NewsweaveError
from newsweave.group.grouper import DEFAULT_WINDOW_DAYS, JOIN_THRESHOLD, Grouper
from newsweave.group.inputs import iter_articles
from newsweave.group.pages import read_pages
from newsweave.group.revise import revise
from newsweave.group.spool import StorySpool
from newsweave.model import Article
from newsweave.reading.jsonl import iter_jsonl
from newsweave.reading.read import DEFAULT_MAX_ARTICLE_BYTES
from newsweave.text import counted


@click.command("group")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the stories here (JSONL) instead of standard output.")
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path),
              help="Add the articles to this stories file: existing story ids never change.")
@click.option("--overwrite", is_flag=True,
              help="Replace an existing --out (only once the new one is complete).")
@click.option("--window-days", type=click.FloatRange(min=0, min_open=True),
              default=DEFAULT_WINDOW_DAYS, show_default=True,
              help="Articles published further apart than this are different stories.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=JOIN_THRESHOLD,
              show_default=True,
              help="The pair judge's probability from which an article joins its likeliest "
                   "story (higher: purer, smaller stories).")
@click.option("--single-pass", is_flag=True,
              help="Skip the second look at every article once all are in (about a sixth "
                   "faster on large piles; B3-F1 0.854 instead of 0.867 on the val pile).")
@click.option("--max-article-bytes", type=click.IntRange(min=1),
              default=DEFAULT_MAX_ARTICLE_BYTES, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar or warnings.")
@click.option("--dask", metavar="SCHEDULER", default=None,
              help="Group on a Dask cluster (a scheduler address, or 'local' for --jobs "
                   "workers here), in time blocks: for millions of articles (docs/scale.md).")
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True,
              help="Workers of --dask local.")
@click.option("--block-days", type=click.FloatRange(min=0, min_open=True), default=14.0,
              show_default=True, help="With --dask: days of one time block.")
@click.option("--spill", type=click.Path(file_okay=False, path_type=Path),
              help="With --dask: folder for intermediate files, seen by every worker "
                   "(default: beside --out).")
@reports_errors
def group_command(
    paths: tuple[str, ...],
    out: Path | None,
    into: Path | None,
    overwrite: bool,
    window_days: float,
    threshold: float,
    single_pass: bool,
    max_article_bytes: int,
    quiet: bool,
    dask: str | None,
    jobs: int,
    block_days: float,
    spill: Path | None,
) -> None:
    """Group the articles in PATHS into stories, folding reprints.

    PATHS are JSONL(.gz) files of articles (one {"id", "text", "source"?, "title"?, "url"?,
    "published"?} a line) or of stories (as summarize reads them), text, Markdown or HTML
    files, directories of them, or - for standard input. Each output line is a story
    that `newsweave summarize` reads; each article carries its language and copy_of.
    With --dask, PATHS are JSONL(.gz) files or Parquet datasets of articles.
    """
    if out is not None and into is not None:
        raise NewsweaveError("give --out or --into, not both")
    _check_output(paths, out, into, overwrite)
    if dask is not None:
        if into is not None:
            raise NewsweaveError("--into adds to a stories file in one process: drop --dask")
        from newsweave.batch.group_command import group_with_dask

        group_with_dask(paths, out, dask, jobs, window_days, threshold, block_days, spill, quiet)
        return
    grouper = Grouper(window_days=window_days, threshold=threshold, revisable=not single_pass)
    problems: list[str] = []

    def skipped(message: str) -> None:
        if message.endswith("skipped"):  # lost input, not a note such as an encoding read
            problems.append(message)
        if not quiet:
            with tqdm.external_write_mode(file=sys.stderr):
                _warn(f"warning: {message}")

    progress = not quiet and sys.stderr.isatty()
    with StorySpool() as spool:
        known = _load_existing(into, grouper, spool) if into is not None else set()
        added: list[str] = []
        notices = 0  # pages judged no news report, each a story of its own: counted aloud
        bar = tqdm(desc="grouping", unit="article", disable=not progress, dynamic_ncols=True)

        def fresh() -> Iterator[Article]:
            for article in iter_articles(paths, skipped, max_article_bytes):
                if article.id in known:
                    skipped(f"article {article.id!r} is already grouped, skipped")
                    continue
                known.add(article.id)
                yield article

        with bar:
            for article, page in read_pages(fresh()):
                spool.add(grouper.add(article, page).story_id, article)
                notices += article.not_news
                added.append(article.id)
                bar.update(1)
        if not added and not problems:
            raise NewsweaveError("no articles in the input")
        # The second look moves only the articles added now: stored ones keep their stories.
        if not single_pass:
            with tqdm(desc="revising", unit="article", total=len(added),
                      disable=not progress, dynamic_ncols=True) as second:
                spool.move(revise(grouper, added, second.update))
        stories = spool.write(into or out, sys.stdout)
    if not quiet:
        done = (f"added {counted(len(added), 'article')} to {into}, now "
                if into else f"grouped {counted(len(added), 'article')} into ")
        _warn(done + counted(stories, "story", "stories")
              + (f" ({notices} of them no news report: \"not_news\": true)" if notices else "")
              + (f"; {counted(len(problems), 'problem')} reported above" if problems else ""))
    if problems:
        sys.exit(EXIT_PARTIAL)


def _check_output(paths: tuple[str, ...], out: Path | None, into: Path | None,
                  overwrite: bool) -> None:
    """The batch commands' rule: an output is never an input, and an existing one is
    replaced only when asked (and then only once the new one is complete)."""
    inputs = [Path(p) for p in paths if p != "-"]
    if out is not None:
        refuse_input_as_output(out, inputs)
        if out.is_dir():
            raise NewsweaveError(f"{out}: is a directory, expected an output file")
        if out.exists() and not overwrite:
            raise NewsweaveError(f"{out}: already exists; add --overwrite to replace it, "
                                 "or give it as --into to add the articles to its stories")
    elif overwrite:
        raise NewsweaveError("--overwrite needs --out (--into always keeps what is there)")
    if into is not None:
        refuse_input_as_output(into, inputs)


def _load_existing(path: Path, grouper: Grouper, spool: StorySpool) -> set[str]:
    """Index a stories file's articles under their stories, without deciding anything."""
    known: set[str] = set()
    if not path.exists():
        return known
    stories: deque[str] = deque()  # of the articles read but not yet indexed, in order

    def stored() -> Iterator[Article]:
        for line in iter_jsonl(path):
            if line.story is None:
                raise NewsweaveError(f"{path}: {line.error}; fix or remove it before adding "
                                     "to it")
            for article in line.story.articles:
                stories.append(str(line.story.id))
                yield article

    for article, page in read_pages(stored()):
        story_id = stories.popleft()
        grouper.add_existing(article, story_id, article.copy_of, page)
        spool.add(story_id, article)
        known.add(article.id)
    return known
