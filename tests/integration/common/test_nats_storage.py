"""What only the JetStream Object Store backend has: a health check that creates nothing."""

from __future__ import annotations

import nats
import pytest
from nats.js.errors import BucketNotFoundError

from invoiceme_common.storage import NatsObjectStorage


async def test_check_passes_before_the_first_upload_and_creates_no_bucket(nats_url, namespace):
    connection = await nats.connect(nats_url)
    try:
        js = connection.jetstream()
        await NatsObjectStorage(js, f"{namespace}-originals").check()
        with pytest.raises(BucketNotFoundError):
            await js.object_store(f"{namespace}-originals")
    finally:
        await connection.close()
