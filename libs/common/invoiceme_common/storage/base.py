"""The storage contract every backend meets, its errors, and the streaming helpers they share.

Files move as streams of chunks: a 25 MB original is never held whole by the storage layer, and a
put whose bytes do not hash to the SHA-256 the gateway computed leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import tempfile
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from typing import IO, Protocol

CHUNK_BYTES = 2**20  # what a stream yields at a time
DEFAULT_CONTENT_TYPE = "application/octet-stream"
Source = bytes | AsyncIterable[bytes]


class StoredObjectMissing(LookupError):
    """No object under this key (deleted, never written, or written elsewhere)."""


class StorageUnavailable(RuntimeError):
    """The store cannot be used now: unreachable, missing bucket, refused credentials. `reason` says
    which, in words an operator can act on. Callers answer 503 and store nothing else."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StorageIntegrityError(ValueError):
    """The bytes that arrived do not hash to the SHA-256 the caller computed; nothing was stored."""


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str | None  # hex; None only for objects someone else wrote without it
    content_type: str | None = None


class ObjectStorage(Protocol):
    """Where originals and derived files (OCR JSON) live. Keys come from `storage.keys` and never
    carry user-supplied text. Implementations: JetStream Object Store, a folder, S3-compatible."""

    backend: str

    async def put(
        self, key: str, source: Source, *, sha256: str | None = None, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredObject:
        """Store `source` (bytes, or an async stream of chunks) under `key`, replacing any object
        there. With `sha256`, a mismatch raises StorageIntegrityError and stores nothing."""
        ...

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """The object as a stream of chunks; StoredObjectMissing (raised here, before the first
        chunk) when there is none."""
        ...

    async def get(self, key: str) -> bytes:
        """The whole object: for small derived files (OCR JSON) and readers that need all of it."""
        ...

    async def stat(self, key: str) -> StoredObject | None: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None:
        """Remove the object; deleting what is not there is not an error."""
        ...

    def keys(self, prefix: str = "") -> AsyncIterator[str]:
        """Every key starting with `prefix` (for migrations and checks; not for request paths)."""
        ...

    async def check(self) -> None:
        """Raise StorageUnavailable with the reason when the store cannot be used (for /health)."""
        ...

    async def close(self) -> None: ...


class StorageBase:
    """What every backend derives from its own `open`, `stat` and `keys`."""

    async def open(self, key: str) -> AsyncIterator[bytes]:
        raise NotImplementedError

    async def stat(self, key: str) -> StoredObject | None:
        raise NotImplementedError

    async def get(self, key: str) -> bytes:
        return b"".join([chunk async for chunk in await self.open(key)])

    async def exists(self, key: str) -> bool:
        return await self.stat(key) is not None

    async def close(self) -> None:
        return None


_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,250}$")


def check_key(key: str) -> str:
    if not _SAFE_KEY.match(key) or ".." in key:
        raise ValueError(f"unsafe storage key: {key!r}")
    return key


# Hashing a 25 MB upload takes ~90 ms here: on the event loop that stalls every other request, so
# anything bigger than this is hashed on a thread (hashlib releases the GIL while it hashes).
LOOP_HASH_BYTES = 2**20


async def sha256_hex(data: bytes) -> str:
    counter = HashingCounter()
    await counter.update_off_loop(data)
    return counter.sha256


class HashingCounter:
    """SHA-256 and size of the bytes seen so far, checked against what the caller expected."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self.size = 0

    def update(self, chunk: bytes | memoryview) -> None:
        self._digest.update(chunk)
        self.size += len(chunk)

    async def update_off_loop(self, data: bytes) -> None:
        """`update` on a thread when `data` is large (see LOOP_HASH_BYTES)."""
        if len(data) <= LOOP_HASH_BYTES:
            self.update(data)
        else:
            await asyncio.to_thread(self.update, data)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    def verify(self, key: str, expected_sha256: str | None) -> str:
        if expected_sha256 is not None and expected_sha256.lower() != self.sha256:
            raise StorageIntegrityError(
                f"{key}: received bytes hash to {self.sha256}, expected {expected_sha256}; nothing stored"
            )
        return self.sha256


async def chunks_of(source: Source, size: int = CHUNK_BYTES) -> AsyncIterator[bytes]:
    """The source as chunks of at most `size` bytes; bytes are sliced, never copied whole."""
    if isinstance(source, bytes | bytearray | memoryview):
        view = memoryview(source)
        for start in range(0, len(view), size):
            yield bytes(view[start : start + size])
        return
    async for chunk in source:
        if chunk:
            yield chunk


async def spool(source: Source, key: str, expected_sha256: str | None) -> tuple[IO[bytes], HashingCounter]:
    """Copy a stream to a temporary file (memory below 1 MiB, disk above), hash-checked, rewound."""
    counter = HashingCounter()
    spooled: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=CHUNK_BYTES)
    try:
        async for chunk in chunks_of(source):
            counter.update(chunk)
            spooled.write(chunk)
        counter.verify(key, expected_sha256)
    except BaseException:
        spooled.close()
        raise
    spooled.seek(0)
    return spooled, counter


async def read_chunks(file: IO[bytes], size: int = CHUNK_BYTES) -> AsyncIterator[bytes]:
    """Chunks of an open file, closing it at the end (or when the reader stops early)."""
    try:
        while chunk := await asyncio.to_thread(file.read, size):
            yield chunk
    finally:
        file.close()
