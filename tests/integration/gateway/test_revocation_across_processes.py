"""Log-out and ended sessions hold across gateway processes (uvicorn workers, replicas), now that each
process checks tokens against its own in-memory list kept current by Postgres NOTIFY."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from invoiceme_gateway.accounts.security import decode_access_token
from invoiceme_gateway.app import create_app
from invoiceme_gateway.settings import GatewaySettings
from invoiceme_gateway.state import GatewayState
from tests.support.gateway import gateway_client, gateway_settings


@asynccontextmanager
async def _gateway(settings: GatewaySettings) -> AsyncIterator[tuple[httpx.AsyncClient, GatewayState]]:
    """One gateway process (its own pool, LISTEN connections and revocation list)."""
    app = create_app(settings)
    async with gateway_client(settings, app) as client:
        state: GatewayState = app.state.gateway
        assert state.revocations is not None
        assert await state.revocations.wait_ready(within_seconds=10), (
            "the revocation list never became current"
        )
        yield client, state


@pytest.fixture
def settings(database_url: str, nats_url: str, namespace: str) -> GatewaySettings:
    return gateway_settings(database_url, nats_url, namespace)  # one JWT secret for both processes


async def _sign_up(client: httpx.AsyncClient) -> dict[str, str]:
    email = f"rev-{uuid.uuid4().hex[:8]}@example.com"
    response = await client.post("/api/auth/signup", json={"email": email, "password": "password-123"})
    assert response.status_code == 201, response.text
    return response.json()


def _bearer(tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def _refused_within(
    client: httpx.AsyncClient, tokens: dict[str, str], seconds: float
) -> httpx.Response:
    """Another process hears the revocation when Postgres delivers its NOTIFY to that process's
    LISTEN connection: well under a millisecond on an idle machine, a few on a loaded one."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        response = await client.get("/api/me", headers=_bearer(tokens))
        if response.status_code != 200 or asyncio.get_running_loop().time() > deadline:
            return response
        await asyncio.sleep(0.005)


class TestAcrossProcesses:
    """A token signed out (or a session ended) through one process is refused by that process at
    once and by every other as soon as Postgres delivers the NOTIFY (milliseconds)."""

    async def test_logout_on_one_process_is_refused_by_the_other(self, settings):
        async with _gateway(settings) as (first, _), _gateway(settings) as (second, second_state):
            tokens = await _sign_up(first)
            assert (await second.get("/api/me", headers=_bearer(tokens))).status_code == 200
            assert (await first.post("/api/auth/logout", headers=_bearer(tokens))).status_code == 204
            assert (await first.get("/api/me", headers=_bearer(tokens))).status_code == 401  # at once
            refused = await _refused_within(second, tokens, seconds=2.0)
            assert refused.status_code == 401
            assert "signed out" in refused.json()["error"]["message"]
            # ...decided by the second process's own list, not by a database query.
            claims = decode_access_token(settings.jwt_secret.get_secret_value(), tokens["access_token"])
            assert second_state.revocations is not None
            assert second_state.revocations.revoked(claims.token_id, claims.family_id) is True

    async def test_a_reused_refresh_token_ends_the_session_in_every_process(self, settings):
        async with _gateway(settings) as (first, _), _gateway(settings) as (second, _):
            tokens = await _sign_up(first)
            rotated = await first.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert rotated.status_code == 200
            reused = await first.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert reused.status_code == 401
            for client in (first, second):
                for access in (tokens, rotated.json()):
                    assert (await _refused_within(client, access, seconds=2.0)).status_code == 401

    async def test_a_process_started_after_the_logout_refuses_the_token(self, settings):
        async with _gateway(settings) as (first, _):
            tokens = await _sign_up(first)
            other = await _sign_up(first)
            assert (await first.post("/api/auth/logout", headers=_bearer(tokens))).status_code == 204
        async with _gateway(settings) as (late, late_state):
            assert (await late.get("/api/me", headers=_bearer(tokens))).status_code == 401
            assert (await late.get("/api/me", headers=_bearer(other))).status_code == 200
            claims = decode_access_token(settings.jwt_secret.get_secret_value(), tokens["access_token"])
            assert late_state.revocations is not None
            assert late_state.revocations.revoked(claims.token_id, claims.family_id) is True
