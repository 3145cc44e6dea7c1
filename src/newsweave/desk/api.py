"""The JSON API under /api (FastAPI: OpenAPI schema at /openapi.json, docs at /docs)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.requests import ClientDisconnect

from newsweave.desk.access import read_body, require_token
from newsweave.desk.context import Desk, desk
from newsweave.desk.ingest import Conflict, article_from_html, articles_from_json
from newsweave.desk.updates import new_since
from newsweave.errors import InputError

router = APIRouter(prefix="/api", tags=["api"])
DeskDep = Annotated[Desk, Depends(desk)]
MAX_PER_PAGE = 100


class StoryListing(BaseModel):
    id: str
    headline: str | None
    lede: str | None
    outlets: list[str]
    article_count: int
    conflicts: int
    created: float
    updated: float
    version: int
    pending: bool


class StoryPage(BaseModel):
    stories: list[StoryListing]
    page: int
    per_page: int
    total: int


class IngestedArticle(BaseModel):
    id: str
    story_id: str
    status: str
    new_story: bool
    copy_of: str | None
    not_news: bool  # judged no news report (a notice, sign-in or error page): alone


class IngestAnswer(BaseModel):
    articles: list[IngestedArticle]


ARTICLE_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [
        {"$ref": "#/components/schemas/ArticleIn"},
        {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
        {"type": "object", "properties": {"articles": {
            "type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}}}]}},
    "text/html": {"schema": {"type": "string", "description": "a page; give ?url="}}}}}


@router.get("/health")
def health(d: DeskDep) -> dict[str, Any]:
    return {"status": "ok", "store": d.store.description, "articles": d.store.article_count(),
            "stories": d.store.story_count(), "pending_stories": d.store.pending_count()}


@router.get("/stories", response_model=StoryPage)
def stories(d: DeskDep, page: Annotated[int, Query(ge=1)] = 1,
            per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
            outlet: str | None = None, q: str | None = None) -> dict[str, Any]:
    """Stories, newest update first."""
    rows = d.store.stories(per_page, (page - 1) * per_page, "changed", outlet, q)
    return {"stories": [r.listing() for r in rows], "page": page, "per_page": per_page,
            "total": d.store.story_count(outlet, q)}


@router.get("/stories/{story_id}")
def story(d: DeskDep, story_id: str,
          since: Annotated[int | None, Query(ge=0)] = None) -> dict[str, Any]:
    """A story's summary and analysis (as `summarize`/`analyze` give them), its articles and
    version; with ``since``, also what is new since that version."""
    found = d.store.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    articles = d.store.story_articles(story_id)
    answer = {**found.listing(), "summary": found.summary, "analysis": found.analysis,
              "analysis_current": found.analysis_current,
              "articles": [a.to_dict(with_text=False) for a in articles]}
    if since is not None:
        seen_seq = d.store.seq_at_version(story_id, since)
        if seen_seq is None or since > found.version:
            raise HTTPException(400, f"story {story_id!r} has no version {since} "
                                     f"(its versions run to {found.version})")
        answer["since"] = since
        answer["new"] = new_since(found, articles, seen_seq, d.updates)
    return answer


@router.get("/articles/{article_id}")
def article(d: DeskDep, article_id: str) -> dict[str, Any]:
    found = d.store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found.to_dict()


@router.post("/articles", dependencies=[Depends(require_token)], openapi_extra=ARTICLE_BODY,
             response_model=IngestAnswer, status_code=201,
             responses={200: {"description": "every article was already stored"}})
async def post_articles(request: Request, d: DeskDep,
                        url: Annotated[str | None, Query(max_length=2000)] = None) -> Any:
    """Store one article, a list of them, or {"articles": [...]}; or an HTML page given
    as text/html with its ``?url=``. Answers each article's id and the story it joined."""
    try:
        body = await read_body(request)
    except ClientDisconnect:
        raise HTTPException(400, "the client went away before the body was read") from None
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if kind not in ("application/json", "text/html", ""):
        raise HTTPException(415, f"send application/json or text/html, not {kind}")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    try:
        if kind == "text/html":
            if not url:
                raise InputError("an HTML page needs its address: ?url=")
            items = [article_from_html(text, url)]
        else:
            items = articles_from_json(_json(text))
        results = await run_in_threadpool(d.ingester.ingest, items)
    except Conflict as exc:
        raise HTTPException(409, str(exc)) from None
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    status = 201 if any(r.status == "stored" for r in results) else 200
    return JSONResponse({"articles": [r.to_dict() for r in results]}, status_code=status)


def _json(text: str) -> Any:
    if not text.strip():
        raise HTTPException(400, "the body is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"malformed JSON: {exc.msg} at line {exc.lineno} "
                                 f"column {exc.colno}") from None
