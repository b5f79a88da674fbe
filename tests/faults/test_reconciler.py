"""An invoice whose event vanished (the stream's limits dropped it, or it was purged) does not stay
`received`: the reconciler re-drives it from its last durable step and it ends extracted."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx
import nats
import pytest

from invoiceme_cli.runner import ServiceProcesses
from invoiceme_common.topology import Topology
from tests.support.documents import invoice_pdf
from tests.support.private_infra import free_port

pytestmark = [pytest.mark.faults, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts"


def _wait(condition: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.5)


async def _statuses(database_url: str, ids: list[str]) -> dict[str, tuple[str, int]]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT id::text, status, redriven_count FROM invoices WHERE id = ANY($1::uuid[])", ids
        )
    finally:
        await conn.close()
    return {r["id"]: (r["status"], r["redriven_count"]) for r in rows}


async def _all_published(database_url: str, ids: list[str]) -> bool:
    conn = await asyncpg.connect(database_url)
    try:
        return bool(
            await conn.fetchval(
                """SELECT count(*) = $2 FROM outbox
                   WHERE invoice_id = ANY($1::uuid[]) AND published_at IS NOT NULL""",
                ids,
                len(ids),
            )
        )
    finally:
        await conn.close()


async def _purge_uploads(nats_url: str, topology: Topology) -> None:
    connection = await nats.connect(nats_url)
    try:
        await connection.jetstream().purge_stream(topology.stream, subject=topology.invoice_uploaded)
    finally:
        await connection.close()


def test_a_lost_event_is_redriven(database_url: str, nats_url: str) -> None:
    namespace = f"rc{uuid.uuid4().hex[:8]}"
    topology = Topology(namespace)
    port = free_port()
    env = {
        "NATS_URL": nats_url,
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": namespace,
        "ENVIRONMENT": "test",
        "JWT_SECRET": uuid.uuid4().hex * 2,
        "LOG_FORMAT": "json",
        "OCR_WORKERS": "1",
        "RECONCILE_AFTER_SECONDS": "4",
        "RECONCILE_EVERY_SECONDS": "1",
    }
    services = ServiceProcesses(env, "127.0.0.1", port, log_dir=ARTIFACTS / f"logs-{namespace}")
    services.start(["gateway", "extractor", "analytics"])  # OCR not yet: its messages will be lost
    url = f"http://127.0.0.1:{port}"
    try:

        def healthy() -> bool:
            try:
                return httpx.get(f"{url}/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        _wait(healthy, f"gateway not healthy; logs in {services.log_dir}")
        with httpx.Client(base_url=url, timeout=30) as client:
            token = client.post(
                "/api/auth/signup", json={"email": f"{namespace}@example.com", "password": "password-123"}
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            ids = []
            for n in range(3):
                data = invoice_pdf(
                    ["Fabrikam Ltd", f"Invoice No: R-{n}-{uuid.uuid4().hex[:6]}", "Total $9.00"]
                )
                response = client.post("/api/invoices", headers=headers, files={"file": (f"{n}.pdf", data)})
                assert response.status_code == 202, response.text
                ids.append(response.json()["id"])
        _wait(lambda: asyncio.run(_all_published(database_url, ids)), "uploads never published")
        asyncio.run(_purge_uploads(nats_url, topology))  # the events are gone from the stream
        services.start(["ocr"])  # nothing left for it to read: only the reconciler can help now

        def all_extracted() -> bool:
            states = asyncio.run(_statuses(database_url, ids))
            return all(status in ("extracted", "needs_review") for status, _ in states.values())

        _wait(all_extracted, f"still {asyncio.run(_statuses(database_url, ids))}; logs in {services.log_dir}")
        assert all(count >= 1 for _, count in asyncio.run(_statuses(database_url, ids)).values())
    finally:
        services.stop()
