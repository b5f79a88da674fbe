"""A worker's small HTTP port (METRICS_PORT): GET /metrics (Prometheus) and GET /health (JSON).

A minimal asyncio responder on the worker's own event loop — no web framework and no extra thread,
so /health reports what the loop itself sees. One request per connection, GET only.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .logging import get_logger

log = get_logger(__name__)
HealthCheck = Callable[[], Awaitable[dict[str, Any]]]


def response(status: int, content_type: str, body: bytes) -> bytes:
    reason = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


async def answer(request_line: str, health: HealthCheck) -> bytes:
    """The response to one request line ("GET /health HTTP/1.1")."""
    parts = request_line.split()
    if len(parts) < 2 or parts[0] not in ("GET", "HEAD"):
        return response(405, "text/plain", b"GET only\n")
    path = parts[1].split("?", 1)[0]
    if path == "/metrics":
        return response(200, CONTENT_TYPE_LATEST, generate_latest())
    if path == "/health":
        report = await health()
        return response(200 if report.get("ok") else 503, "application/json", json.dumps(report).encode())
    return response(404, "text/plain", b"/metrics or /health\n")


async def start_ops_server(port: int, health: HealthCheck, host: str = "0.0.0.0") -> asyncio.Server:
    async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = (await asyncio.wait_for(reader.readline(), timeout=5)).decode("latin-1")
            while (await asyncio.wait_for(reader.readline(), timeout=5)) not in (b"\r\n", b"\n", b""):
                pass  # headers: nothing we need
            writer.write(await answer(request_line, health))
            await writer.drain()
        except Exception as error:  # a broken client must not disturb the worker
            log.debug("ops_request_failed", error=str(error))
        finally:
            writer.close()

    server = await asyncio.start_server(on_connection, host, port)
    log.info("ops_server_started", port=port)
    return server
