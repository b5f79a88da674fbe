"""One S3 client's 25 MB streamed put and get, timed, in a process of its own (so peak RSS is its own).

    .venv/bin/python -m bench.storage.clients CLIENT ENDPOINT BUCKET [--mb 25] [--rounds 3]

CLIENT: aiobotocore | obstore (the raw clients) | invoiceme (our S3 backend, on aiobotocore).

Prints one JSON line: median put/get seconds and the peak RSS growth over the process's baseline.
Both clients do what the storage backend does: upload from an async stream of 1 MiB chunks (multipart,
8 MiB parts), download as a stream into SHA-256, never holding the whole file.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable

CHUNK = 2**20
PART = 8 * 2**20
ACCESS_KEY, SECRET_KEY, REGION = "test-access-key", "test-secret-key", "us-east-1"


def _rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MB."""
    status = open("/proc/self/status").read()
    return int(status.split(f"{field}:")[1].split()[0]) / 1024


def _reset_peak_rss() -> None:
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")  # Linux: reset VmHWM to the current RSS


async def _source(total: int) -> AsyncIterator[bytes]:
    block = bytes(range(256)) * (CHUNK // 256)
    for start in range(0, total, CHUNK):
        yield block[: min(CHUNK, total - start)]


Runner = Callable[[str, int], Awaitable[str]]


async def _with_aiobotocore(endpoint: str, bucket: str) -> tuple[Runner, Runner]:
    from aiobotocore.session import get_session
    from botocore.config import Config

    config = Config(s3={"addressing_style": "path"}, request_checksum_calculation="when_required")
    client = (
        await get_session()
        .create_client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=config,
        )
        .__aenter__()
    )

    async def put(key: str, total: int) -> str:
        upload = await client.create_multipart_upload(Bucket=bucket, Key=key)
        parts, buffer, number = [], bytearray(), 1
        async for chunk in _source(total):
            buffer += chunk
            if len(buffer) >= PART:
                reply = await client.upload_part(
                    Bucket=bucket, Key=key, UploadId=upload["UploadId"], PartNumber=number, Body=bytes(buffer)
                )
                parts.append({"ETag": reply["ETag"], "PartNumber": number})
                buffer.clear()
                number += 1
        if buffer:
            reply = await client.upload_part(
                Bucket=bucket, Key=key, UploadId=upload["UploadId"], PartNumber=number, Body=bytes(buffer)
            )
            parts.append({"ETag": reply["ETag"], "PartNumber": number})
        await client.complete_multipart_upload(
            Bucket=bucket, Key=key, UploadId=upload["UploadId"], MultipartUpload={"Parts": parts}
        )
        return key

    async def get(key: str, total: int) -> str:
        reply = await client.get_object(Bucket=bucket, Key=key)
        digest = hashlib.sha256()
        async with reply["Body"] as body:
            async for chunk in body.iter_chunks(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    return put, get


async def _with_obstore(endpoint: str, bucket: str) -> tuple[Runner, Runner]:
    import obstore
    from obstore.store import S3Store

    store = S3Store(
        bucket,
        endpoint=endpoint,
        region=REGION,
        access_key_id=ACCESS_KEY,
        secret_access_key=SECRET_KEY,
        virtual_hosted_style_request=False,
        client_options={"allow_http": True},
    )

    async def put(key: str, total: int) -> str:
        await obstore.put_async(store, key, _source(total), chunk_size=PART)
        return key

    async def get(key: str, total: int) -> str:
        reply = await obstore.get_async(store, key)
        digest = hashlib.sha256()
        async for chunk in reply.stream(min_chunk_size=CHUNK):
            digest.update(chunk)
        return digest.hexdigest()

    return put, get


async def _with_invoiceme(endpoint: str, bucket: str) -> tuple[Runner, Runner]:
    """InvoiceMe's own S3 backend (aiobotocore underneath), with its hash check and part handling."""
    from invoiceme_common.storage.s3 import S3Config, S3ObjectStorage

    config = S3Config(bucket, endpoint, REGION, access_key_id=ACCESS_KEY, secret_access_key=SECRET_KEY)
    storage = S3ObjectStorage(config)
    expected: dict[int, str] = {}

    async def put(key: str, total: int) -> str:
        if total not in expected:
            digest = hashlib.sha256()
            async for chunk in _source(total):
                digest.update(chunk)
            expected[total] = digest.hexdigest()
        await storage.put(key, _source(total), sha256=expected[total], content_type="application/pdf")
        return key

    async def get(key: str, total: int) -> str:
        digest = hashlib.sha256()
        async for chunk in await storage.open(key):
            digest.update(chunk)
        return digest.hexdigest()

    return put, get


CLIENTS = {"aiobotocore": _with_aiobotocore, "obstore": _with_obstore, "invoiceme": _with_invoiceme}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("client", choices=list(CLIENTS))
    parser.add_argument("endpoint")
    parser.add_argument("bucket")
    parser.add_argument("--mb", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    total = args.mb * 2**20
    put, get = await CLIENTS[args.client](args.endpoint, args.bucket)
    expected = hashlib.sha256()
    async for chunk in _source(total):
        expected.update(chunk)
    await put("warm-up", CHUNK)
    await put("warm-up", total)  # any one-time cost (hashing the expected value) outside the measurement
    _reset_peak_rss()
    baseline = _rss_mb("VmRSS")
    put_times, get_times = [], []
    for round_number in range(args.rounds):
        key = f"{args.client}-{round_number}"
        started = time.perf_counter()
        await put(key, total)
        put_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        digest = await get(key, total)
        get_times.append(time.perf_counter() - started)
        assert digest == expected.hexdigest(), "downloaded bytes differ from the uploaded ones"
    print(
        json.dumps(
            {
                "client": args.client,
                "put_s": round(statistics.median(put_times), 3),
                "get_s": round(statistics.median(get_times), 3),
                "peak_rss_growth_mb": round(_rss_mb("VmHWM") - baseline, 1),
                "baseline_rss_mb": round(baseline, 1),
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
