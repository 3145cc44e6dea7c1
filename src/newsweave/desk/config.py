"""The desk's settings that the command line reads before any web framework is imported."""

from __future__ import annotations

import os
from pathlib import Path

from newsweave.errors import NewsweaveError

DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
TOKEN_ENV = "NEWSWEAVE_TOKEN"


def read_token(token_file: Path | None) -> str | None:
    """The write token: from ``--token-file`` if given, else ``$NEWSWEAVE_TOKEN``."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise NewsweaveError(f"{token_file}: cannot read the token ({exc.strerror})") from None
        if not token:
            raise NewsweaveError(f"{token_file}: the token file is empty")
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None
