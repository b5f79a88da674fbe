"""Auth and tenant isolation of the spine's routes, against real Postgres and NATS."""

from __future__ import annotations

import pytest

from tests.support.gateway import gateway_client, gateway_settings, signup

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


class TestAuth:
    """Sign-up, log-in and log-out issue and revoke working tokens."""

    async def test_signup_login_logout(self, client):
        headers = await signup(client, "Dana@Example.com")
        assert (await client.get("/api/invoices", headers=headers)).status_code == 200
        login = await client.post(
            "/api/auth/login", json={"email": "dana@example.com", "password": "password-123"}
        )
        assert login.status_code == 200
        token_headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        assert (await client.post("/api/auth/logout", headers=token_headers)).status_code == 204
        refused = await client.get("/api/invoices", headers=token_headers)
        assert refused.status_code == 401
        assert "signed out" in refused.json()["error"]["message"]

    async def test_duplicate_signup_and_wrong_password(self, client):
        await signup(client, "twice@example.com")
        again = await client.post(
            "/api/auth/signup", json={"email": "twice@example.com", "password": "password-123"}
        )
        assert again.status_code == 409
        wrong = await client.post(
            "/api/auth/login", json={"email": "twice@example.com", "password": "nope-nope-nope"}
        )
        assert wrong.status_code == 401
        assert wrong.json()["error"]["message"] == "wrong email or password"

    async def test_short_password_is_a_clear_422(self, client):
        response = await client.post("/api/auth/signup", json={"email": "x@example.com", "password": "short"})
        assert response.status_code == 422
        assert "password" in response.json()["error"]["message"]

    @pytest.mark.parametrize("path", ["/api/invoices", "/api/analytics/summary"])
    async def test_api_routes_need_a_token(self, client, path):
        assert (await client.get(path)).status_code == 401
        bad = await client.get(path, headers={"Authorization": "Bearer not-a-jwt"})
        assert bad.status_code == 401


class TestUploads:
    """Uploads are validated by content and are visible only to their owner."""

    async def test_upload_is_accepted_and_tenant_scoped(self, client):
        alice, bob = await signup(client), await signup(client)
        response = await client.post(
            "/api/invoices", headers=alice, files={"file": ("a.png", PNG_1PX, "image/png")}
        )
        assert response.status_code == 202
        invoice_id = response.json()["id"]
        assert response.json()["status"] == "received"
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).status_code == 200
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=bob)).status_code == 404
        assert (await client.get("/api/invoices", headers=bob)).json()["items"] == []

    async def test_not_a_document_is_415_with_reason(self, client):
        alice = await signup(client)
        response = await client.post(
            "/api/invoices",
            headers=alice,
            files={"file": ("invoice.pdf", b"hello, not a pdf", "application/pdf")},
        )
        assert response.status_code == 415
        assert "not a PDF or a supported image" in response.json()["error"]["message"]

    async def test_empty_file_is_400(self, client):
        alice = await signup(client)
        response = await client.post(
            "/api/invoices", headers=alice, files={"file": ("e.pdf", b"", "application/pdf")}
        )
        assert response.status_code == 400

    async def test_oversized_upload_is_413(self, database_url, nats_url, namespace):
        settings = gateway_settings(database_url, nats_url, namespace, max_upload_mb=0.01)
        async with gateway_client(settings) as client:
            alice = await signup(client)
            big = b"%PDF-1.4\n" + b"0" * (3 * 2**20)
            response = await client.post("/api/invoices", headers=alice, files={"file": ("big.pdf", big)})
            assert response.status_code == 413

    async def test_health_reports_dependencies(self, client):
        body = (await client.get("/health")).json()
        assert body["status"] == "ok"
        assert body["checks"] == {"nats": "ok", "postgres": "ok", "storage": "ok"}
        assert body["storage_backend"] == "nats"
        assert "timestamp" in body


async def test_hostile_filename_is_downloadable_with_a_safe_header(client):
    alice = await signup(client)
    name = 'a"b\r\nX-Evil: 1\\חשבונית.png'
    upload = await client.post("/api/invoices", headers=alice, files={"file": (name, PNG_1PX, "image/png")})
    assert upload.status_code == 202, upload.text
    download = await client.get(f"/api/invoices/{upload.json()['id']}/original", headers=alice)
    assert download.status_code == 200
    assert download.content == PNG_1PX
    assert "x-evil" not in download.headers
    disposition = download.headers["content-disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert "filename*=UTF-8''" in disposition


def test_attachment_disposition_never_breaks_the_header():
    from invoiceme_gateway.invoices.review_routes import attachment_disposition

    header = attachment_disposition('a"b\r\nX-Evil: 1\\\tחשבונית.pdf')
    assert "\r" not in header and "\n" not in header and "\t" not in header
    assert header.startswith('attachment; filename="a_b__X-Evil: 1_________.pdf"; ')
    assert header.endswith(
        "filename*=UTF-8''a%22b%0D%0AX-Evil%3A%201%5C%09%D7%97%D7%A9%D7%91%D7%95%D7%A0%D7%99%D7%AA.pdf"
    )
