"""Delivery policy against a real nats-server: retries with backoff, then a dead letter and a
failed invoice with the reason — never a silently dropped message."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import nats
import pytest
from faststream.nats import NatsMessage

from invoiceme_common.bus import PermanentFailure, publish_event
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.invoice_store import DeadLetter, fail_invoice
from invoiceme_common.service import ServiceRuntime, create_service_app, subscribe_durable
from invoiceme_common.settings import CommonSettings
from invoiceme_common.topology import Topology, ensure_stream


async def _make_invoice(pool: asyncpg.Pool) -> tuple[uuid.UUID, uuid.UUID]:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    await pool.execute("INSERT INTO tenants (id, name) VALUES ($1, 'bus-test')", tenant_id)
    await pool.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, 'received', 'x.pdf', 1, 'x', 'k')""",
        invoice_id,
        tenant_id,
    )
    return tenant_id, invoice_id


def _event(tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> InvoiceUploaded:
    return InvoiceUploaded(
        tenant_id=tenant_id,
        invoice_id=invoice_id,
        storage_key="k",
        filename="x.pdf",
        size_bytes=1,
        sha256="x",
    )


async def _run(settings: CommonSettings, handle, body_events, db: asyncpg.Pool, until, wait_seconds=30.0):
    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.ocr_consumer(ack_wait=5, max_deliver=settings.max_deliver)
        runtime.subscribe(spec, InvoiceUploaded, handle)

    _, runtime = create_service_app("bus-test", settings, wire)
    await runtime.start()
    await runtime.broker.start()
    try:
        for event in body_events:
            await publish_event(
                runtime.broker, event, runtime.topology.invoice_uploaded, runtime.topology.stream, "corr-1"
            )
        deadline = asyncio.get_running_loop().time() + wait_seconds
        while not await until():
            assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
            await asyncio.sleep(0.2)
    finally:
        await runtime.broker.stop()
        await runtime.stop()


@pytest.fixture
def settings(database_url: str, nats_url: str, namespace: str) -> CommonSettings:
    return CommonSettings(
        database_url=database_url,
        nats_url=nats_url,
        invoiceme_namespace=namespace,
        max_deliver=3,
        log_format="console",
    )


class TestDelivery:
    """How a consumer settles each message."""

    async def test_transient_errors_are_retried_until_success(self, settings, db):
        tenant_id, invoice_id = await _make_invoice(db)
        attempts: list[int] = []

        async def flaky(event: InvoiceUploaded, msg: NatsMessage) -> None:
            attempts.append(msg.raw_message.metadata.num_delivered)
            if len(attempts) < 3:
                raise ConnectionError("database blinked")

        async def done() -> bool:
            return len(attempts) >= 3

        await _run(settings, flaky, [_event(tenant_id, invoice_id)], db, done)
        assert attempts == [1, 2, 3]
        assert await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id) == "received"
        assert await db.fetchval("SELECT count(*) FROM dead_letters WHERE invoice_id = $1", invoice_id) == 0

    async def test_permanent_failure_fails_the_invoice_at_once(self, settings, db):
        tenant_id, invoice_id = await _make_invoice(db)
        calls: list[int] = []

        async def refuse(event: InvoiceUploaded, msg: NatsMessage) -> None:
            calls.append(1)
            raise PermanentFailure("the PDF is encrypted with a password")

        async def failed() -> bool:
            return await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id) == "failed"

        await _run(settings, refuse, [_event(tenant_id, invoice_id)], db, failed)
        row = await db.fetchrow("SELECT error FROM invoices WHERE id = $1", invoice_id)
        assert row["error"] == "the PDF is encrypted with a password"
        letter = await db.fetchrow("SELECT * FROM dead_letters WHERE invoice_id = $1", invoice_id)
        assert letter["attempts"] == 1 and letter["payload"]["storage_key"] == "k"
        await asyncio.sleep(1)
        assert calls == [1]  # acknowledged, not redelivered

    async def test_last_attempt_gives_up_with_the_reason(self, settings, db):
        tenant_id, invoice_id = await _make_invoice(db)

        async def always_broken(event: InvoiceUploaded, msg: NatsMessage) -> None:
            raise RuntimeError("tesseract crashed")

        async def failed() -> bool:
            return await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id) == "failed"

        await _run(settings, always_broken, [_event(tenant_id, invoice_id)], db, failed)
        error = await db.fetchval("SELECT error FROM invoices WHERE id = $1", invoice_id)
        assert error == "gave up after 3 attempts: RuntimeError: tesseract crashed"
        history = await db.fetch(
            "SELECT status FROM invoice_status_history WHERE invoice_id = $1 ORDER BY id", invoice_id
        )
        assert [r["status"] for r in history] == ["failed"]

    async def test_an_undecodable_message_becomes_a_dead_letter(self, settings, db, nats_url):

        seen: list[int] = []

        async def handle(event: InvoiceUploaded, msg: NatsMessage) -> None:
            seen.append(1)

        async def lettered() -> bool:
            return (
                await db.fetchval(
                    "SELECT count(*) FROM dead_letters WHERE consumer = $1",
                    f"{settings.invoiceme_namespace}-ocr",
                )
                == 1
            )

        nc = await nats.connect(nats_url)
        topology = Topology(settings.invoiceme_namespace)
        await ensure_stream(nc.jetstream(), topology)
        await nc.jetstream().publish(topology.invoice_uploaded, b'{"not": "an event"}')
        await nc.close()
        await _run(settings, handle, [], db, lettered)
        letter = await db.fetchrow(
            "SELECT error, payload FROM dead_letters WHERE consumer = $1",
            f"{settings.invoiceme_namespace}-ocr",
        )
        assert "unreadable InvoiceUploaded message" in letter["error"]
        assert letter["payload"] == {"raw": '{"not": "an event"}'}
        assert seen == []


