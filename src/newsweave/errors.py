"""Errors a user can act on. Their message is one line, printed as is by the CLI."""


class NewsweaveError(Exception):
    """Base class: anything newsweave reports to a user rather than crashing on."""


class InputError(NewsweaveError):
    """The input could not be read or holds nothing to summarize."""
