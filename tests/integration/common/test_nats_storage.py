"""What only the JetStream Object Store backend has: a health check that creates nothing."""

from __future__ import annotations

import nats
import pytest
from nats.js.errors import BucketNotFoundError

from invoiceme_common.storage import NatsObjectStorage, StorageIntegrityError


async def test_check_passes_before_the_first_upload_and_creates_no_bucket(nats_url, namespace):
    connection = await nats.connect(nats_url)
    try:
        js = connection.jetstream()
        await NatsObjectStorage(js, f"{namespace}-originals").check()
        with pytest.raises(BucketNotFoundError):
            await js.object_store(f"{namespace}-originals")
    finally:
        await connection.close()


class TestOneChunkReads:
    """A one-chunk object is read with one direct get (no consumer), and still checked against its
    SHA-256; bigger objects still stream through nats-py."""

    async def test_small_and_large_objects_read_back_whole(self, nats_url, namespace):
        connection = await nats.connect(nats_url)
        try:
            js = connection.jetstream()
            storage = NatsObjectStorage(js, f"{namespace}-reads")
            small, large = b"%PDF-1.4 small" * 10, bytes(range(256)) * 2000  # 1 and 4 chunks
            await storage.put("small", small)
            await storage.put("large", large)
            assert await storage.get("small") == small
            assert await storage.get("large") == large
            await js.delete_object_store(f"{namespace}-reads")
        finally:
            await connection.close()

    async def test_a_chunk_that_does_not_match_the_digest_is_refused(self, nats_url, namespace):
        connection = await nats.connect(nats_url)
        bucket = f"{namespace}-tampered"
        try:
            js = connection.jetstream()
            storage = NatsObjectStorage(js, bucket)
            await storage.put("invoice", b"the original bytes")
            info = await (await js.object_store(bucket)).get_info("invoice")
            await js.publish(f"$O.{bucket}.C.{info.nuid}", b"other bytes")  # now the chunk's last message
            with pytest.raises(StorageIntegrityError):
                await storage.get("invoice")
            await js.delete_object_store(bucket)
        finally:
            await connection.close()
