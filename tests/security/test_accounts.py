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


def _limited(database_url: str, nats_url: str, namespace: str, **limits: object):
    """A gateway behind a trusted proxy (the test client is 127.0.0.1), so each test can use its own
    client address in X-Forwarded-For and never share a bucket with another test."""
    return gateway_client(
        gateway_settings(database_url, nats_url, namespace, trusted_proxies="127.0.0.1/32", **limits)
    )


def _address() -> str:
    return f"2001:db8::{uuid.uuid4().hex[:4]}"


class TestLoginLimits:
    """A decaying, atomic limit per account and per client address: 429 with Retry-After, and the
    real owner waits one refill interval at most."""

    async def test_account_limit_decays_and_the_owner_gets_back_in(
        self, database_url, nats_url, namespace, db
    ):
        limits = {"login_account_burst": 3, "login_account_refill_seconds": 30}
        async with _limited(database_url, nats_url, namespace, **limits) as client:
            email = f"owner-{uuid.uuid4().hex[:6]}@example.com"
            await signup(client, email)
            wrong = {"email": email, "password": "wrong-password"}
            for _ in range(3):
                attacker = {"x-forwarded-for": _address()}  # a new address every time
                assert (await client.post("/api/auth/login", json=wrong, headers=attacker)).status_code == 401
            refused = await client.post(
                "/api/auth/login", json=wrong, headers={"x-forwarded-for": _address()}
            )
            assert refused.status_code == 429
            assert 1 <= int(refused.headers["Retry-After"]) <= 30
            right = {"email": email, "password": "password-123"}
            owner = {"x-forwarded-for": _address()}
            assert (await client.post("/api/auth/login", json=right, headers=owner)).status_code == 429
            # One refill interval later (the clock of the bucket moved back) one attempt is free again.
            await db.execute(
                "UPDATE rate_buckets SET updated_at = updated_at - interval '31 seconds' WHERE key LIKE $1",
                f"%{email}",
            )
            assert (await client.post("/api/auth/login", json=right, headers=owner)).status_code == 200

    async def test_parallel_guesses_cannot_pass_the_limit(self, database_url, nats_url, namespace):
        limits = {"login_account_burst": 3, "login_account_refill_seconds": 600}
        async with _limited(database_url, nats_url, namespace, **limits) as client:
            email = f"target-{uuid.uuid4().hex[:6]}@example.com"
            await signup(client, email)
            wrong = {"email": email, "password": "wrong-password"}
            answers = await asyncio.gather(
                *(
                    client.post("/api/auth/login", json=wrong, headers={"x-forwarded-for": _address()})
                    for _ in range(12)
                )
            )
            statuses = sorted(response.status_code for response in answers)
            assert statuses == [401] * 3 + [429] * 9

    async def test_address_limit_uses_the_trusted_proxy_header_only(self, database_url, nats_url, namespace):
        limits = {"login_address_burst": 4, "login_address_refill_seconds": 600}
        async with _limited(database_url, nats_url, namespace, **limits) as client:
            address = _address()
            answers = [
                await client.post(
                    "/api/auth/login",
                    json={"email": f"n{n}-{uuid.uuid4().hex[:4]}@example.com", "password": "password-x"},
                    headers={"x-forwarded-for": f"198.51.100.9, {address}"},  # the proxy appends the real one
                )
                for n in range(5)
            ]
            assert [r.status_code for r in answers] == [401] * 4 + [429]
            other = await client.post(
                "/api/auth/login",
                json={"email": "someone@example.com", "password": "password-x"},
                headers={"x-forwarded-for": _address()},
            )
            assert other.status_code == 401

    async def test_an_untrusted_peer_cannot_choose_its_address(self, database_url, nats_url, namespace):
        settings = gateway_settings(
            database_url, nats_url, namespace, login_address_burst=2, login_address_refill_seconds=600
        )
        settings.trusted_proxies = ""
        async with gateway_client(settings) as client:
            # Whatever X-Forwarded-For says, the untrusted peer's own address (127.0.0.1) is counted.
            answers = [
                await client.post(
                    "/api/auth/login",
                    json={"email": f"spoof-{uuid.uuid4().hex[:6]}@example.com", "password": "password-x"},
                    headers={"x-forwarded-for": _address()},
                )
                for _ in range(3)
            ]
            assert [r.status_code for r in answers] == [401, 401, 429]

    async def test_signup_is_rate_limited_per_address(self, database_url, nats_url, namespace):
        limits = {"signup_address_burst": 2, "signup_address_refill_seconds": 600}
        async with _limited(database_url, nats_url, namespace, **limits) as client:
            address = {"x-forwarded-for": _address()}
            statuses = [
                (
                    await client.post(
                        "/api/auth/signup",
                        json={"email": f"s-{uuid.uuid4().hex[:6]}@example.com", "password": "password-123"},
                        headers=address,
                    )
                ).status_code
                for _ in range(3)
            ]
            assert statuses == [201, 201, 429]


