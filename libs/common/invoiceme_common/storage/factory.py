"""Picks the backend named by STORAGE_BACKEND (settings read at the edge, passed in here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nats.js import JetStreamContext
from nats.js.api import ObjectStoreConfig

from ..settings import CommonSettings
from .base import ObjectStorage
from .local import LocalFileStorage
from .nats_store import NatsObjectStorage

if TYPE_CHECKING:
    from .s3 import S3Config


def s3_config(settings: CommonSettings) -> S3Config:
    from .s3 import S3Config  # lazily: processes on the nats backend never load botocore

    secret = settings.aws_secret_access_key.get_secret_value()
    return S3Config(
        bucket=settings.s3_bucket,
        endpoint_url=settings.s3_endpoint_url or None,
        region=settings.s3_region,
        key_prefix=settings.s3_key_prefix,
        access_key_id=settings.aws_access_key_id or None,
        secret_access_key=secret or None,
        addressing_style=settings.s3_addressing_style,
        max_attempts=settings.s3_max_attempts,
    )


def open_storage(
    settings: CommonSettings,
    js: JetStreamContext | None,
    bucket: str,
    backend: str | None = None,
    *,
    config: ObjectStoreConfig | None = None,
) -> ObjectStorage:
    """The configured backend (or `backend`, for migrations between two); connects nothing yet.
    `config` (the nats bucket's limits and replicas, `Topology.object_store_config()`) applies when
    this process is the one that creates the bucket."""
    backend = backend or settings.storage_backend
    if backend == "nats":
        if js is None:
            raise ValueError("the nats storage backend needs a JetStream connection")
        return NatsObjectStorage(js, bucket, config)
    if backend == "s3":
        from .s3 import S3ObjectStorage

        return S3ObjectStorage(s3_config(settings))
    if backend == "local":
        return LocalFileStorage(settings.storage_dir)
    raise ValueError(f"unknown storage backend {backend!r}; use nats, s3 or local")
