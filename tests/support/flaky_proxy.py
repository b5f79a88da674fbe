"""A loopback HTTP proxy in front of the S3 server that answers the first N requests with
`503 SlowDown` (what S3 says when throttling), then forwards: a real transient failure on the wire."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from tests.support.s3_server import free_port

_SLOW_DOWN = (
    b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
    b"<Message>Please reduce your request rate.</Message></Error>"
)
_HOP_HEADERS = {"host", "content-length", "transfer-encoding", "connection"}


@dataclass
class FlakyProxy:
    url: str
    failures_left: int
    seen: list[str] = field(default_factory=list)  # "METHOD status" of every request, in order


@asynccontextmanager
async def flaky_proxy(
    upstream: str, failures: int, fail_after: int | None = None
) -> AsyncIterator[FlakyProxy]:
    """The first `failures` requests fail; with `fail_after`, so does every request after that many
    (an outage in the middle of a long job)."""
    port = free_port()
    proxy = FlakyProxy(f"http://127.0.0.1:{port}", failures)
    session = aiohttp.ClientSession(auto_decompress=False)

    async def forward(request: web.Request) -> web.StreamResponse:
        body = await request.read()  # the proxy must read the body before answering, as S3 would
        outage = fail_after is not None and len(proxy.seen) >= fail_after
        if proxy.failures_left > 0 or outage:
            proxy.failures_left = max(proxy.failures_left - 1, 0)
            proxy.seen.append(f"{request.method} 503")
            return web.Response(status=503, body=_SLOW_DOWN, content_type="application/xml")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        async with session.request(
            request.method, upstream + request.path_qs, headers=headers, data=body
        ) as reply:
            payload = await reply.read()
            proxy.seen.append(f"{request.method} {reply.status}")
            out_headers = {k: v for k, v in reply.headers.items() if k.lower() not in _HOP_HEADERS}
            return web.Response(status=reply.status, body=payload, headers=out_headers)

    app = web.Application(client_max_size=64 * 2**20)
    app.router.add_route("*", "/{tail:.*}", forward)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield proxy
    finally:
        await runner.cleanup()
        await session.close()
