"""What keeps the web view safe on a shared machine: it has no login, so a page of another site must
not be able to read it (DNS rebinding), and a stored report must not be able to run a script in it.

- Only requests whose Host is an address (an IP literal, as any address this server can be reached
  at is), `localhost`, or a name the operator allowed (`comity serve --allowed-host`) are answered;
  a rebinding page's requests carry its own domain name and get 400.
- Every answer carries a strict Content-Security-Policy (the page's own script and styles, nothing
  inline), and the headers that stop sniffing, framing and referrer leaks.
- Only http and https URLs become links (`link_url`): a report's `url` is data from the input, and
  `javascript:` or `data:` there must not become a live link.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Collection
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /api/docs: Swagger UI, served from the package fastapi-swagger like the pages' own files (no inline
# script, no CDN); it sets inline styles, and shows the schema only, never stored text
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATH = "/api/docs"
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
LOCAL_NAMES = frozenset({"localhost"})
ANY_HOST = "*"


def link_url(url: object) -> str | None:
    """`url` if it may be a link (http or https, with a host), else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port: 'example.org:8000' -> 'example.org', '[::1]:80' -> '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host_header: str | None, allowed: Collection[str]) -> bool:
    """Whether a request with this Host header is answered (see the module docstring)."""
    if ANY_HOST in allowed:
        return True
    name = host_name(host_header or "").rstrip(".")
    if not name:
        return False
    if name in LOCAL_NAMES or name in {a.lower().rstrip(".") for a in allowed}:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class SecurityMiddleware:
    """The Host check and the security headers, as plain ASGI (no per-request task, unlike
    BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Collection[str] = ()):
        self.app = app
        self.allowed = frozenset(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not host_allowed(Headers(scope=scope).get("host"), self.allowed):
            response = PlainTextResponse(
                "comity answers only requests addressed to this server's address or to a name it was "
                "given (comity serve --allowed-host NAME)", status_code=400)
            await response(scope, receive, self._with_headers(send, CSP))
            return
        csp = DOCS_CSP if scope.get("path") == DOCS_PATH else CSP
        await self.app(scope, receive, self._with_headers(send, csp))

    @staticmethod
    def _with_headers(send: Send, csp: str) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in HEADERS and k.lower() != b"content-security-policy"]
                headers.append((b"content-security-policy", csp.encode("latin-1")))
                headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items())
                message = {**message, "headers": headers}
            await send(message)
        return sending
