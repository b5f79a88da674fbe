"""Sessions and the live-status stream against a real HTTP server: short-lived access tokens, revoked
with their session family, and a stream that ends when its session does."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import jwt
import pytest

from invoiceme_gateway.accounts.security import issue_access_token
from invoiceme_gateway.settings import GatewaySettings
from tests.integration.gateway.test_live_status import served
from tests.support.gateway import gateway_settings


@pytest.fixture
def settings(database_url: str, nats_url: str, namespace: str) -> GatewaySettings:
    return gateway_settings(database_url, nats_url, namespace, sse_poll_seconds=0.2)


async def _signup(client: httpx.AsyncClient) -> dict:
    email = f"s-{uuid.uuid4().hex[:8]}@example.com"
    response = await client.post("/api/auth/signup", json={"email": email, "password": "password-123"})
    assert response.status_code == 201, response.text
    return response.json()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _ends_within(response: httpx.Response, seconds: float) -> list[str]:
    """Reads the stream to its end; fails if it is still open after `seconds`."""
    lines: list[str] = []
    async with asyncio.timeout(seconds):
        async for line in response.aiter_lines():
            lines.append(line)
    return lines


class TestAccessTokens:
    """Access tokens live minutes, not hours, and die with their session family."""

    def test_default_lifetime_is_minutes(self):
        assert GatewaySettings(environment="test", jwt_secret="x" * 40).jwt_ttl_minutes <= 15

    async def test_reused_refresh_token_revokes_the_familys_access_tokens(self, settings):
        async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            tokens = await _signup(client)
            assert tokens["expires_in"] <= 15 * 60
            rotated = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert rotated.status_code == 200
            fresh_access = rotated.json()["access_token"]
            assert (await client.get("/api/me", headers=_bearer(fresh_access))).status_code == 200
            # The old refresh token used again: stolen. The whole family ends, access tokens included.
            reused = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert reused.status_code == 401
            assert (await client.get("/api/me", headers=_bearer(fresh_access))).status_code == 401
            assert (await client.get("/api/me", headers=_bearer(tokens["access_token"]))).status_code == 401

    async def test_logout_ends_the_session_family(self, settings):
        async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            tokens = await _signup(client)
            assert (
                await client.post("/api/auth/logout", headers=_bearer(tokens["access_token"]))
            ).status_code == 204
            again = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert again.status_code == 401


class TestLiveStream:
    """The stream takes its token from the Authorization header only, and ends with its session."""

    async def test_token_in_the_url_is_refused(self, settings):
        async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            tokens = await _signup(client)
            in_url = await client.get("/api/events", params={"access_token": tokens["access_token"]})
            assert in_url.status_code == 401

    async def test_logout_closes_the_stream(self, settings):
        async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            tokens = await _signup(client)
            headers = _bearer(tokens["access_token"])
            async with client.stream("GET", "/api/events", headers=headers) as events:
                assert events.status_code == 200
                assert (await client.post("/api/auth/logout", headers=headers)).status_code == 204
                lines = await _ends_within(events, 5)
            assert "event: session_ended" in lines

    async def test_expiry_closes_the_stream(self, settings):
        async with served(settings) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            tokens = await _signup(client)
            claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
            short = issue_access_token(
                settings.jwt_secret.get_secret_value(),
                uuid.UUID(claims["sub"]),
                uuid.UUID(claims["tid"]),
                timedelta(seconds=2),
                uuid.UUID(claims["fam"]),
            )
            async with client.stream("GET", "/api/events", headers=_bearer(short)) as events:
                assert events.status_code == 200
                lines = await _ends_within(events, 8)
            assert "event: session_ended" in lines
