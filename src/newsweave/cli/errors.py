"""How the command line reports problems: one line on stderr, a meaningful exit code.

Every command (summarize, analyze, evaluate, group, batch runs) shares these: warnings
as ``warning: ...`` lines, ``error: ...`` and exit 2 where nothing can be shown, exit 1
where some stories of a file failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from newsweave.errors import NewsweaveError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INPUT = 2
EXIT_PARTIAL = 1
# click >= 8.2 shows the help for a bare ``newsweave`` by raising this usage error.
_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


def warn(message: str) -> None:
    click.echo(message, err=True)


def emit_warnings(messages: Iterable[str], quiet: bool = False) -> None:
    if not quiet:
        for message in messages:
            warn(f"warning: {message}")


def require_shown(summary: Any) -> None:
    """Nothing to show is an error (exit 2) for every command: a summary with no sentence
    says why (``Summary.empty_reason``)."""
    if not summary.sentences:
        raise NewsweaveError(summary.empty_reason or (
            f"no sentence of these articles can be shown within {summary.max_words} words"))


def reports_errors(command: F) -> F:
    """Turn newsweave's errors into one line on stderr and a non-zero exit."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NewsweaveError as exc:
            warn(f"error: {exc}")
            sys.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            warn("interrupted")
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


class OneLineErrors(click.Group):
    """Usage errors too are one line ("error: ..."), not click's three-line usage block."""

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _NO_ARGS_IS_HELP as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            message = " ".join(exc.format_message().split())
            warn(f"error: {message}")
            sys.exit(exc.exit_code)
        except click.Abort:
            warn("interrupted")
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def write_output(text: str, out: Path | None) -> None:
    """Write a rendered result to ``out``, or to standard output; a failed write is one line."""
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"{out}: cannot write ({exc.strerror or exc})") from None
