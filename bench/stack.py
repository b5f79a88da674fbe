"""The four real services as `invoiceme up` runs them, in a fresh database and namespace, for
benchmarks that go through the HTTP API (bench.pipeline, bench.load).

Uses NATS_URL / DATABASE_URL when they answer, else embedded ones (like `make run`); the database,
stream and object-store bucket made here are deleted again when the stack stops.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

from invoiceme_cli.infra import ensure_infra
from invoiceme_cli.runner import ServiceProcesses
from invoiceme_common.db import migrate
from invoiceme_common.topology import Topology

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class RunningStack:
    url: str  # the gateway's base URL
    database_url: str
    pids: dict[str, int]  # service name -> process id


def wait_healthy(url: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=url, timeout=5) as client:
        while time.monotonic() < deadline:
            try:
                if client.get("/health").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
    raise RuntimeError(f"the gateway at {url} did not become healthy in {timeout:.0f} s")


# A bench's stream reserves nothing (the services' default reserves 1 GiB each): a few dozen runs
# against a long-lived server would otherwise fill its JetStream storage.
BENCH_NATS_ENV = {"STREAM_MAX_MB": "0"}


async def delete_namespace(nats_url: str, namespace: str) -> None:
    """Delete a bench namespace's stream and originals bucket (missing ones are fine)."""
    import nats
    from nats.js.errors import NotFoundError

    topology = Topology(namespace)
    connection = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=0)
    try:
        js = connection.jetstream()
        for delete in (js.delete_stream(topology.stream), js.delete_object_store(topology.originals_bucket)):
            try:
                await delete
            except NotFoundError:
                pass
    finally:
        await connection.close()


async def _drop_database(database_url: str) -> None:
    admin = await asyncpg.connect(urlunsplit(urlsplit(database_url)._replace(path="/postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(database_url).path[1:]}" WITH (FORCE)')
    finally:
        await admin.close()


@contextmanager
def running_stack(
    name: str,
    env: Mapping[str, str] | None = None,
    service_env: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[RunningStack]:
    """Start gateway, ocr, extractor and analytics (logs under bench/out/<name>-logs)."""
    infra = ensure_infra(
        os.environ.get("NATS_URL", "nats://127.0.0.1:4222"),
        os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/invoiceme"),
        ROOT / ".data" / "bench",
        log=lambda _: None,
    )
    database = f"invoiceme_bench_{uuid.uuid4().hex[:8]}"
    database_url = urlunsplit(urlsplit(infra.database_url)._replace(path=f"/{database}"))
    asyncio.run(migrate(database_url))
    port = 18000 + os.getpid() % 1000
    namespace = f"bench{uuid.uuid4().hex[:8]}"
    base_env = {
        **BENCH_NATS_ENV,
        "NATS_URL": infra.nats_url,
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": namespace,
        "JWT_SECRET": uuid.uuid4().hex * 2,
        "ENVIRONMENT": "test",
        "LOG_LEVEL": "WARNING",
        # Benchmarks sign many users up from one address.
        "SIGNUP_ADDRESS_BURST": "0",
        "LOGIN_ADDRESS_BURST": "0",
    }
    processes = ServiceProcesses(
        {**base_env, **(env or {})},
        "127.0.0.1",
        port,
        log_dir=ROOT / "bench" / "out" / f"{name}-logs",
        service_env=service_env,
    )
    processes.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield RunningStack(url, database_url, {name: p.pid for name, p in processes.processes.items()})
    finally:
        processes.stop()
        try:
            asyncio.run(_drop_database(database_url))
            asyncio.run(delete_namespace(infra.nats_url, namespace))
        finally:
            infra.stop()
