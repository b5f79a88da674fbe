from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from invoiceme_cli.runner import ServiceProcesses
from tests.support.s3_server import S3Server

ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts"
WORKERS = ("ocr", "extractor", "analytics")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Pipeline:
    url: str
    processes: ServiceProcesses
    s3: S3Server | None = None  # set when the services keep files in S3 (STORAGE_BACKEND=s3)
    bucket: str = ""
    # Each worker's METRICS_PORT (GET /metrics and /health); the gateway serves them on `url`.
    metrics_ports: dict[str, int] = field(default_factory=dict)

    def log(self, service: str) -> str:
        assert self.processes.log_dir is not None
        return (self.processes.log_dir / f"{service}.log").read_text(errors="replace")

    def check_alive(self) -> None:
        if exited := self.processes.exited():
            pytest.fail(f"service(s) exited: {exited}; logs in {self.processes.log_dir}")


@contextmanager
def running_pipeline(
    database_url: str, nats_url: str, s3: S3Server | None = None, **extra_env: str
) -> Iterator[Pipeline]:
    """The four services as real processes, as `invoiceme up` starts them; yields the gateway URL.
    With `s3`, files live in a new bucket of that test S3 server (default: the nats backend)."""
    bucket = s3.new_bucket() if s3 else ""
    port = free_port()
    namespace = f"e2e{uuid.uuid4().hex[:10]}"
    env = {
        "NATS_URL": nats_url,
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": namespace,
        "ENVIRONMENT": "test",
        "JWT_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,
        "LOG_FORMAT": "json",
        "OCR_WORKERS": "2",
        **(s3.storage_env(bucket, prefix=f"{namespace}/") if s3 else {"STORAGE_BACKEND": "nats"}),
        **extra_env,
    }
    metrics_ports = {name: free_port() for name in WORKERS}
    processes = ServiceProcesses(
        env,
        "127.0.0.1",
        port,
        log_dir=ARTIFACTS / f"logs-{namespace}",
        service_env={name: {"METRICS_PORT": str(p)} for name, p in metrics_ports.items()},
    )
    processes.start()
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            Pipeline(url, processes, s3, bucket, metrics_ports).check_alive()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"gateway not healthy after 60 s; logs in {processes.log_dir}")
            time.sleep(0.3)
        yield Pipeline(url, processes, s3, bucket, metrics_ports)
    finally:
        processes.stop()


@pytest.fixture(scope="module")
def pipeline(request: pytest.FixtureRequest, database_url: str, nats_url: str) -> Iterator[Pipeline]:
    """Parametrize indirectly with "s3" to keep files in a bucket of the test S3 server (default: nats)."""
    backend = getattr(request, "param", "nats")
    s3: S3Server | None = request.getfixturevalue("s3_server") if backend == "s3" else None
    with running_pipeline(database_url, nats_url, s3) as started:
        yield started
