"""The gateway on S3-compatible storage (real moto_server): deleting leaves nothing in the bucket,
and a store that cannot be used shows on /health with its reason and turns uploads away with 503
(never a row without its file)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator

import pytest

from tests.support.gateway import gateway_settings, signup
from tests.support.s3_server import S3Server, free_port, running_s3_server

from .pipeline import app_client, gateway_state, pdf_with_pages, simulate_ocr, tenant_of, unique_png, upload


def s3_settings(database_url: str, nats_url: str, namespace: str, server: S3Server, bucket: str, **extra):
    overrides = {
        "storage_backend": "s3",
        "s3_endpoint_url": server.endpoint_url,
        "s3_bucket": bucket,
        "aws_access_key_id": server.access_key,
        "aws_secret_access_key": server.secret_key,
    }
    return gateway_settings(database_url, nats_url, namespace, **{**overrides, **extra})


@pytest.fixture(scope="module")
def auth_s3_server() -> Iterator[S3Server]:
    with running_s3_server(auth=True) as server:
        yield server


class TestDeleteLeavesNothing:
    """Deleting an invoice removes its original and OCR JSON from the bucket, and only those."""

    async def test_delete_empties_the_bucket(self, database_url, nats_url, namespace, s3_server, db):
        bucket = s3_server.new_bucket()
        settings = s3_settings(database_url, nats_url, namespace, s3_server, bucket, s3_key_prefix="dep1/")
        async with app_client(settings) as client:
            alice = await signup(client)
            tenant = await tenant_of(client, alice)
            pdf = pdf_with_pages(1)
            doomed, kept = (
                await upload(client, alice, pdf, name="../../evil name.pdf"),
                await upload(client, alice),
            )
            for invoice_id in (doomed, kept):
                await simulate_ocr(db, gateway_state(client).storage, tenant, invoice_id, "text")
            prefix, sha = f"dep1/tenants/{tenant}/invoices/", hashlib.sha256(pdf).hexdigest()
            doomed_keys = sorted(key for key in s3_server.keys(bucket) if f"/{doomed}/" in key)
            # Ids and the content hash only: the uploaded name ("../../evil name.pdf") is nowhere.
            assert doomed_keys == [f"{prefix}{doomed}/ocr.json", f"{prefix}{doomed}/original-{sha}"]
            assert len(s3_server.keys(bucket)) == 4
            original = await client.get(f"/api/invoices/{doomed}/original", headers=alice)
            assert original.status_code == 200 and original.content == pdf

            assert (await client.delete(f"/api/invoices/{doomed}", headers=alice)).status_code == 204
            remaining = s3_server.keys(bucket)
            assert len(remaining) == 2 and all(f"/{kept}/" in key for key in remaining)
            assert (await client.delete(f"/api/invoices/{kept}", headers=alice)).status_code == 204
        assert s3_server.keys(bucket) == []


def _broken_stores(s3_server: S3Server, auth_s3_server: S3Server) -> dict[str, tuple[S3Server, str, str]]:
    """name -> (server whose credentials to use, endpoint, bucket), and the reason /health must give."""
    return {
        "missing bucket": (s3_server, s3_server.endpoint_url, f"missing-{uuid.uuid4().hex[:8]}"),
        "wrong credentials": (
            S3Server(auth_s3_server.endpoint_url, auth_s3_server.access_key, "wrong-secret"),
            auth_s3_server.endpoint_url,
            auth_s3_server.new_bucket(),
        ),
        "unreachable endpoint": (s3_server, f"http://127.0.0.1:{free_port()}", "bucket"),
    }


REASONS = {
    "missing bucket": "does not exist",
    "wrong credentials": "refused the credentials",
    "unreachable endpoint": "cannot reach",
}


class TestBrokenStorage:
    """Missing bucket, wrong credentials, unreachable endpoint: /health says `storage: failing` and
    why; an upload answers 503 with a message and leaves no row."""

    @pytest.mark.parametrize("failure", list(REASONS))
    async def test_health_and_upload(
        self, database_url, nats_url, namespace, s3_server, auth_s3_server, db, failure
    ):
        server, endpoint, bucket = _broken_stores(s3_server, auth_s3_server)[failure]
        settings = s3_settings(
            database_url, nats_url, namespace, server, bucket, s3_endpoint_url=endpoint, s3_max_attempts=2
        )
        async with app_client(settings) as client:
            health = await client.get("/health")
            assert health.status_code == 503
            body = health.json()
            assert body["checks"]["storage"] == "failing"
            assert body["checks"]["postgres"] == "ok" and body["checks"]["nats"] == "ok"
            assert REASONS[failure] in body["reasons"]["storage"]

            alice = await signup(client)
            response = await client.post(
                "/api/invoices", headers=alice, files={"file": ("a.png", unique_png())}
            )
            assert response.status_code == 503
            error = response.json()["error"]
            assert error["code"] == "storage_unavailable" and "not saved" in error["message"]
            batch = await client.post(
                "/api/invoices/batch", headers=alice, files=[("files", ("b.png", unique_png()))]
            )
            assert batch.status_code == 202 and batch.json()["items"][0]["error"]["status"] == 503
            tenant = await tenant_of(client, alice)
            assert await db.fetchval("SELECT count(*) FROM invoices WHERE tenant_id = $1", tenant) == 0
