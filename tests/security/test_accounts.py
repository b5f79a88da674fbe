"""Accounts and sessions against the real stack (Postgres, NATS, the in-process gateway)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from click.testing import CliRunner, Result

from invoiceme_cli.main import cli
from tests.support.gateway import gateway_client, gateway_settings, signup


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


async def _operator(database_url: str, *args: str) -> Result:
    """Runs `invoiceme admin ...` as an operator would, against the test database (in a thread:
    the command runs its own event loop)."""
    runner = CliRunner()
    return await asyncio.to_thread(runner.invoke, cli, ["admin", *args], env={"DATABASE_URL": database_url})


class TestAdminIsGrantedNeverInferred:
    """Admin is a role an operator grants to an existing account, never taken from a chosen email."""

    async def test_signing_up_with_a_listed_email_gives_no_admin(
        self, database_url, nats_url, namespace, monkeypatch
    ):
        squatter = f"ops-{uuid.uuid4().hex[:6]}@example.com"
        monkeypatch.setenv("ADMIN_EMAILS", squatter)
        async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as c:
            headers = await signup(c, squatter)
            assert (await c.get("/api/admin/dead-letters", headers=headers)).status_code == 403

    async def test_operator_grants_and_revokes_by_email(self, client, database_url):
        email = f"Ops-{uuid.uuid4().hex[:6]}@Example.com"
        headers = await signup(client, email)
        assert (await client.get("/api/admin/dead-letters", headers=headers)).status_code == 403

        granted = await _operator(database_url, "grant", f"  {email.upper()} ")
        assert granted.exit_code == 0, granted.output
        assert (await client.get("/api/admin/dead-letters", headers=headers)).status_code == 200
        assert email.lower() in (await _operator(database_url, "list")).output

        revoked = await _operator(database_url, "revoke", email)
        assert revoked.exit_code == 0, revoked.output
        assert (await client.get("/api/admin/dead-letters", headers=headers)).status_code == 403

    async def test_grant_to_an_unknown_email_fails(self, database_url):
        result = await _operator(database_url, "grant", f"nobody-{uuid.uuid4().hex[:6]}@example.com")
        assert result.exit_code != 0
        assert "no account" in result.output
