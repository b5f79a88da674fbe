"""Refuse oversized request bodies while they stream in, before anything spools them to disk.

Every request has a limit: uploads the file limit (plus room for the multipart envelope), everything
else a small one. Past it the answer is 413, whatever the route was doing with the body (FastAPI turns
any error while parsing a form into a 400; that answer is replaced).
"""

from __future__ import annotations

import json
from typing import Any

from invoiceme_gateway.errors import error_body


def limit_for(path: str, default_max_bytes: int, overrides: dict[str, int]) -> int:
    return overrides.get(path.rstrip("/") or "/", default_max_bytes)


class BodySizeLimit:
    def __init__(self, app: Any, max_bytes: int, overrides: dict[str, int] | None = None) -> None:
        self.app = app
        self.default_max_bytes = max_bytes
        self.overrides = overrides or {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = limit_for(scope.get("path", ""), self.default_max_bytes, self.overrides)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            await _refuse(send, max_bytes)
            return
        received = 0
        exceeded = False
        response_started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            nonlocal response_started
            if exceeded:
                return  # whatever the app answers to a body cut short, the answer is 413
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not response_started:
            await _refuse(send, max_bytes)


async def _refuse(send: Any, max_bytes: int) -> None:
    size = f"{max_bytes / 2**20:g} MB" if max_bytes >= 2**20 else f"{max_bytes // 1024} KB"
    body = json.dumps(error_body("payload_too_large", f"the request is larger than {size}")).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
