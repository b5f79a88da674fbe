"""Supabase-issued JWTs sign users in (HS256 secret or JWKS), with exp, aud and iss checked."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.support.gateway import gateway_client, gateway_settings

ISSUER = "https://project.supabase.co/auth/v1"
HS_SECRET = "supabase-test-secret-" + "x" * 20


def _claims(**overrides) -> dict:
    now = int(time.time())
    claims = {
        "sub": str(uuid.uuid4()),
        "email": f"sb-{uuid.uuid4().hex[:6]}@example.com",
        "aud": "authenticated",
        "iss": ISSUER,
        "iat": now,
        "exp": now + 600,
        "user_metadata": {"full_name": "Supa User"},
    }
    return {**claims, **overrides}


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url(rsa_key) -> Iterator[str]:
    public = json.loads(RSAAlgorithm.to_jwk(rsa_key.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "test-key", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/auth/v1/.well-known/jwks.json"
    server.shutdown()


@pytest.fixture
async def client(database_url, nats_url, namespace, jwks_url):
    settings = gateway_settings(
        database_url,
        nats_url,
        namespace,
        supabase_jwt_secret=HS_SECRET,
        supabase_jwks_url=jwks_url,
        supabase_jwt_issuer=ISSUER,
    )
    async with gateway_client(settings) as c:
        yield c


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class TestSupabaseTokens:
    """Valid Supabase tokens work on every route; expired, wrong-audience or wrong-issuer ones do not."""

    async def test_hs256_token_signs_in_and_provisions_account(self, client):
        claims = _claims()
        token = jwt.encode(claims, HS_SECRET, algorithm="HS256")
        me = await client.get("/api/me", headers=_bearer(token))
        assert me.status_code == 200, me.text
        assert me.json()["email"] == claims["email"]
        assert me.json()["full_name"] == "Supa User"
        again = await client.get(
            "/api/me",
            headers=_bearer(jwt.encode(_claims(sub=claims["sub"], email=None), HS_SECRET, algorithm="HS256")),
        )
        assert again.json()["id"] == me.json()["id"]

    async def test_jwks_rs256_token(self, client, rsa_key):
        token = jwt.encode(_claims(), rsa_key, algorithm="RS256", headers={"kid": "test-key"})
        assert (await client.get("/api/invoices", headers=_bearer(token))).status_code == 200

    @pytest.mark.parametrize(
        "bad",
        [
            {"exp": int(time.time()) - 10},
            {"aud": "someone-else"},
            {"iss": "https://evil.example/auth/v1"},
        ],
    )
    async def test_bad_claims_are_refused(self, client, rsa_key, bad):
        token = jwt.encode(_claims(**bad), rsa_key, algorithm="RS256", headers={"kid": "test-key"})
        response = await client.get("/api/me", headers=_bearer(token))
        assert response.status_code == 401
        hs = jwt.encode(_claims(**bad), HS_SECRET, algorithm="HS256")
        assert (await client.get("/api/me", headers=_bearer(hs))).status_code == 401

    async def test_wrong_key_is_refused(self, client):
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        token = jwt.encode(_claims(), other, algorithm="RS256", headers={"kid": "test-key"})
        assert (await client.get("/api/me", headers=_bearer(token))).status_code == 401
        forged = jwt.encode(_claims(), "not-the-secret-at-all-xxxxxxxxxxxx", algorithm="HS256")
        assert (await client.get("/api/me", headers=_bearer(forged))).status_code == 401

    async def test_logout_revokes_a_supabase_token(self, client):
        token = jwt.encode(_claims(session_id=str(uuid.uuid4())), HS_SECRET, algorithm="HS256")
        assert (await client.post("/api/auth/logout", headers=_bearer(token))).status_code == 204
        assert (await client.get("/api/me", headers=_bearer(token))).status_code == 401

    async def test_config_reports_supabase(self, client):
        assert (await client.get("/api/config")).json()["auth"]["supabase"] is True
