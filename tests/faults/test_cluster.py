"""Beyond one machine: a 3-node JetStream cluster on loopback (three nats-server processes), the stream
and the originals bucket with 3 replicas, and the stream's leader SIGKILLed in the middle of a batch.
Nothing may be lost: every invoice ends extracted, every outbox event published."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import nats
import pytest

from invoiceme_cli.runner import ServiceProcesses
from invoiceme_common.topology import Topology
from tests.support.documents import invoice_pdf
from tests.support.private_infra import PrivateNats, free_port
from tests.support.supervision import supervised

pytestmark = [pytest.mark.faults, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts"
UPLOADS = 40


def _cluster_config(name: str, route_port: int, route_ports: list[int]) -> str:
    routes = ", ".join(f"nats-route://127.0.0.1:{port}" for port in route_ports if port != route_port)
    return (
        f"server_name: {name}\n"
        f"cluster {{\n  name: invoiceme-test\n  listen: 127.0.0.1:{route_port}\n  routes: [{routes}]\n}}\n"
    )


async def _wait_for_jetstream(urls: list[str], seconds: float = 60) -> None:
    """A new cluster elects its JetStream meta leader first; until then stream creation fails."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            connection = await nats.connect(urls, connect_timeout=2)
            try:
                await connection.jetstream().account_info()
                return
            finally:
                await connection.close()
        except Exception:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.5)


async def _stream_leader(urls: list[str], stream: str) -> tuple[str, int]:
    connection = await nats.connect(urls)
    try:
        info = await connection.jetstream().stream_info(stream)
        assert info.cluster is not None
        return str(info.cluster.leader), len(info.cluster.replicas or []) + 1
    finally:
        await connection.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[dict[str, PrivateNats]]:
    folder = Path(tempfile.mkdtemp(prefix="invoiceme-cluster-"))
    route_ports = [free_port() for _ in range(3)]
    nodes = {
        f"n{i}": PrivateNats(folder / f"n{i}", cluster=_cluster_config(f"n{i}", port, route_ports))
        for i, port in enumerate(route_ports, start=1)
    }
    try:
        for node in nodes.values():
            node.start()
        asyncio.run(_wait_for_jetstream([node.url for node in nodes.values()]))
        yield nodes
    finally:
        for node in nodes.values():
            node.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _upload_until_accepted(client: httpx.Client, headers: dict[str, str], number: int) -> str:
    data = invoice_pdf(
        [
            "Contoso Ltd",
            f"Invoice No: C-{number}-{uuid.uuid4().hex[:6]}",
            "Date: 02/05/2025",
            "Total due $12.50",
        ]
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            response = client.post("/api/invoices", headers=headers, files={"file": (f"{number}.pdf", data)})
            if response.status_code == 202:
                return str(response.json()["id"])
            if response.status_code == 409:
                return str(response.json()["error"]["details"]["existing_invoice_id"])
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, f"upload {number} never accepted"
        time.sleep(0.5)


async def _invoice_states(database_url: str, ids: list[str]) -> tuple[dict[str, str], int]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch("SELECT id::text, status FROM invoices WHERE id = ANY($1::uuid[])", ids)
        unpublished = await conn.fetchval(
            "SELECT count(*) FROM outbox WHERE invoice_id = ANY($1::uuid[]) AND published_at IS NULL", ids
        )
    finally:
        await conn.close()
    return {r["id"]: r["status"] for r in rows}, int(unpublished)


def test_a_batch_survives_losing_the_stream_leader(
    cluster: dict[str, PrivateNats], database_url: str
) -> None:
    urls = [node.url for node in cluster.values()]
    namespace = f"cl{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {
        "NATS_URL": ",".join(urls),
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": namespace,
        "ENVIRONMENT": "test",
        "JWT_SECRET": uuid.uuid4().hex * 2,
        "LOG_FORMAT": "json",
        "OCR_WORKERS": "1",
        "OMP_THREAD_LIMIT": "1",
        "JETSTREAM_REPLICAS": "3",
        "ACK_WAIT_SECONDS": "6",
        "RETRY_BACKOFF_CAP_SECONDS": "8",
    }
    services = ServiceProcesses(env, "127.0.0.1", port, log_dir=ARTIFACTS / f"logs-{namespace}")
    services.start()
    url = f"http://127.0.0.1:{port}"
    with supervised(services):
        _run_batch(cluster, services, url, namespace, database_url)


def _run_batch(
    cluster: dict[str, PrivateNats], services: ServiceProcesses, url: str, namespace: str, database_url: str
) -> None:
    urls = [node.url for node in cluster.values()]
    leader = ""
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, f"gateway not healthy; logs in {services.log_dir}"
            time.sleep(0.3)
        stream = Topology(namespace).stream
        leader, copies = asyncio.run(_stream_leader(urls, stream))
        assert copies == 3

        with httpx.Client(base_url=url, timeout=30) as client:
            signup = client.post(
                "/api/auth/signup", json={"email": f"{namespace}@example.com", "password": "password-123"}
            )
            headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}
            ids = [_upload_until_accepted(client, headers, n) for n in range(UPLOADS // 2)]
            cluster[leader].kill()  # the stream's leader, mid-batch
            ids += [_upload_until_accepted(client, headers, n) for n in range(UPLOADS // 2, UPLOADS)]

        deadline = time.monotonic() + 180
        while True:
            states, unpublished = asyncio.run(_invoice_states(database_url, ids))
            if all(s in ("extracted", "needs_review") for s in states.values()) and not unpublished:
                break
            assert time.monotonic() < deadline, f"not done: {states}; logs in {services.log_dir}"
            time.sleep(1)
        assert len(set(ids)) == UPLOADS and set(states) == set(ids)
        new_leader, _ = asyncio.run(
            _stream_leader([n.url for k, n in cluster.items() if k != leader], stream)
        )
        assert new_leader != leader
    finally:
        services.stop()
        if leader:
            cluster[leader].start()  # leave the cluster whole for the fixture's stop
