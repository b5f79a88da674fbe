"""Where original files (and OCR results) live.

Default: a JetStream Object Store bucket, so every service reads files with no shared disk.
`LocalFileStorage` serves single-host setups and the CLI. Readers bind to the bucket; only the
first writer declares it (re-declaring with another config fails on the server).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Protocol

from nats.js import JetStreamContext
from nats.js.api import ObjectStoreConfig
from nats.js.errors import BadRequestError, BucketNotFoundError, ObjectNotFoundError
from nats.js.object_store import ObjectStore


class StoredObjectMissing(LookupError):
    pass


class ObjectStorage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...
    async def get(self, key: str) -> bytes: ...
    async def delete(self, key: str) -> None: ...


def ocr_result_key(tenant_id: object, invoice_id: object, run: int | None) -> str:
    """Where OCR stores an invoice's result: one object per pipeline run, so an OCR replay keeps the
    earlier result beside the new one."""
    suffix = f".run{run}" if run and run > 1 else ""
    return f"ocr/{tenant_id}/{invoice_id}{suffix}.json"


def ocr_result_keys(tenant_id: object, invoice_id: object, last_run: int) -> list[str]:
    """Every OCR result an invoice may have (to delete them all with it)."""
    return [ocr_result_key(tenant_id, invoice_id, run) for run in range(1, max(1, last_run) + 1)]


_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,250}$")


def check_key(key: str) -> str:
    if not _SAFE_KEY.match(key) or ".." in key:
        raise ValueError(f"unsafe storage key: {key!r}")
    return key


class NatsObjectStorage:
    def __init__(self, js: JetStreamContext, bucket: str, config: ObjectStoreConfig | None = None) -> None:
        self._js = js
        self._bucket_name = bucket
        self._config = config  # limits and replicas, applied by whoever creates the bucket
        self._store: ObjectStore | None = None
        self._lock = asyncio.Lock()

    async def _bucket(self) -> ObjectStore:
        async with self._lock:
            if self._store is None:
                try:
                    self._store = await self._js.object_store(self._bucket_name)
                except BucketNotFoundError:
                    try:
                        self._store = await self._js.create_object_store(
                            self._bucket_name, config=self._config
                        )
                    except BadRequestError:  # created concurrently
                        self._store = await self._js.object_store(self._bucket_name)
            return self._store

    async def put(self, key: str, data: bytes) -> None:
        await (await self._bucket()).put(check_key(key), data)

    async def get(self, key: str) -> bytes:
        try:
            result = await (await self._bucket()).get(check_key(key))
        except ObjectNotFoundError as exc:
            raise StoredObjectMissing(key) from exc
        return result.data or b""

    async def delete(self, key: str) -> None:
        try:
            await (await self._bucket()).delete(check_key(key))
        except ObjectNotFoundError:
            pass


class LocalFileStorage:
    def __init__(self, root: str | Path) -> None:
        self._root = Path(root)

    def _path(self, key: str) -> Path:
        return self._root / check_key(key)

    async def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        await asyncio.to_thread(tmp.write_bytes, data)
        tmp.replace(path)  # readers never see a half-written file

    async def get(self, key: str) -> bytes:
        try:
            return await asyncio.to_thread(self._path(key).read_bytes)
        except FileNotFoundError as exc:
            raise StoredObjectMissing(key) from exc

    async def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def open_storage(
    backend: str,
    js: JetStreamContext | None,
    bucket: str,
    local_dir: str,
    config: ObjectStoreConfig | None = None,
) -> ObjectStorage:
    if backend == "nats":
        if js is None:
            raise ValueError("the nats storage backend needs a JetStream connection")
        return NatsObjectStorage(js, bucket, config)
    return LocalFileStorage(local_dir)
