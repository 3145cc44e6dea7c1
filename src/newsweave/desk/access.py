"""Who may write, how much a request may send, and what a page may load.

Reading is open. Every write needs the desk's token as ``Authorization: Bearer TOKEN``,
compared in constant time (``hmac.compare_digest``). With no token configured, writes are
refused outright rather than left open. Bodies over the limit are refused with 413 before
they are read whole (by ``Content-Length``, and again while streaming for chunked uploads).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.desk.config import DEFAULT_MAX_BODY_BYTES, TOKEN_ENV

# No inline script or style, nothing from anywhere but this server; forms post here only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@dataclass(frozen=True)
class Access:
    token: str | None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES


def require_token(request: Request) -> None:
    """A FastAPI dependency on every write route."""
    access: Access = request.app.state.desk.access
    if access.token is None:
        raise HTTPException(403, f"writes are disabled: start the desk with ${TOKEN_ENV} "
                                 "or --token-file")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode("utf-8"), access.token.encode("utf-8")):
        raise HTTPException(401, "a valid token is needed: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


class LimitBody:
    """ASGI middleware: refuse a body whose announced length is over the limit, before
    reading it. Bodies sent without a length are counted as they stream (``read_body``)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = dict(scope["headers"]).get(b"content-length")
            if declared is not None and (not declared.isdigit()
                                         or int(declared) > self.max_body_bytes):
                await _too_large(send, self.max_body_bytes)
                return
        await self.app(scope, receive, send)


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it runs over the limit."""
    limit = request.app.state.desk.access.max_body_bytes
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"the request body is over the limit of {limit} bytes")
    return bytes(body)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "the request body is over the limit of {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                            if k.encode() not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
