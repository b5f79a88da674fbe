"""One contract, every backend: the same test bodies run against the JetStream Object Store, a
folder and a real S3-compatible server (moto_server on loopback)."""

from __future__ import annotations

import hashlib
import tracemalloc
from collections.abc import AsyncIterator

import pytest

from invoiceme_common.storage import (
    ObjectStorage,
    StorageIntegrityError,
    StoredObjectMissing,
)
from tests.support.storage_backends import BACKENDS, storage_backend

MB = 2**20


@pytest.fixture(params=BACKENDS)
async def storage(request, nats_url, namespace, tmp_path, s3_server) -> AsyncIterator[ObjectStorage]:
    async with storage_backend(request.param, nats_url, namespace, tmp_path, s3_server) as store:
        yield store


def pattern(size: int, seed: int = 7) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 32  # 1 KiB, not all one byte
    return (block * (size // len(block) + 1))[:size]


async def stream_of(size: int, chunk: int = MB, seed: int = 7) -> AsyncIterator[bytes]:
    """`size` bytes produced chunk by chunk, never all at once (like a spooled upload)."""
    block = pattern(chunk, seed)
    for start in range(0, size, chunk):
        yield block[: min(chunk, size - start)]


def sha_of_stream(size: int, chunk: int = MB, seed: int = 7) -> str:
    block, digest = pattern(chunk, seed), hashlib.sha256()
    for start in range(0, size, chunk):
        digest.update(block[: min(chunk, size - start)])
    return digest.hexdigest()


async def read_all(storage: ObjectStorage, key: str) -> bytes:
    return b"".join([chunk async for chunk in await storage.open(key)])


class TestRoundTrip:
    """What goes in comes out, with its size and SHA-256, under its key only."""

    async def test_bytes_round_trip_with_size_hash_and_type(self, storage):
        data = pattern(512 * 1024)
        stored = await storage.put("tenants/t/invoices/1/original-x", data, content_type="application/pdf")
        assert (stored.size, stored.sha256) == (len(data), hashlib.sha256(data).hexdigest())
        assert await storage.get("tenants/t/invoices/1/original-x") == data
        assert await read_all(storage, "tenants/t/invoices/1/original-x") == data
        stat = await storage.stat("tenants/t/invoices/1/original-x")
        assert stat is not None and (stat.size, stat.sha256) == (stored.size, stored.sha256)
        if storage.backend != "local":  # a folder keeps no content type
            assert stat.content_type == "application/pdf"
        assert await storage.exists("tenants/t/invoices/1/original-x")

    async def test_a_stream_larger_than_one_part_round_trips_as_a_stream(self, storage):
        size = 19 * MB + 12345  # three S3 parts, the last one short
        stored = await storage.put("big", stream_of(size), sha256=sha_of_stream(size))
        assert (stored.size, stored.sha256) == (size, sha_of_stream(size))
        digest, largest_chunk = hashlib.sha256(), 0
        async for chunk in await storage.open("big"):
            digest.update(chunk)
            largest_chunk = max(largest_chunk, len(chunk))
        assert digest.hexdigest() == sha_of_stream(size)
        assert largest_chunk <= 2 * MB  # handed out in chunks, not as one object
        stat = await storage.stat("big")
        assert stat is not None and (stat.size, stat.sha256) == (size, sha_of_stream(size))

    async def test_empty_object(self, storage):
        stored = await storage.put("empty", b"")
        assert stored.size == 0 and await storage.get("empty") == b""

    async def test_a_second_put_replaces_the_first(self, storage):
        await storage.put("k", b"first")
        await storage.put("k", b"second")
        assert await storage.get("k") == b"second"
        assert [key async for key in storage.keys()] == ["k"]

    async def test_keys_lists_by_prefix(self, storage):
        for key in ("tenants/a/invoices/1/original-x", "tenants/a/invoices/1/ocr.json", "tenants/b/x"):
            await storage.put(key, b"x")
        listed = sorted([key async for key in storage.keys("tenants/a/")])
        assert listed == ["tenants/a/invoices/1/ocr.json", "tenants/a/invoices/1/original-x"]
        assert len([key async for key in storage.keys()]) == 3

    async def test_check_passes_on_a_working_store(self, storage):
        await storage.check()


class TestMemory:
    """A 25 MB upload streams through: the storage layer never holds it whole (Python allocations
    measured with tracemalloc; the bytes of the stream itself are produced a chunk at a time)."""

    async def test_25_mb_put_and_get_stay_far_below_the_file_size(self, storage):
        size = 25 * MB
        await storage.exists("warm-up")  # the client's one-time set-up (S3: its API model) is not per upload
        tracemalloc.start()
        try:
            await storage.put("original", stream_of(size), sha256=sha_of_stream(size))
            _, put_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            digest = hashlib.sha256()
            async for chunk in await storage.open("original"):
                digest.update(chunk)
            _, get_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert digest.hexdigest() == sha_of_stream(size)
        assert put_peak < 20 * MB, f"put peaked at {put_peak / MB:.1f} MB"
        assert get_peak < 20 * MB, f"get peaked at {get_peak / MB:.1f} MB"


class TestIntegrity:
    """Bytes that do not hash to the caller's SHA-256 are refused and leave nothing behind."""

    async def test_small_mismatch_stores_nothing(self, storage):
        with pytest.raises(StorageIntegrityError):
            await storage.put("k", b"what arrived", sha256=hashlib.sha256(b"what was sent").hexdigest())
        assert await storage.stat("k") is None
        assert [key async for key in storage.keys()] == []

    async def test_streamed_mismatch_stores_nothing(self, storage):
        size = 10 * MB
        with pytest.raises(StorageIntegrityError):
            await storage.put("k", stream_of(size), sha256=sha_of_stream(size, seed=8))
        assert await storage.stat("k") is None
        assert [key async for key in storage.keys()] == []

    async def test_a_mismatch_keeps_the_previous_object(self, storage):
        await storage.put("k", b"good")
        with pytest.raises(StorageIntegrityError):
            await storage.put("k", b"bad", sha256=hashlib.sha256(b"other").hexdigest())
        assert await storage.get("k") == b"good"


class TestMissingAndDelete:
    """Missing objects are a clear StoredObjectMissing; deletes are idempotent."""

    async def test_missing(self, storage):
        with pytest.raises(StoredObjectMissing):
            await storage.open("nothing/here")
        with pytest.raises(StoredObjectMissing):
            await storage.get("nothing/here")
        assert await storage.stat("nothing/here") is None
        assert not await storage.exists("nothing/here")

    async def test_delete_removes_and_is_idempotent(self, storage):
        await storage.put("k", b"x")
        await storage.delete("k")
        assert not await storage.exists("k")
        await storage.delete("k")
        assert [key async for key in storage.keys()] == []

    @pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a/../../b", "", "name with spaces.pdf"])
    async def test_unsafe_keys_are_refused(self, storage, key):
        with pytest.raises(ValueError):
            await storage.put(key, b"x")
