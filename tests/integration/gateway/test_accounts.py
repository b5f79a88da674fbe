"""Accounts: sign-up details, /me, refresh-token rotation, log-out, brute-force lock-out, /config."""

from __future__ import annotations

import uuid

import pytest

from tests.support.gateway import gateway_client, gateway_settings

from .pipeline import listen


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    settings = gateway_settings(
        database_url, nats_url, namespace, login_account_burst=3, login_account_refill_seconds=30
    )
    async with gateway_client(settings) as c:
        yield c


def _email() -> str:
    return f"u-{uuid.uuid4().hex[:8]}@example.com"


async def _signup_full(client, **extra):
    body = {"email": _email(), "password": "password-123", "full_name": "דנה כהן", **extra}
    return body, await client.post("/api/auth/signup", json=body)


def _bearer(tokens: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


class TestSignupAndMe:
    """Sign-up validates the user's own business id and currency; /me reads and changes them."""

    async def test_signup_with_business_id_and_currency(self, client):
        body, response = await _signup_full(client, business_id="51-617915-7", base_currency="usd")
        assert response.status_code == 201, response.text
        me = (await client.get("/api/me", headers=_bearer(response.json()))).json()
        assert me["email"] == body["email"]
        assert me["full_name"] == "דנה כהן"
        assert me["business_id"] == "516179157"
        assert me["base_currency"] == "USD"

    async def test_defaults_to_ils(self, client):
        _, response = await _signup_full(client)
        assert (await client.get("/api/me", headers=_bearer(response.json()))).json()[
            "base_currency"
        ] == "ILS"

    @pytest.mark.parametrize(
        ("field", "value", "words"),
        [
            ("business_id", "123456789", "not a valid Israeli business number"),
            ("base_currency", "SHEKEL", "ISO 4217"),
        ],
    )
    async def test_invalid_values_are_clear_422s(self, client, field, value, words):
        _, response = await _signup_full(client, **{field: value})
        assert response.status_code == 422
        assert words in response.json()["error"]["message"]
        assert response.json()["error"]["details"][0]["field"] == field

    async def test_patch_me_and_currency_change_is_published(self, client, nats_url, namespace):
        _, response = await _signup_full(client)
        headers = _bearer(response.json())
        async with listen(nats_url, namespace) as bus:
            patched = await client.patch(
                "/api/me",
                headers=headers,
                json={"full_name": "Dana", "business_id": "516179157", "base_currency": "EUR"},
            )
            assert patched.status_code == 200, patched.text
            assert patched.json()["full_name"] == "Dana"
            assert patched.json()["base_currency"] == "EUR"
            events = await bus.wait_for(f"{namespace}.invoice.tenant_settings_changed")
        assert events[0]["base_currency"] == "EUR"
        assert events[0]["previous_base_currency"] == "ILS"
        assert events[0]["tenant_id"] == patched.json()["tenant_id"]
        cleared = await client.patch("/api/me", headers=headers, json={"business_id": ""})
        assert cleared.json()["business_id"] is None
        bad = await client.patch("/api/me", headers=headers, json={"base_currency": "XXX1"})
        assert bad.status_code == 422


class TestRefreshTokens:
    """Refresh tokens rotate; a reused one is refused and ends its whole family."""

    async def test_rotation_and_reuse_detection(self, client):
        _, response = await _signup_full(client)
        first = response.json()
        rotated = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert rotated.status_code == 200
        second = rotated.json()
        assert second["refresh_token"] != first["refresh_token"]
        assert (await client.get("/api/me", headers=_bearer(second))).status_code == 200
        reused = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert reused.status_code == 401
        assert reused.json()["error"]["code"] == "refresh_token_reused"
        # The family is revoked: the legitimately rotated token no longer works either.
        after = await client.post("/api/auth/refresh", json={"refresh_token": second["refresh_token"]})
        assert after.status_code == 401

    async def test_query_token_only_works_for_the_event_stream(self, client):
        _, response = await _signup_full(client)
        token = response.json()["access_token"]
        refused = await client.get("/api/me", params={"access_token": token})
        assert refused.status_code == 401

    async def test_unknown_refresh_token(self, client):
        response = await client.post("/api/auth/refresh", json={"refresh_token": "x" * 40})
        assert response.status_code == 401
        assert "log in again" in response.json()["error"]["message"]

    async def test_logout_revokes_access_and_refresh(self, client):
        _, response = await _signup_full(client)
        tokens = response.json()
        out = await client.post(
            "/api/auth/logout", headers=_bearer(tokens), json={"refresh_token": tokens["refresh_token"]}
        )
        assert out.status_code == 204
        assert (await client.get("/api/me", headers=_bearer(tokens))).status_code == 401
        again = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert again.status_code == 401


class TestBruteForce:
    """Repeated wrong passwords lock the email out with 429 and Retry-After."""

    async def test_lockout_after_failures(self, client):
        body, _ = await _signup_full(client)
        wrong = {"email": body["email"], "password": "wrong-password"}
        for _ in range(3):
            assert (await client.post("/api/auth/login", json=wrong)).status_code == 401
        locked = await client.post("/api/auth/login", json=wrong)
        assert locked.status_code == 429
        assert int(locked.headers["Retry-After"]) >= 1
        assert "try again in" in locked.json()["error"]["message"]
        # Even the right password waits (one refill interval at most: tests/security).
        right = await client.post(
            "/api/auth/login", json={"email": body["email"], "password": "password-123"}
        )
        assert right.status_code == 429

    async def test_success_clears_failures(self, client):
        body, _ = await _signup_full(client)
        wrong = {"email": body["email"], "password": "wrong-password"}
        assert (await client.post("/api/auth/login", json=wrong)).status_code == 401
        good = await client.post("/api/auth/login", json={"email": body["email"], "password": "password-123"})
        assert good.status_code == 200
        assert good.json()["refresh_token"]
        for _ in range(3):
            assert (await client.post("/api/auth/login", json=wrong)).status_code == 401


class TestConfig:
    """/api/config tells the frontend limits and features, never a secret."""

    async def test_config(self, client):
        response = await client.get("/api/config")
        assert response.status_code == 200
        body = response.json()
        assert body["uploads"]["max_file_mb"] == 25
        assert "application/pdf" in body["uploads"]["accepted_types"]
        assert body["llm_provider"] == "rules"
        assert body["features"]["businesses"] is True
        assert "secret" not in response.text.lower()


class TestDocs:
    """OpenAPI lists every part-A route, with the one error shape."""

    async def test_openapi(self, client):
        spec = (await client.get("/openapi.json")).json()
        paths = spec["paths"]
        for path, methods in {
            "/api/auth/signup": ["post"],
            "/api/auth/login": ["post"],
            "/api/auth/logout": ["post"],
            "/api/auth/refresh": ["post"],
            "/api/me": ["get", "patch"],
            "/api/config": ["get"],
            "/api/businesses": ["get", "post"],
            "/api/businesses/{business_id}": ["get", "patch", "delete"],
            "/api/invoices": ["get", "post"],
            "/api/invoices/{invoice_id}": ["get", "patch", "delete"],
            "/api/events": ["get"],
        }.items():
            for method in methods:
                assert method in paths[path], (path, method)
        error = paths["/api/invoices/{invoice_id}"]["get"]["responses"]["404"]
        assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
        assert (await client.get("/docs")).status_code == 200
        assert (await client.get("/health")).status_code == 200

    async def test_every_error_is_documented_with_the_one_shape(self, client):
        spec = (await client.get("/openapi.json")).json()
        assert "HTTPValidationError" not in str(spec)
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                assert operation.get("summary"), (method, path)
                for status, response in operation["responses"].items():
                    if int(status) >= 400:
                        ref = response["content"]["application/json"]["schema"]["$ref"]
                        assert ref.endswith("/ErrorOut"), (method, path, status)

    async def test_unknown_route_uses_error_shape(self, client):
        response = await client.get("/api/nothing-here")
        assert response.status_code == 404
        assert set(response.json()["error"]) >= {"code", "message"}
