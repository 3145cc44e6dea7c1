"""``newsweave summarize NEW... --since OLD...``: the shell's way to an update summary.

``--since`` takes every path after it up to the next option, as a shell user would write
it (``--since day1/*.txt``), as well as repeated (``--since a.txt --since b.txt``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from newsweave.errors import InputError, NewsweaveError
from newsweave.model import Article
from newsweave.reading.read import is_jsonl, read_story

SINCE = "--since"


def spread_since(args: Sequence[str]) -> list[str]:
    """``--since a b -x`` as ``--since a --since b -x``: click gives an option one value."""
    spread: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        position += 1
        if arg == "--":
            spread.extend(args[position - 1:])
            break
        if arg != SINCE:
            spread.append(arg)
            continue
        values = 0
        while position < len(args) and not _is_option(args[position]):
            spread += [SINCE, args[position]]
            position += 1
            values += 1
        if not values:
            raise click.UsageError("--since needs the articles already read (files, directories)")
    return spread


def _is_option(arg: str) -> bool:
    return arg.startswith("-") and arg != "-"


class SinceCommand(click.Command):
    """A command whose ``--since`` option takes the paths that follow it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, spread_since(args))


since_option: Any = click.option(
    SINCE, "since", multiple=True, metavar="OLD...",
    help="Articles already read (files, directories): say only what PATHS add to them.")


def read_previous(since: Sequence[str], warnings: list[str], max_bytes: int) -> list[Article]:
    """The articles named after ``--since``; one line of error where none can be read."""
    for name in since:
        if not name.strip():
            raise NewsweaveError("--since is empty: give the articles already read")
        if name == "-":
            raise NewsweaveError("--since cannot read standard input: give files or directories")
        if is_jsonl(Path(name)):
            raise NewsweaveError(
                f"--since {name}: a JSONL file holds whole stories; give its articles as "
                "files, or each JSONL line a 'previous' field")
    try:
        return read_story(list(since), warnings, max_bytes=max_bytes).articles
    except InputError as exc:
        raise NewsweaveError(f"--since: {exc}") from None
