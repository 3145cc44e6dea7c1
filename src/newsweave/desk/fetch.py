"""Fetching feeds and pages politely and safely.

- Private, loopback, link-local and reserved addresses are refused (a desk on a server must
  not be turned into a probe of its own network), on every redirect hop too, unless
  ``--allow-private-feeds``.
- Conditional GET (ETag / Last-Modified), timeouts, a size cap, redirects capped (a loop
  ends as an error), retries with exponential back-off on network errors and 5xx, and at
  most one request per host per ``host_interval_s``.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from newsweave import __version__

USER_AGENT = f"newsweave-desk/{__version__} (+https://github.com/newsweave)"
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class FetchRefused(Exception):
    """The URL may not or could not be fetched; the message is one line for the feed's log."""


@dataclass
class Fetched:
    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


def check_feed_url(url: str, allow_private: bool) -> None:
    """Raise FetchRefused unless ``url`` is http(s) to a host this desk may fetch from."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"{url}: not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"{parts.hostname}: cannot resolve ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchRefused(f"{parts.hostname} is a private or loopback address "
                               f"({address}); start the desk with --allow-private-feeds "
                               "to fetch from it")


class Fetcher:
    def __init__(self, allow_private: bool = False, host_interval_s: float = 1.0,
                 tries: int = 3, backoff_s: float = 0.5, max_redirects: int = 5,
                 timeout: httpx.Timeout = TIMEOUT) -> None:
        self.allow_private = allow_private
        self.host_interval_s = host_interval_s
        self.tries = tries
        self.backoff_s = backoff_s
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=True, max_redirects=max_redirects,
            headers={"user-agent": USER_AGENT}, trust_env=False,
            event_hooks={"request": [self._check_hop]})

    def close(self) -> None:
        self._client.close()

    def _check_hop(self, request: httpx.Request) -> None:
        check_feed_url(str(request.url), self.allow_private)

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self.host_interval_s
            self._last[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def get(self, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        for attempt in range(self.tries):
            self._wait_for_host(urlsplit(url).hostname or "")
            try:
                fetched = self._get_once(url, headers)
            except FetchRefused:
                raise
            except httpx.TooManyRedirects:
                raise FetchRefused(f"{url}: too many redirects (a loop?)") from None
            except (httpx.TransportError, _ServerError) as exc:
                if attempt + 1 == self.tries:
                    raise FetchRefused(f"{url}: {_describe(exc)} after {self.tries} tries"
                                       ) from None
                time.sleep(self.backoff_s * 2 ** attempt)
                continue
            return fetched
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        with self._client.stream("GET", url, headers=headers) as response:
            if response.status_code >= 500:
                raise _ServerError(f"HTTP {response.status_code}")
            if response.status_code >= 400:
                raise FetchRefused(f"{url}: HTTP {response.status_code}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise FetchRefused(f"{url}: over {MAX_BYTES} bytes")
            return Fetched(str(response.url), response.status_code, bytes(body),
                           response.headers.get("content-type", "").split(";")[0].strip(),
                           response.headers.get("etag"), response.headers.get("last-modified"))


class _ServerError(Exception):
    pass


def _describe(exc: Exception) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    return str(exc) or type(exc).__name__
