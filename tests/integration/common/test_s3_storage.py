"""What only the S3 backend has: key prefixes, metadata as the server sees it, retries, and clear
reasons for a missing bucket, refused credentials and an unreachable endpoint (real moto_server)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from invoiceme_common.storage import StorageUnavailable
from tests.support.flaky_proxy import flaky_proxy
from tests.support.s3_server import S3Server, free_port, running_s3_server
from tests.support.storage_backends import s3_storage

MB = 2**20


@pytest.fixture(scope="module")
def auth_s3_server() -> Iterator[S3Server]:
    """A second server that checks credentials (moto's IAM mode)."""
    with running_s3_server(auth=True) as server:
        yield server


class TestLayout:
    """Keys sit under the deployment's prefix; the server records content type and SHA-256."""

    async def test_prefix_separates_deployments_in_one_bucket(self, s3_server):
        bucket = s3_server.new_bucket()
        prod, staging = (
            s3_storage(s3_server, bucket, "invoiceme/prod"),
            s3_storage(s3_server, bucket, "staging/"),
        )
        try:
            await prod.put("tenants/t/invoices/i/ocr.json", b"{}")
            await staging.put("tenants/t/invoices/i/ocr.json", b"[]")
            assert sorted(s3_server.keys(bucket)) == [
                "invoiceme/prod/tenants/t/invoices/i/ocr.json",
                "staging/tenants/t/invoices/i/ocr.json",
            ]
            assert [key async for key in prod.keys()] == ["tenants/t/invoices/i/ocr.json"]
            assert await prod.get("tenants/t/invoices/i/ocr.json") == b"{}"
            await prod.delete("tenants/t/invoices/i/ocr.json")
            assert s3_server.keys(bucket) == ["staging/tenants/t/invoices/i/ocr.json"]
        finally:
            await prod.close()
            await staging.close()

    @pytest.mark.parametrize("size", [1000, 9 * MB], ids=["one-request", "multipart"])
    async def test_server_sees_content_type_and_sha256(self, s3_server, size):
        bucket, data = s3_server.new_bucket(), bytes(range(256)) * (size // 256)
        storage = s3_storage(s3_server, bucket)
        try:
            sha = hashlib.sha256(data).hexdigest()
            await storage.put("k", data, sha256=sha, content_type="image/png")
        finally:
            await storage.close()
        head = s3_server.client().head_object(Bucket=bucket, Key="k")
        assert head["ContentType"] == "image/png"
        assert head["Metadata"]["sha256"] == sha
        assert head["ContentLength"] == len(data)

    async def test_refused_multipart_upload_is_aborted(self, s3_server):
        bucket = s3_server.new_bucket()
        storage = s3_storage(s3_server, bucket)
        data = b"x" * (9 * MB)
        try:
            with pytest.raises(ValueError):
                await storage.put("k", data, sha256=hashlib.sha256(b"other").hexdigest())
        finally:
            await storage.close()
        assert s3_server.keys(bucket) == []
        assert s3_server.client().list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


class TestRetries:
    """Throttling (503 SlowDown) is retried with backoff; a store that keeps failing is reported."""

    async def test_transient_errors_are_retried(self, s3_server):
        bucket = s3_server.new_bucket()
        async with flaky_proxy(s3_server.endpoint_url, failures=2) as proxy:
            storage = s3_storage(s3_server, bucket, endpoint_url=proxy.url, max_attempts=4)
            try:
                await storage.put("k", b"hello")
                assert await storage.get("k") == b"hello"
            finally:
                await storage.close()
        assert proxy.seen[:3] == ["PUT 503", "PUT 503", "PUT 200"]
        assert s3_server.keys(bucket) == ["k"]

    async def test_retries_stop_at_max_attempts(self, s3_server):
        bucket = s3_server.new_bucket()
        async with flaky_proxy(s3_server.endpoint_url, failures=10) as proxy:
            storage = s3_storage(s3_server, bucket, endpoint_url=proxy.url, max_attempts=3)
            try:
                with pytest.raises(StorageUnavailable, match="SlowDown"):
                    await storage.put("k", b"hello")
            finally:
                await storage.close()
        assert proxy.seen == ["PUT 503"] * 3
        assert s3_server.keys(bucket) == []


class TestFailureReasons:
    """Each way S3 can be unusable has its own reason, raised by `check` and by every operation."""

    async def test_missing_bucket(self, s3_server):
        storage = s3_storage(s3_server, "no-such-bucket-here")
        try:
            with pytest.raises(StorageUnavailable, match="does not exist"):
                await storage.check()
            with pytest.raises(StorageUnavailable, match="does not exist"):
                await storage.put("k", b"x")
        finally:
            await storage.close()

    async def test_wrong_credentials(self, auth_s3_server):
        bucket = auth_s3_server.new_bucket()
        good = s3_storage(auth_s3_server, bucket)
        bad = s3_storage(auth_s3_server, bucket, secret_access_key="not-the-secret")
        unknown = s3_storage(auth_s3_server, bucket, access_key_id="AKIANOBODY0000000000")
        try:
            await good.check()
            await good.put("k", b"x")
            for storage in (bad, unknown):
                with pytest.raises(StorageUnavailable, match="refused the credentials"):
                    await storage.check()
                with pytest.raises(StorageUnavailable, match="refused the credentials"):
                    await storage.put("k2", b"x")
        finally:
            for storage in (good, bad, unknown):
                await storage.close()
        assert auth_s3_server.keys(bucket) == ["k"]

    async def test_unreachable_endpoint(self, s3_server):
        nothing_listens = f"http://127.0.0.1:{free_port()}"
        storage = s3_storage(s3_server, "b", endpoint_url=nothing_listens, max_attempts=2)
        try:
            with pytest.raises(StorageUnavailable, match="cannot reach"):
                await storage.check()
            with pytest.raises(StorageUnavailable, match="cannot reach"):
                await storage.put("k", b"x")
        finally:
            await storage.close()
