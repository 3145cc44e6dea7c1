"""The desk's web pages: server-rendered (Jinja2, autoescaped), usable without JavaScript.

"New since your last visit" needs no script either: the story page remembers in a cookie
which version of each story this browser last saw, and marks what arrived after it.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newsweave.analysis.timeline import one_line_each
from newsweave.desk.chart import coverage_chart
from newsweave.desk.context import Desk, desk
from newsweave.desk.records import NO_NEWS_REASON, notice_headline, opening_headline
from newsweave.desk.updates import new_since
from newsweave.model import CUT_MARK
from newsweave.text import counted

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)
DeskDep = Annotated[Desk, Depends(desk)]
PER_PAGE = 25
SEEN_COOKIE = "nw_seen"
SEEN_KEEP = 60  # stories remembered per browser


def _when(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _ago(seconds: float | None) -> str:
    if seconds is None:
        return ""
    delta = max(0, int(time.time() - seconds))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if delta >= size:
            count = delta // size
            return f"{counted(count, unit)} ago"
    return "just now"


TEMPLATES.env.filters["when"] = _when
TEMPLATES.env.filters["ago"] = _ago
TEMPLATES.env.filters["counted"] = counted  # {{ n|counted("outlet") }}: "1 outlet", "2 outlets"
TEMPLATES.env.globals["CUT_MARK"] = CUT_MARK  # after a clause cut short, as every renderer


@router.get("/", response_class=HTMLResponse)
def front(request: Request, d: DeskDep, outlet: str | None = None, q: str | None = None,
          page: Annotated[int, Query(ge=1)] = 1) -> Response:
    def draw() -> bytes:
        stories = d.store.stories(PER_PAGE, (page - 1) * PER_PAGE, "rank", outlet, q)
        total = d.store.story_count(outlet, q)
        return bytes(TEMPLATES.TemplateResponse(request, "front.html", {
            "stories": stories, "published": d.store.published_spans(stories),
            "outlets": d.store.outlets(), "outlet": outlet, "q": q or "",
            "page": page, "more": page * PER_PAGE < total, "total": total}).body)

    return HTMLResponse(d.front_pages.fetch((outlet, q, page), draw))


def _seen(request: Request) -> dict[str, int]:
    try:
        value = json.loads(unquote(request.cookies.get(SEEN_COOKIE, "{}")))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int)}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, d: DeskDep, story_id: str,
          since: Annotated[int | None, Query(ge=0)] = None) -> Response:
    head = d.store.story(story_id, with_reports=False)
    if head is None:
        raise HTTPException(404, f"no story {story_id!r}")
    seen = _seen(request)
    last_seen = since if since is not None else seen.get(story_id)
    if last_seen is not None and last_seen >= head.version:
        last_seen = None  # nothing is new: the same page as for a first visit
    key = (story_id, head.version, head.changed_seq, head.analyzed_seq, last_seen)
    response = HTMLResponse(d.story_pages.fetch(
        key, lambda: _draw_story(request, d, story_id, last_seen)))
    if head.version:
        seen.pop(story_id, None)
        seen[story_id] = head.version
        kept = dict(list(seen.items())[-SEEN_KEEP:])
        response.set_cookie(SEEN_COOKIE, quote(json.dumps(kept, separators=(",", ":"))),
                            max_age=90 * 86400, httponly=True, samesite="lax")
    return response


def _draw_story(request: Request, d: Desk, story_id: str, last_seen: int | None) -> bytes:
    found = d.store.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    articles = d.store.story_articles(story_id)
    new = None
    if last_seen is not None and last_seen < found.version:
        seen_seq = d.store.seq_at_version(story_id, last_seen)
        if seen_seq is not None:
            new = new_since(found, articles, seen_seq, d.updates)
    analysis = found.analysis or {}
    names = {a["id"]: a["source"] for a in analysis.get("articles", [])}
    index_ids = [a["id"] for a in analysis.get("articles", [])]
    new_texts = {s["text"] for s in new["sentences"]} if new else set()
    return bytes(TEMPLATES.TemplateResponse(request, "story.html", {
        "story": found, "articles": articles, "analysis": analysis,
        "timeline": one_line_each(analysis.get("timeline", []),
                                  lambda e: (e["article_index"], e["start"])),
        "sentences": cited_sentences(found.summary, analysis, found.analysis_current),
        "names": names, "index_ids": index_ids, "new": new, "new_texts": new_texts,
        "last_seen": last_seen, "chart": coverage_chart(articles),
        # A story of notice pages only says so at once, not with empty sections (nor
        # "Untitled story" before the worker has written its first version).
        "no_news": notice_headline(articles), "no_news_reason": NO_NEWS_REASON,
        "headline": found.headline or opening_headline(articles),
        "nothing_shown": why_nothing_shown(found.summary)}).body)


def why_nothing_shown(summary: dict[str, Any] | None) -> str | None:
    """Why a summarized story shows no sentence, as one line (the version says why:
    worker.py), or None for one that shows some or is not summarized yet."""
    if not summary or summary.get("sentences") or not summary.get("empty_reason"):
        return None
    reason = str(summary["empty_reason"])
    return reason[:1].upper() + reason[1:].rstrip(".") + "."


def cited_sentences(summary: dict[str, Any] | None, analysis: dict[str, Any],
                    current: bool) -> list[dict[str, Any]]:
    """The summary's sentences with a citation per backing outlet. The analysis knows each
    outlet's own span; until it has caught up with the summary, an outlet other than the
    one a sentence is taken from is cited without a span."""
    if current and analysis.get("summary"):
        return list(analysis["summary"].get("sentences", []))
    sentences = []
    for sentence in (summary or {}).get("sentences", []):
        citations = [{"article": a, "source": src, "start": 0, "end": 0}
                     for a, src in zip(sentence["supporting_articles"],
                                       sentence["supporting_sources"], strict=True)]
        for citation in citations:
            if citation["article"] == sentence["article"]:
                citation.update(start=sentence["start"], end=sentence["end"])
        sentences.append({**sentence, "citations": citations})
    return sentences


@router.get("/stories/{story_id}/articles/{article_id}", response_class=HTMLResponse)
def cited_article(request: Request, d: DeskDep, story_id: str, article_id: str,
                  start: Annotated[int, Query(ge=0)] = 0,
                  end: Annotated[int, Query(ge=0)] = 0) -> Response:
    """An article as the summary read it (its cleaned text), the cited span marked."""
    found = d.store.story(story_id)
    stored = d.store.article(article_id)
    if found is None or stored is None or stored.story_id != story_id:
        raise HTTPException(404, f"no article {article_id!r} in story {story_id!r}")
    read = next((a for a in (found.analysis or {}).get("articles", [])
                 if a["id"] == article_id), None)
    text = read["text"] if read and read.get("text") else stored.text
    start, end = (start, end) if 0 <= start < end <= len(text) else (0, 0)
    return TEMPLATES.TemplateResponse(request, "article.html", {
        "story": found, "article": stored, "before": text[:start],
        "cited": text[start:end], "after": text[end:]})


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, d: DeskDep) -> Response:
    return TEMPLATES.TemplateResponse(request, "outlets.html", {"outlets": d.store.outlets()})


@router.get("/outlets/{outlet}", response_class=HTMLResponse)
def outlet(request: Request, d: DeskDep, outlet: str,
           page: Annotated[int, Query(ge=1)] = 1) -> Response:
    stories = d.store.stories(PER_PAGE, (page - 1) * PER_PAGE, "changed", outlet, None)
    if not stories and page == 1:
        raise HTTPException(404, f"no outlet {outlet!r}")
    covered = []
    for listed in stories:
        full = d.store.story(listed.id)
        analysis = (full.analysis if full else None) or {}
        mine = {a["id"] for a in analysis.get("articles", []) if a["source"] == outlet}
        only = [c for article_id, claims in analysis.get("exclusives", {}).items()
                if article_id in mine for c in claims]
        covered.append((listed, only))
    total = d.store.story_count(outlet, None)
    return TEMPLATES.TemplateResponse(request, "outlet.html", {
        "outlet": outlet, "covered": covered, "page": page,
        "more": page * PER_PAGE < total, "total": total})


def error_page(request: Request, status: int, message: str) -> Response:
    return TEMPLATES.TemplateResponse(request, "error.html", {"status": status,
                                      "message": message}, status_code=status)


def static_file(name: str) -> Path:
    return Path(__file__).parent / "templates" / name

