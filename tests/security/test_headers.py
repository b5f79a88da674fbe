"""Security headers on every response of the real gateway: pages, API answers, errors, and answers
written by middleware (401 before the body, 413)."""

from __future__ import annotations

import httpx
import pytest
from asgi_lifespan import LifespanManager

from invoiceme_gateway.app import create_app
from tests.support.gateway import gateway_settings, signup


@pytest.fixture
async def app(database_url: str, nats_url: str, namespace: str):
    settings = gateway_settings(database_url, nats_url, namespace, cors_origins="https://app.example.com")
    async with LifespanManager(create_app(settings)) as manager:
        yield manager.app


def _client(app, scheme: str = "http") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=f"{scheme}://gateway")


def _csp(response: httpx.Response) -> dict[str, list[str]]:
    policy = response.headers.get("content-security-policy", "")
    return {parts[0]: parts[1:] for parts in (d.split() for d in policy.split(";") if d.strip())}


class TestSecurityHeaders:
    """nosniff, no framing, no referrer, a strict CSP (no inline script) everywhere; HSTS over HTTPS."""

    async def test_every_kind_of_response(self, app):
        async with _client(app) as client:
            headers = await signup(client)
            responses = [
                await client.get("/"),
                await client.get("/static/app.js"),
                await client.get("/health"),
                await client.get("/api/config"),
                await client.get("/api/me", headers=headers),
                await client.get("/api/me"),  # 401 from the route
                await client.post("/api/invoices", content=b"x" * 10),  # 401 before the body
                await client.patch("/api/me", content=b"x" * 300_000, headers=headers),  # 413
                await client.get("/no-such-page"),
            ]
        for response in responses:
            where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
            assert response.headers.get("x-content-type-options") == "nosniff", where
            assert response.headers.get("x-frame-options") == "DENY", where
            assert response.headers.get("referrer-policy") == "no-referrer", where
            csp = _csp(response)
            assert csp.get("frame-ancestors") == ["'none'"], where
            assert csp.get("script-src") == ["'self'"], where
            assert csp.get("object-src") == ["'none'"], where
            assert "strict-transport-security" not in response.headers, where

    async def test_connect_src_lists_the_cors_origins(self, app):
        async with _client(app) as client:
            csp = _csp(await client.get("/"))
        assert csp["connect-src"] == ["'self'", "https://app.example.com"]
        assert "'unsafe-inline'" not in csp.get("style-src", [])

    async def test_hsts_over_https(self, app):
        async with _client(app, "https") as client:
            response = await client.get("/health")
        assert response.headers["strict-transport-security"].startswith("max-age=")
