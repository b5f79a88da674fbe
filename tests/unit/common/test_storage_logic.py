"""Pure parts of storage: key layout, backoff schedule, retry loop, S3 error sorting."""

from __future__ import annotations

import uuid

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from invoiceme_common.storage import check_key, invoice_prefix, ocr_result_key, original_key
from invoiceme_common.storage.retry import backoff_delays, with_retries
from invoiceme_common.storage.s3_errors import is_transient, unavailable_reason


def client_error(code: str, status: int) -> ClientError:
    return ClientError({"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, "PutObject")


class TestKeys:
    """Keys are ids and a hash, all under one per-invoice prefix, and pass the key check."""

    def test_layout(self):
        tenant, invoice, sha = uuid.uuid4(), uuid.uuid4(), "ab" * 32
        prefix = invoice_prefix(tenant, invoice)
        assert original_key(tenant, invoice, sha) == f"{prefix}original-{sha}"
        assert ocr_result_key(tenant, invoice) == f"{prefix}ocr.json"
        for key in (original_key(tenant, invoice, sha), ocr_result_key(tenant, invoice)):
            assert check_key(key) == key and key.startswith(f"tenants/{tenant}/invoices/{invoice}/")


class TestBackoff:
    """Exponential, capped, fully jittered; retries only what is transient."""

    def test_delays_double_up_to_the_cap(self):
        assert backoff_delays(5, base=0.2, cap=1.0, rng=lambda: 1.0) == [0.2, 0.4, 0.8, 1.0]
        assert backoff_delays(1, base=0.2, cap=1.0) == []
        assert all(0 <= d <= 0.2 * 2**n for n, d in enumerate(backoff_delays(4, 0.2, 10)))

    async def test_retries_transient_then_succeeds(self):
        calls, slept = [], []

        async def flaky() -> str:
            calls.append(1)
            if len(calls) < 3:
                raise client_error("SlowDown", 503)
            return "done"

        async def sleep(seconds: float) -> None:
            slept.append(seconds)

        assert await with_retries(flaky, 4, is_transient, sleep=sleep) == "done"
        assert len(calls) == 3 and len(slept) == 2

    async def test_does_not_retry_a_refusal(self):
        calls = []

        async def refused() -> None:
            calls.append(1)
            raise client_error("AccessDenied", 403)

        with pytest.raises(ClientError):
            await with_retries(refused, 4, is_transient, sleep=lambda s: _no_wait())
        assert len(calls) == 1


async def _no_wait() -> None:
    return None


class TestS3Errors:
    """Which failures are transient, and the reason an operator reads for the rest."""

    @pytest.mark.parametrize(
        ("error", "transient"),
        [
            (client_error("SlowDown", 503), True),
            (client_error("InternalError", 500), True),
            (EndpointConnectionError(endpoint_url="http://x"), True),
            (client_error("AccessDenied", 403), False),
            (client_error("NoSuchBucket", 404), False),
        ],
    )
    def test_transient(self, error, transient):
        assert is_transient(error) is transient

    def test_reasons(self):
        where, endpoint = "bucket 'b' at http://s3", "http://s3"
        assert "does not exist" in unavailable_reason(client_error("NoSuchBucket", 404), where, endpoint)
        assert "AWS_SECRET_ACCESS_KEY" in unavailable_reason(
            client_error("SignatureDoesNotMatch", 403), where, endpoint
        )
        unreachable = unavailable_reason(EndpointConnectionError(endpoint_url=endpoint), where, endpoint)
        assert "cannot reach http://s3" in unreachable and "S3_ENDPOINT_URL" in unreachable


class TestSettings:
    """STORAGE_BACKEND=s3 without a bucket is refused at start-up, not at the first upload."""

    def test_s3_needs_a_bucket(self):
        from pydantic import ValidationError

        from invoiceme_common.settings import CommonSettings
        from invoiceme_common.storage import s3_config

        with pytest.raises(ValidationError, match="S3_BUCKET"):
            CommonSettings(storage_backend="s3", s3_bucket="")
        settings = CommonSettings(
            storage_backend="s3", s3_bucket="files", s3_key_prefix="prod/", aws_secret_access_key="s3cr3t"
        )
        config = s3_config(settings)
        assert (config.bucket, config.key_prefix, config.secret_access_key) == ("files", "prod/", "s3cr3t")
        assert config.endpoint_url is None and config.access_key_id is None  # empty: AWS and its chain
        assert "s3cr3t" not in repr(settings)
