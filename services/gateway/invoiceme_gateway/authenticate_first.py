"""Authenticate a request before anything reads its body.

FastAPI parses a form (a multipart upload) before a route's dependencies run, so an anonymous 40 MB
upload would be read to the end and only then answered 401. This middleware checks the bearer token
of every `/api` request outside `/api/auth` first; the route's `User` dependency then reuses the
result instead of checking again.
"""

from __future__ import annotations

import json
from typing import Any

from invoiceme_gateway.accounts.service import authenticate
from invoiceme_gateway.domain_errors import NotAuthenticated
from invoiceme_gateway.errors import error_body

# Where the signed-in user is kept for the route's dependency (server-side only: never from a client).
AUTHENTICATED_USER = "invoiceme.authenticated_user"
_PUBLIC_PREFIXES = ("/api/auth/", "/api/config")


_READS = ("GET", "HEAD", "OPTIONS")


def needs_authentication(method: str, path: str) -> bool:
    """Requests that carry a body to a route under /api other than sign-up/log-in. Reads are checked by
    their route's dependency (their bodies are never read, and the small default limit caps them)."""
    return method not in _READS and path.startswith("/api/") and not path.startswith(_PUBLIC_PREFIXES)


def bearer_token(headers: list[tuple[bytes, bytes]]) -> str | None:
    value = dict(headers).get(b"authorization", b"").decode("latin-1")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


class AuthenticateFirst:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not needs_authentication(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state.gateway
        try:
            scope[AUTHENTICATED_USER] = await authenticate(state, bearer_token(scope["headers"]))
        except NotAuthenticated as exc:
            await _unauthorized(send, exc.message)
            return
        await self.app(scope, receive, send)


async def _unauthorized(send: Any, message: str) -> None:
    body = json.dumps(error_body("unauthorized", message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"www-authenticate", b"Bearer"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
