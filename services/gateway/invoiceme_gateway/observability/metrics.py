"""GET /metrics of the gateway, and the middleware counting requests by route template and status.

The label is the route's template (`/api/invoices/{invoice_id}`), never the raw path, so the number of
series stays bounded; requests no route matched (static files, 404s) share the label "other".
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from invoiceme_common import metrics

router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics of this gateway process", include_in_schema=False)
async def prometheus_metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def route_template(scope: dict[str, Any]) -> str:
    route = scope.get("route")
    return str(getattr(route, "path", None) or "other")


class RequestMetricsMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500  # an exception before the response started is a 500 to the client
        started = time.perf_counter()

        async def send_with_status(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            method, route = scope["method"], route_template(scope)
            metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()
            metrics.HTTP_SECONDS.labels(method, route).observe(time.perf_counter() - started)
