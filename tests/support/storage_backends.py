"""Each storage backend, set up against real servers, for the one contract test suite (and others)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import nats
from nats.js.errors import NotFoundError

from invoiceme_common.storage import LocalFileStorage, NatsObjectStorage, ObjectStorage
from invoiceme_common.storage.s3 import S3Config, S3ObjectStorage
from tests.support.s3_server import REGION, S3Server

BACKENDS = ["nats", "local", "s3"]


def s3_storage(server: S3Server, bucket: str, prefix: str = "", **overrides: object) -> S3ObjectStorage:
    config = S3Config(
        bucket=bucket,
        endpoint_url=server.endpoint_url,
        region=REGION,
        key_prefix=prefix,
        access_key_id=server.access_key,
        secret_access_key=server.secret_key,
    )
    return S3ObjectStorage(S3Config(**{**config.__dict__, **overrides}))


@asynccontextmanager
async def storage_backend(
    backend: str, nats_url: str, namespace: str, folder: Path, s3_server: S3Server
) -> AsyncIterator[ObjectStorage]:
    """A fresh, empty store of the given backend (own bucket / folder), removed afterwards."""
    if backend == "local":
        yield LocalFileStorage(folder)
    elif backend == "s3":
        storage = s3_storage(s3_server, s3_server.new_bucket())
        try:
            yield storage
        finally:
            await storage.close()
    else:
        connection = await nats.connect(nats_url)
        js = connection.jetstream()
        try:
            yield NatsObjectStorage(js, f"{namespace}-originals")
            with contextlib.suppress(NotFoundError):  # never created (nothing was stored)
                await js.delete_object_store(f"{namespace}-originals")
        finally:
            await connection.close()
