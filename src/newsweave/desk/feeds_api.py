"""Feed management under /api/feeds: register an RSS or Atom feed (a write, so it needs the
token) and see each feed's state (last poll, error, articles stored)."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from newsweave.desk.access import require_token
from newsweave.desk.context import Desk, desk
from newsweave.desk.fetch import FetchRefused, check_feed_url

router = APIRouter(prefix="/api/feeds", tags=["feeds"])
DeskDep = Annotated[Desk, Depends(desk)]


class FeedIn(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="An RSS or Atom feed's URL.")


@router.get("")
def list_feeds(d: DeskDep) -> dict[str, Any]:
    return {"feeds": [f.to_dict() for f in d.store.feeds()]}


@router.post("", dependencies=[Depends(require_token)], status_code=201)
async def add_feed(feed: FeedIn, d: DeskDep) -> Any:
    try:
        await run_in_threadpool(check_feed_url, feed.url, d.allow_private_feeds)
    except FetchRefused as exc:
        raise HTTPException(422, str(exc)) from None
    stored, new = await run_in_threadpool(d.store.add_feed, feed.url, time.time())
    return JSONResponse(stored.to_dict(), status_code=201 if new else 200)
