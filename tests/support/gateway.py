"""An in-process gateway against real NATS and Postgres, and small API helpers for tests."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from invoiceme_gateway.app import create_app
from invoiceme_gateway.settings import GatewaySettings


def gateway_settings(
    database_url: str, nats_url: str, namespace: str, **overrides: object
) -> GatewaySettings:
    return GatewaySettings(
        database_url=database_url,
        nats_url=nats_url,
        invoiceme_namespace=namespace,
        environment="test",
        jwt_secret="test-secret-" + uuid.uuid4().hex,
        log_format="console",
        # Every in-process test gateway signs up and logs in from 127.0.0.1: no per-address limits
        # (tests/security sets them, with an address of its own per test).
        **{"login_address_burst": 0, "signup_address_burst": 0, **overrides},
    )


@asynccontextmanager
async def gateway_client(
    settings: GatewaySettings, app: FastAPI | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """`app`: one built from `settings` already, when the test looks at its state."""
    app = app or create_app(settings)
    # Start-up migrates, connects to NATS and declares the stream: slow on a loaded machine.
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            yield client


async def signup(
    client: httpx.AsyncClient, email: str | None = None, password: str = "password-123"
) -> dict[str, str]:
    """Sign a new user up; returns Authorization headers."""
    email = email or f"user-{uuid.uuid4().hex[:8]}@example.com"
    response = await client.post("/api/auth/signup", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
