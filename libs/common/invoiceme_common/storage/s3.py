"""Files in an S3-compatible bucket (AWS S3, Cloudflare R2, Supabase Storage, MinIO) via aiobotocore.

Streams in parts of `part_bytes`: an object smaller than one part is one PutObject, a larger one a
multipart upload that is completed only once the SHA-256 of everything sent matches the caller's
(otherwise aborted, so nothing is visible). The hash is kept as `x-amz-meta-sha256`. Transient
errors (connection, 5xx, throttling) are retried with backoff; everything else becomes
StorageUnavailable with a reason an operator can act on.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any, TypeVar

from aiobotocore.session import get_session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, ResponseStreamingError

from .base import (
    CHUNK_BYTES,
    DEFAULT_CONTENT_TYPE,
    HashingCounter,
    Source,
    StorageBase,
    StorageUnavailable,
    StoredObject,
    StoredObjectMissing,
    check_key,
    chunks_of,
)
from .retry import with_retries
from .s3_errors import is_missing_object, is_transient, unavailable_reason

T = TypeVar("T")


@dataclass(frozen=True)
class S3Config:
    bucket: str
    endpoint_url: str | None = None  # None: AWS itself
    region: str = "us-east-1"
    key_prefix: str = ""  # e.g. "invoiceme/prod/": several deployments in one bucket
    access_key_id: str | None = None  # None: the standard AWS credential chain
    secret_access_key: str | None = None
    addressing_style: str = "path"
    max_attempts: int = 4
    part_bytes: int = 8 * 2**20  # S3 parts must be >= 5 MiB except the last
    connect_timeout: float = 5.0
    read_timeout: float = 30.0

    @property
    def where(self) -> str:
        return f"bucket {self.bucket!r} at {self.endpoint_url or 'AWS S3'}"


class _PartReader(io.RawIOBase):
    """A read-only file over bytes without copying them (io.BytesIO copies once the HTTP client
    asks for its buffer); the HTTP client sends it in small slices and may rewind it to retry."""

    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        piece = self._view[self._position : self._position + len(buffer)]
        buffer[: len(piece)] = piece
        self._position += len(piece)
        return len(piece)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def __len__(self) -> int:
        return len(self._view)


def _upload_part(
    bucket: str, key: str, upload_id: str, number: int, body: bytes
) -> Callable[[Any], Awaitable[Any]]:
    return lambda s3: s3.upload_part(
        Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=_PartReader(body)
    )


class S3ObjectStorage(StorageBase):
    backend = "s3"

    def __init__(self, config: S3Config) -> None:
        self.config = config
        self._prefix = config.key_prefix.strip("/") + "/" if config.key_prefix.strip("/") else ""
        self._endpoint = config.endpoint_url or "AWS S3"
        self._client_instance: Any = None
        self._exit_stack = AsyncExitStack()
        self._lock = asyncio.Lock()

    async def _client(self) -> Any:
        async with self._lock:
            if self._client_instance is None:
                config = self.config
                botocore_config = Config(
                    s3={"addressing_style": config.addressing_style},
                    retries={"total_max_attempts": 1},  # retried here, where the body can be re-sent
                    connect_timeout=config.connect_timeout,
                    read_timeout=config.read_timeout,
                    # Checksums only where S3 requires them: third-party S3s refuse the newer defaults.
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                )
                client = get_session().create_client(
                    "s3",
                    endpoint_url=config.endpoint_url,
                    region_name=config.region,
                    aws_access_key_id=config.access_key_id,
                    aws_secret_access_key=config.secret_access_key,
                    config=botocore_config,
                )
                self._client_instance = await self._exit_stack.enter_async_context(client)
            return self._client_instance

    def _full_key(self, key: str) -> str:
        return self._prefix + check_key(key)

    async def _call(self, operation: Callable[[Any], Awaitable[T]], retry: bool = True) -> T:
        """One S3 request, retried when transient; S3 errors become StoredObjectMissing/Unavailable."""
        client = await self._client()
        attempts = self.config.max_attempts if retry else 1
        try:
            return await with_retries(lambda: operation(client), attempts, is_transient)
        except ClientError as exc:
            if is_missing_object(exc):
                raise StoredObjectMissing(str(exc)) from exc
            raise StorageUnavailable(unavailable_reason(exc, self.config.where, self._endpoint)) from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(unavailable_reason(exc, self.config.where, self._endpoint)) from exc

    async def put(
        self, key: str, source: Source, *, sha256: str | None = None, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredObject:
        full_key, bucket = self._full_key(key), self.config.bucket
        counter = HashingCounter()
        chunks = chunks_of(source)
        first_part = await self._next_part(chunks, counter)
        if len(first_part) >= self.config.part_bytes:
            handed_over = [first_part]  # the multipart upload owns it from here, so it can free it
            del first_part
            await self._put_multipart(key, full_key, handed_over, chunks, counter, sha256, content_type)
        else:  # the whole object: one request
            counter.verify(key, sha256)
            await self._call(
                lambda s3: s3.put_object(
                    Bucket=bucket,
                    Key=full_key,
                    Body=_PartReader(first_part),
                    ContentType=content_type,
                    Metadata={"sha256": counter.sha256},
                )
            )
        return StoredObject(key, counter.size, counter.sha256, content_type)

    async def _next_part(self, chunks: AsyncIterator[bytes], counter: HashingCounter) -> bytes:
        pieces: list[bytes] = []
        size = 0
        async for chunk in chunks:
            counter.update(chunk)
            pieces.append(chunk)
            size += len(chunk)
            if size >= self.config.part_bytes:
                break
        return b"".join(pieces)

    async def _put_multipart(
        self,
        key: str,
        full_key: str,
        first_part: list[bytes],
        chunks: AsyncIterator[bytes],
        counter: HashingCounter,
        sha256: str | None,
        content_type: str,
    ) -> None:
        bucket = self.config.bucket
        # Only a hash known up front can be recorded: metadata is fixed when the upload starts.
        metadata = {"sha256": sha256.lower()} if sha256 else {}
        started = await self._call(
            lambda s3: s3.create_multipart_upload(
                Bucket=bucket, Key=full_key, ContentType=content_type, Metadata=metadata
            )
        )
        upload_id = started["UploadId"]
        parts: list[dict[str, Any]] = []
        part = first_part.pop()
        try:
            while part:  # one part in memory at a time
                number = len(parts) + 1
                request = _upload_part(bucket, full_key, upload_id, number, part)
                del part  # the request holds the only reference, dropped once sent
                reply = await self._call(request)
                del request
                parts.append({"ETag": reply["ETag"], "PartNumber": number})
                part = await self._next_part(chunks, counter)
            counter.verify(key, sha256)
            await self._call(
                lambda s3: s3.complete_multipart_upload(
                    Bucket=bucket, Key=full_key, UploadId=upload_id, MultipartUpload={"Parts": parts}
                )
            )
        except BaseException:
            await asyncio.shield(self._abort(full_key, upload_id))
            raise

    async def _abort(self, full_key: str, upload_id: str) -> None:
        try:
            await self._call(
                lambda s3: s3.abort_multipart_upload(
                    Bucket=self.config.bucket, Key=full_key, UploadId=upload_id
                )
            )
        except (StorageUnavailable, StoredObjectMissing):
            pass  # the bucket's lifecycle rule for incomplete uploads cleans up what this could not

    async def open(self, key: str) -> AsyncIterator[bytes]:
        full_key = self._full_key(key)
        reply = await self._call(lambda s3: s3.get_object(Bucket=self.config.bucket, Key=full_key))
        return self._stream(reply["Body"])

    async def _stream(self, body: Any) -> AsyncIterator[bytes]:
        try:
            async for chunk in body.iter_chunks(CHUNK_BYTES):
                yield chunk
        except (BotoCoreError, ResponseStreamingError, OSError) as exc:
            raise StorageUnavailable(f"reading from {self.config.where} broke off: {exc}") from exc
        finally:
            body.close()

    async def stat(self, key: str) -> StoredObject | None:
        full_key = self._full_key(key)
        try:
            head = await self._call(lambda s3: s3.head_object(Bucket=self.config.bucket, Key=full_key))
        except StoredObjectMissing:
            return None
        metadata = head.get("Metadata") or {}
        return StoredObject(key, int(head["ContentLength"]), metadata.get("sha256"), head.get("ContentType"))

    async def delete(self, key: str) -> None:
        full_key = self._full_key(key)
        try:
            await self._call(lambda s3: s3.delete_object(Bucket=self.config.bucket, Key=full_key))
        except StoredObjectMissing:
            pass

    async def keys(self, prefix: str = "") -> AsyncIterator[str]:
        client = await self._client()
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=self.config.bucket, Prefix=self._prefix + prefix
        )
        try:
            async for page in pages:
                for item in page.get("Contents", []):
                    yield item["Key"][len(self._prefix) :]
        except (ClientError, BotoCoreError) as exc:
            raise StorageUnavailable(unavailable_reason(exc, self.config.where, self._endpoint)) from exc

    async def check(self) -> None:
        """One request, no retries, bounded: /health must answer quickly when S3 does not."""
        # Building the client is local work (imports, a session) that a loaded machine can stretch
        # past the bound (seen: `storage migrate` on a fresh machine at load 20); only S3's answer counts.
        await self._client()
        try:
            await asyncio.wait_for(
                self._call(lambda s3: s3.head_bucket(Bucket=self.config.bucket), retry=False),
                self.config.connect_timeout + 1,
            )
        except TimeoutError as exc:
            raise StorageUnavailable(f"{self.config.where} did not answer in time") from exc
        except StoredObjectMissing as exc:  # head_bucket's 404 is the bucket's
            raise StorageUnavailable(
                f"{self.config.where} does not exist (create it, or fix S3_BUCKET)"
            ) from exc

    async def close(self) -> None:
        await self._exit_stack.aclose()
        self._client_instance = None
