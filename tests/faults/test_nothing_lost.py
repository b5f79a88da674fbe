"""Nothing lost, nothing stuck, nothing counted twice (issue 11), proven with real processes.

The four services run as processes against a NATS server and a Postgres of this test's own (never
the machine's shared ones). Batches of uploads go through while, in turn: the OCR process and the
extractor process are SIGKILLed mid-work; NATS is SIGKILLed and restarted; Postgres is SIGKILLed
and restarted; the LLM answers 429 / 500 / timeouts; Postgres is paused (SIGSTOP) for 60 s. The
uploading client retries what the gateway could not accept (as a person would), treating a
"duplicate" answer as "it was accepted after all". Afterwards every invoice must be terminal, exactly
once, with each pipeline step applied once, analytics equal to a fresh SQL sum, and no dead letter
except for the documents that are really broken.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest

from invoiceme_cli.runner import ServiceProcesses
from invoiceme_common.db import migrate
from tests.faults.checks import check_exactly_once
from tests.support.documents import invoice_pdf
from tests.support.fake_llm import FakeLlmServer, Reply
from tests.support.private_infra import PrivateNats, PrivatePostgres, free_port
from tests.support.supervision import supervised

pytestmark = [pytest.mark.faults, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts"
BATCH = 17  # 6 batches of 17 + 6 uploads during outages: 108 uploads, 2 of them broken documents
TERMINAL = ("extracted", "needs_review", "failed")
LLM_ANSWER = json.dumps({"document_type": "tax_invoice"})  # rules keep every amount they read


@dataclass
class World:
    nats: PrivateNats
    postgres: PrivatePostgres
    database_url: str
    llm: FakeLlmServer
    services: ServiceProcesses
    url: str
    accepted: dict[str, float] = field(default_factory=dict)  # invoice id -> total on the document
    broken: set[str] = field(default_factory=set)

    restarts: list[str] = field(default_factory=list)

    def crash(self, service: str) -> None:
        """SIGKILL the service and its worker processes; the supervisor brings it back."""
        process = self.services.processes[service]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def _document(number: int) -> tuple[bytes, float]:
    total = round(100 + number * 7.31, 2)
    subtotal = round(total / 1.18, 2)
    vat = round(total - subtotal, 2)
    lines = [
        "Northwind Supplies Ltd",
        "Tax Invoice",
        f"Invoice No: F-{number:04d}-{uuid.uuid4().hex[:6]}",
        "Date: 14/03/2025",
        f"Subtotal                      {subtotal:,.2f}",
        f"VAT 18%                         {vat:,.2f}",
        f"Total due                    ${total:,.2f}",
    ]
    return invoice_pdf(lines), total


def _wait_healthy(world: World, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{world.url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"gateway not healthy; logs in {world.services.log_dir}")


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    # Not pytest's tmp_path: concurrent pytest sessions of the same user prune each other's old
    # basetemp folders, which would pull the data folder from under a running server.
    folder = Path(tempfile.mkdtemp(prefix="invoiceme-faults-"))
    nats = PrivateNats(folder / "nats").start()
    postgres = PrivatePostgres(folder / "pg").start()
    asyncio.run(postgres.ready())
    database_url = postgres.url("invoiceme")
    asyncio.run(migrate(database_url))
    llm = FakeLlmServer(LLM_ANSWER).start()
    port = free_port()
    namespace = f"faults{uuid.uuid4().hex[:8]}"
    env = {
        "NATS_URL": nats.url,
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": namespace,
        "ENVIRONMENT": "test",
        "JWT_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,
        "LOG_FORMAT": "json",
        "OCR_WORKERS": "1",
        "OMP_THREAD_LIMIT": "1",
        # Short waits so crash redeliveries and retries happen within the test's time.
        "ACK_WAIT_SECONDS": "6",
        "RETRY_BACKOFF_CAP_SECONDS": "8",
        "DB_COMMAND_TIMEOUT_SECONDS": "5",
        "MAX_DELIVER": "5",
        "LLM_PROVIDER": "groq",
        "GROQ_API_KEY": "test-key",
        "GROQ_BASE_URL": f"{llm.url}/openai/v1",
        "LLM_TIMEOUT_SECONDS": "2",
        "LLM_MAX_ATTEMPTS": "2",
        "LLM_REQUESTS_PER_MINUTE": "6000",
        "LLM_TOKENS_PER_MINUTE": "10000000",
    }
    services = ServiceProcesses(env, "127.0.0.1", port, log_dir=ARTIFACTS / f"logs-{namespace}")
    services.start()
    world = World(nats, postgres, database_url, llm, services, f"http://127.0.0.1:{port}")
    try:
        with supervised(services) as restarts:  # what `invoiceme up` does: restart whatever died
            world.restarts = restarts
            _wait_healthy(world)
            yield world
    finally:
        services.stop()
        llm.stop()
        nats.stop()
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _upload(world: World, client: httpx.Client, headers: dict[str, str], number: int, broken: bool) -> None:
    """Upload until the gateway accepted it; 409 duplicate means an earlier try was accepted."""
    data, total = _document(number)
    if broken:
        # A PDF header and nothing else; the number keeps two broken uploads from being one file
        # (the first 300 bytes of every generated invoice are the same: the second was a duplicate).
        data = data[:300] + f"\n%broken {number}\n".encode()
    deadline = time.monotonic() + 180
    while True:
        try:
            response = client.post(
                "/api/invoices", headers=headers, files={"file": (f"{number}.pdf", data, "application/pdf")}
            )
        except httpx.HTTPError:
            response = None
        if response is not None and response.status_code in (202, 409):
            body = response.json()
            invoice_id = (
                body["id"] if response.status_code == 202 else body["error"]["details"]["existing_invoice_id"]
            )
            world.accepted[invoice_id] = total
            if broken:
                world.broken.add(invoice_id)
            return
        assert time.monotonic() < deadline, f"upload {number} never accepted: {response and response.text}"
        time.sleep(1)


def _uploading(world: World, headers: dict[str, str], numbers: range) -> threading.Thread:
    """Uploads from another client while an outage lasts (each retried until accepted)."""

    def run() -> None:
        with httpx.Client(base_url=world.url, timeout=30) as client:
            for number in numbers:
                _upload(world, client, headers, number, broken=False)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _batch(
    world: World, client: httpx.Client, headers: dict[str, str], first: int, broken: bool = False
) -> None:
    for number in range(first, first + BATCH):
        _upload(world, client, headers, number, broken and number == first)


async def _statuses(database_url: str) -> dict[str, str]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch("SELECT id::text, status FROM invoices")
    finally:
        await conn.close()
    return {row["id"]: row["status"] for row in rows}


def _wait_all_terminal(world: World, seconds: float = 300) -> dict[str, str]:
    deadline = time.monotonic() + seconds
    statuses: dict[str, str] = {}
    while time.monotonic() < deadline:
        try:
            statuses = asyncio.run(_statuses(world.database_url))
        except (OSError, asyncpg.PostgresError):
            statuses = {}
        if statuses and all(status in TERMINAL for status in statuses.values()):
            return statuses
        time.sleep(1)
    stuck = {k: v for k, v in statuses.items() if v not in TERMINAL}
    pytest.fail(f"{len(stuck)} invoices not terminal: {stuck}; logs in {world.services.log_dir}")


def test_nothing_lost_under_crashes_and_outages(world: World) -> None:
    with httpx.Client(base_url=world.url, timeout=30) as client:
        signup = client.post(
            "/api/auth/signup", json={"email": "faults@example.com", "password": "password-123"}
        )
        assert signup.status_code == 201, signup.text
        headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}

        _batch(world, client, headers, 0, broken=True)
        time.sleep(1)
        world.crash("ocr")  # mid-work

        _batch(world, client, headers, 100)
        time.sleep(1.5)
        world.crash("extractor")

        _batch(world, client, headers, 200)
        world.nats.kill()
        during = _uploading(world, headers, range(250, 253))  # answered 503 until NATS is back
        time.sleep(3)
        world.nats.start()
        during.join()

        _batch(world, client, headers, 300, broken=True)
        world.postgres.kill()
        during = _uploading(world, headers, range(350, 353))  # answered 5xx until Postgres is back
        time.sleep(3)
        world.postgres.start()
        during.join()

        world.llm.script.extend(
            [Reply(status=429, headers={"retry-after": "1"}), Reply(status=500), Reply(delay=4)] * 8
        )
        _batch(world, client, headers, 400)

        _batch(world, client, headers, 500)
        world.postgres.pause()
        time.sleep(60)
        world.postgres.resume()

        statuses = _wait_all_terminal(world)
        listed = _list_all(client, headers)

    assert {"ocr restarted", "extractor restarted"} <= {line.split(" (")[0] for line in world.restarts}
    assert len(world.accepted) == 6 * BATCH + 6
    assert sorted(listed) == sorted(set(listed)), "an invoice is listed twice"
    assert set(listed) == set(world.accepted) == set(statuses), "lost or unexpected invoices"
    failed = {invoice_id for invoice_id, status in statuses.items() if status == "failed"}
    assert failed == world.broken, f"failed: {failed - world.broken} should not have"
    asyncio.run(check_exactly_once(world.database_url, set(world.accepted), world.broken))


def _list_all(client: httpx.Client, headers: dict[str, str]) -> list[str]:
    ids: list[str] = []
    while True:
        body = client.get("/api/invoices", headers=headers, params={"limit": 50, "offset": len(ids)}).json()
        ids += [item["id"] for item in body["items"]]
        if len(body["items"]) < 50:
            return ids
