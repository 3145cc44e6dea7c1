"""What every request handler needs, gathered once per application (no global state)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from newsweave.desk.access import Access
from newsweave.desk.ingest import Ingester
from newsweave.desk.store import SqlStore


@dataclass
class Desk:
    store: SqlStore
    ingester: Ingester
    access: Access
    allow_private_feeds: bool = False


def desk(request: Request) -> Desk:
    """FastAPI dependency: the application's desk."""
    found: Desk = request.app.state.desk
    return found
