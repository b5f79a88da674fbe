"""Security headers on every response, including those written by other middleware (401, 413).

The app's policy allows scripts and styles from our own origin only: the web app is built files
(a Vite build emits `<script type="module" src>` and `<link rel="stylesheet">`, no inline code), so
an injected `<script>` or `onclick=` does not run. Only the API docs pages (Swagger UI, ReDoc: an
inline start-up script and their CDN) get a looser policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_DOCS_PATHS = ("/docs", "/redoc")
_DOCS_CDN = "https://cdn.jsdelivr.net"
HSTS = "max-age=31536000"


def app_policy(connect_origins: Iterable[str]) -> str:
    connect = " ".join(["'self'", *connect_origins])
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        f"font-src 'self' data:; connect-src {connect}; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def docs_policy() -> str:
    return (
        f"default-src 'self'; script-src 'self' 'unsafe-inline' {_DOCS_CDN}; "
        f"style-src 'self' 'unsafe-inline' {_DOCS_CDN}; img-src 'self' data: https://fastapi.tiangolo.com; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
    )


def security_headers(path: str, https: bool, connect_origins: Iterable[str]) -> list[tuple[bytes, bytes]]:
    policy = docs_policy() if path.startswith(_DOCS_PATHS) else app_policy(connect_origins)
    headers = [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if https:  # only over HTTPS: a plain-HTTP answer cannot vouch for HTTPS
        headers.append((b"strict-transport-security", HSTS.encode()))
    return headers


class SecurityHeaders:
    """Outermost middleware: adds the headers to whatever answers (headers already set are kept)."""

    def __init__(self, app: Any, connect_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.connect_origins = tuple(connect_origins)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], scope.get("scheme") == "https", self.connect_origins)

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend((name, value) for name, value in extra if name not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