async def test_a_replayed_dead_letter_is_delivered_again(settings, db):
    from invoiceme_cli.dead_letters_cmd import replay_dead_letters

    tenant_id, invoice_id = await _make_invoice(db)
    calls: list[str] = []

    async def fails_until_fixed(event: InvoiceUploaded, msg: NatsMessage) -> None:
        calls.append(msg.headers.get("correlation_id", ""))
        if len(calls) == 1:
            raise PermanentFailure("tesseract language data missing")

    async def replayed_and_handled() -> bool:
        letter_id = await db.fetchval(
            "SELECT id FROM dead_letters WHERE invoice_id = $1 AND replayed_at IS NULL", invoice_id
        )
        if letter_id is not None:
            assert await replay_dead_letters(settings, [letter_id]) == 0
        return len(calls) == 2

    await _run(settings, fails_until_fixed, [_event(tenant_id, invoice_id)], db, replayed_and_handled)
    assert calls[1].startswith("replay-")
    assert await db.fetchval(
        "SELECT replayed_at IS NOT NULL FROM dead_letters WHERE invoice_id = $1", invoice_id
    )


class TestOutages:
    """An outage never costs a message: it waits, however many deliveries that takes."""

    async def test_an_outage_does_not_use_up_attempts(self, settings, db):
        tenant_id, invoice_id = await _make_invoice(db)
        attempts: list[int] = []

        async def database_away(event: InvoiceUploaded, msg: NatsMessage) -> None:
            attempts.append(msg.raw_message.metadata.num_delivered)
            if len(attempts) <= 3:  # as many deliveries as max_deliver (3) allows failures
                raise ConnectionRefusedError("connect call failed ('127.0.0.1', 5432)")

        async def done() -> bool:
            return len(attempts) >= 4

        # Redeliveries follow the consumer's server-side backoff (5, 10, 20 s with ack_wait 5).
        await _run(settings, database_away, [_event(tenant_id, invoice_id)], db, done, wait_seconds=90)
        assert attempts == [1, 2, 3, 4]
        assert await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id) == "received"
        assert await db.fetchval("SELECT count(*) FROM dead_letters WHERE invoice_id = $1", invoice_id) == 0

    async def test_a_give_up_that_cannot_be_stored_keeps_the_message(self, settings, db):
        """The dead letter could not be written (Postgres down) on the last allowed attempt: the
        message must come back until it can be, instead of vanishing (issue 11)."""
        tenant_id, invoice_id = await _make_invoice(db)
        give_ups: list[int] = []

        def wire(runtime: ServiceRuntime) -> None:
            spec = runtime.topology.ocr_consumer(ack_wait=5, max_deliver=2)
            runtime.consumers.append(spec)

            async def broken(event: InvoiceUploaded, msg: NatsMessage) -> None:
                raise RuntimeError("tesseract crashed")

            async def give_up(
                event: InvoiceUploaded | None, payload: dict, reason: str, attempts: int
            ) -> None:
                give_ups.append(attempts)
                if len(give_ups) <= 2:
                    raise ConnectionRefusedError("database down")
                await fail_invoice(runtime.pool, DeadLetter.of(spec, event, payload, reason, attempts))

            subscribe_durable(runtime.broker, runtime.topology, spec, InvoiceUploaded, broken, give_up)

        _, runtime = create_service_app("bus-test", settings, wire)
        await runtime.start()
        await runtime.broker.start()
        try:
            topology = runtime.topology
            event = _event(tenant_id, invoice_id)
            await publish_event(runtime.broker, event, topology.invoice_uploaded, topology.stream)
            for _ in range(300):
                if await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id) == "failed":
                    break
                await asyncio.sleep(0.2)
        finally:
            await runtime.broker.stop()
            await runtime.stop()
        assert give_ups[:3] == [2, 3, 4]  # JetStream deliveries: it kept coming back past max_deliver
        letters = await db.fetch(
            "SELECT attempts, event_id FROM dead_letters WHERE invoice_id = $1", invoice_id
        )
        assert [(r["attempts"], r["event_id"]) for r in letters] == [(4, event.event_id)]