SUPABASE_ISSUER = "https://project.supabase.co/auth/v1"
SUPABASE_SECRET = "supabase-security-secret-" + "y" * 20


def _supabase_token(email: str, **extra: object) -> dict[str, str]:
    import time

    import jwt

    now = int(time.time())
    claims = {
        "sub": str(uuid.uuid4()),
        "email": email,
        "aud": "authenticated",
        "iss": SUPABASE_ISSUER,
        "iat": now,
        "exp": now + 600,
        **extra,
    }
    return {"Authorization": f"Bearer {jwt.encode(claims, SUPABASE_SECRET, algorithm='HS256')}"}


class TestSupabaseLinking:
    """A Supabase login takes over a local account only with Supabase's proof that it owns the email."""

    @pytest.fixture
    async def supabase_client(self, database_url, nats_url, namespace):
        settings = gateway_settings(
            database_url,
            nats_url,
            namespace,
            supabase_jwt_secret=SUPABASE_SECRET,
            supabase_jwt_issuer=SUPABASE_ISSUER,
        )
        async with gateway_client(settings) as c:
            yield c

    async def test_unverified_email_does_not_link(self, supabase_client, db):
        email = f"victim-{uuid.uuid4().hex[:6]}@example.com"
        victim = await signup(supabase_client, email)
        token = _supabase_token(email.upper(), user_metadata={"email_verified": False})
        response = await supabase_client.get("/api/me", headers=token)
        assert response.status_code == 401
        assert await db.fetchval("SELECT external_subject FROM users WHERE email = $1", email) is None
        assert (await supabase_client.get("/api/me", headers=victim)).status_code == 200

    async def test_verified_email_links_whatever_its_case(self, supabase_client):
        email = f"owner-{uuid.uuid4().hex[:6]}@example.com"
        local = await signup(supabase_client, email)
        local_me = (await supabase_client.get("/api/me", headers=local)).json()
        token = _supabase_token(email.replace("owner", "Owner"), email_verified=True)
        linked = await supabase_client.get("/api/me", headers=token)
        assert linked.status_code == 200, linked.text
        assert linked.json()["id"] == local_me["id"]


class TestSecrets:
    """HS256 needs a secret of at least 32 bytes outside development."""

    @pytest.mark.parametrize("secret", ["short-secret-16ch", "x" * 31])
    def test_short_secret_is_refused(self, secret):
        from invoiceme_gateway.settings import GatewaySettings

        with pytest.raises(ValueError, match="32"):
            GatewaySettings(environment="production", jwt_secret=secret)

    def test_32_bytes_are_enough(self):
        from invoiceme_gateway.settings import GatewaySettings

        settings = GatewaySettings(environment="production", jwt_secret="k" * 32)
        assert settings.jwt_secret.get_secret_value() == "k" * 32


class TestClientAddress:
    """X-Forwarded-For is believed only from a trusted proxy, and only its right-most untrusted hop."""

    def test_rules(self):
        from invoiceme_gateway.accounts.rate_limits import client_address, parse_networks

        trusted = parse_networks("10.0.0.0/8, 127.0.0.1")
        assert client_address("203.0.113.9", "1.2.3.4", trusted) == "203.0.113.9"
        assert client_address("10.1.1.1", "1.2.3.4, 198.51.100.7", trusted) == "198.51.100.7"
        assert client_address("10.1.1.1", "198.51.100.7, 10.2.2.2", trusted) == "198.51.100.7"
        assert client_address("10.1.1.1", "not-an-ip", trusted) == "10.1.1.1"
        assert client_address("127.0.0.1", None, trusted) == "127.0.0.1"
