"""A real S3-compatible HTTP server on loopback for tests and benchmarks: moto's `moto_server`.

Started as its own process on a free port; each test makes its own bucket, so tests never see each
other's objects. `auth=True` starts a server that checks credentials (moto's IAM mode), for the
wrong-credentials tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

# Any value works against moto without auth; real providers issue their own.
TEST_ACCESS_KEY = "test-access-key"
TEST_SECRET_KEY = "test-secret-key"
REGION = "us-east-1"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    access_key: str = TEST_ACCESS_KEY
    secret_key: str = TEST_SECRET_KEY

    def client(self):  # boto3 (a moto dependency): tests set buckets up and look inside them with it
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
        )

    def new_bucket(self) -> str:
        name = f"invoiceme-test-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        """Every key in the bucket, listed by the server itself (not by the code under test)."""
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def storage_env(self, bucket: str, prefix: str = "") -> dict[str, str]:
        """The environment a service needs to keep its files in this server's bucket."""
        return {
            "STORAGE_BACKEND": "s3",
            "S3_ENDPOINT_URL": self.endpoint_url,
            "S3_BUCKET": bucket,
            "S3_REGION": REGION,
            "S3_KEY_PREFIX": prefix,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _moto_server_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("moto_server")
    found = str(beside_python) if beside_python.exists() else shutil.which("moto_server")
    if found is None:
        raise RuntimeError("moto_server not found: install the dev extras (pip install -e '.[dev]')")
    return [found]


@contextmanager
def running_s3_server(auth: bool = False, log_path: Path | None = None) -> Iterator[S3Server]:
    port = free_port()
    env = {**os.environ}
    if auth:
        # moto checks signatures after this many unauthenticated calls (used to create the IAM user).
        env["INITIAL_NO_AUTH_ACTION_COUNT"] = "3"
    if log_path:
        log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(
        [*_moto_server_command(), "-H", "127.0.0.1", "-p", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"moto_server exited with {process.returncode}")
            try:
                httpx.get(f"{url}/moto-api/", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not answer within 30 s") from None
                time.sleep(0.1)
        yield _with_iam_user(url) if auth else S3Server(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if log_path:
            log.close()  # type: ignore[union-attr]


def _with_iam_user(url: str) -> S3Server:
    """Create a user allowed everything, in the server's first (unchecked) calls; return its keys."""
    import json

    import boto3

    iam = boto3.client(
        "iam",
        endpoint_url=url,
        region_name=REGION,
        aws_access_key_id=TEST_ACCESS_KEY,
        aws_secret_access_key=TEST_SECRET_KEY,
    )
    iam.create_user(UserName="invoiceme")
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    iam.put_user_policy(UserName="invoiceme", PolicyName="all", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName="invoiceme")["AccessKey"]
    return S3Server(url, key["AccessKeyId"], key["SecretAccessKey"])
