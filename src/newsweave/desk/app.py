"""The desk's web application: the API and page routers, access control, error answers.

API errors are JSON (``{"detail": "..."}``) with the status that fits; page errors are a
page. Nothing here touches summarizing: the worker process does that.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsweave import __version__
from newsweave.desk import api, feeds_api, pages
from newsweave.desk.access import LimitBody, SecurityHeaders
from newsweave.desk.context import Desk
from newsweave.desk.ingest import ArticleIn

STATIC = {"desk.css": "text/css", "desk.js": "text/javascript", "docs.js": "text/javascript"}
SWAGGER = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
# Swagger UI 5 (OpenAPI 3.1, which FastAPI writes), as the fastapi-offline package ships it.
SWAGGER_FILES = Path(str(importlib.resources.files("fastapi_offline"))) / "static"
# Swagger UI sets style attributes on its elements; nothing else is relaxed, and nothing
# is loaded from elsewhere (the desk runs offline).
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


def create_app(desk: Desk) -> Any:
    app = FastAPI(title="newsweave desk", version=__version__, docs_url=None, redoc_url=None,
                  description="Articles in; stories grouped, summarized and analyzed as they "
                              "arrive. Reads are open; writes need `Authorization: Bearer "
                              "TOKEN`.")
    app.state.desk = desk
    app.include_router(api.router)
    app.include_router(feeds_api.router)
    app.include_router(pages.router)

    def openapi() -> dict[str, Any]:
        # POST /api/articles reads its body itself (JSON or HTML); its JSON form is this.
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)
            schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = (
                ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}"))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return FileResponse(pages.static_file("docs.html"), media_type="text/html",
                            headers={"content-security-policy": DOCS_CSP})

    @app.get("/static/swagger/{name}", include_in_schema=False)
    def swagger(name: str) -> Response:
        if name not in SWAGGER:
            raise HTTPException(404, f"no file {name!r}")
        return FileResponse(SWAGGER_FILES / name, media_type=SWAGGER[name],
                            headers={"cache-control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(404, f"no file {name!r}")
        return FileResponse(pages.static_file(name), media_type=STATIC[name],
                            headers={"cache-control": "public, max-age=3600"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        if _wants_json(request):
            return JSONResponse({"detail": message}, 422)
        return pages.error_page(request, 422, message)

    return SecurityHeaders(LimitBody(app, desk.access.max_body_bytes))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"
