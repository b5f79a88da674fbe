"""bus.settle decides each message's fate; called directly with a fake message (no server)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

from invoiceme_common.bus import DeliveryPolicy, PermanentFailure, settle
from invoiceme_common.events import InvoiceUploaded


class FakeMessage:
    def __init__(self, event: InvoiceUploaded | None, delivered: int = 1) -> None:
        self.body = event.model_dump_json().encode() if event else b"not json"
        metadata = SimpleNamespace(num_delivered=delivered, consumer="c")
        self.raw_message = SimpleNamespace(metadata=metadata, subject="s")
        self.settled: list[tuple[str, Any]] = []

    async def ack(self) -> None:
        self.settled.append(("ack", None))

    async def nack(self, delay: float | None = None) -> None:
        self.settled.append(("nack", delay))


def _event() -> InvoiceUploaded:
    return InvoiceUploaded(
        tenant_id=uuid.uuid4(),
        invoice_id=uuid.uuid4(),
        storage_key="k",
        filename="x",
        size_bytes=1,
        sha256="x",
    )


class Recorder:
    def __init__(self, fail_give_up: bool = False, failures: int = 1) -> None:
        self.given_up: list[str] = []
        self.fail_give_up = fail_give_up
        self.failures = failures

    async def give_up(self, event: Any, payload: dict[str, Any], reason: str, attempts: int) -> None:
        if self.fail_give_up:
            raise ConnectionRefusedError("database down")
        self.given_up.append(reason)

    async def count(self, event: Any, error: str) -> int:
        return self.failures

    def policy(self, max_failures: int = 3) -> DeliveryPolicy:
        return DeliveryPolicy(max_failures, self.give_up, self.count, retry_cap_seconds=30)


def _raising(error: Exception) -> Callable[[InvoiceUploaded, Any], Awaitable[None]]:
    async def handle(event: InvoiceUploaded, msg: Any) -> None:
        raise error

    return handle


class TestSettle:
    """ack on success; outages wait uncounted; failures count; the dead letter comes before the ack."""

    async def test_success_is_acknowledged(self):
        async def ok(event: InvoiceUploaded, msg: Any) -> None:
            return None

        msg = FakeMessage(_event())
        await settle(msg, InvoiceUploaded, ok, Recorder().policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        assert msg.settled == [("ack", None)]

    async def test_an_outage_waits_and_is_never_counted_or_given_up(self):
        recorder = Recorder(failures=99)
        msg = FakeMessage(_event(), delivered=40)
        await settle(msg, InvoiceUploaded, _raising(ConnectionRefusedError("pg")), recorder.policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        [(action, delay)] = msg.settled
        assert action == "nack" and 15 <= delay <= 30 and recorder.given_up == []

    async def test_the_last_failure_stores_the_dead_letter_then_acks(self):
        recorder = Recorder(failures=3)
        msg = FakeMessage(_event())
        await settle(msg, InvoiceUploaded, _raising(RuntimeError("tesseract crashed")), recorder.policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        assert recorder.given_up == ["gave up after 3 attempts: RuntimeError: tesseract crashed"]
        assert msg.settled == [("ack", None)]

    async def test_a_dead_letter_that_cannot_be_stored_keeps_the_message(self):
        recorder = Recorder(fail_give_up=True)
        msg = FakeMessage(_event())
        await settle(msg, InvoiceUploaded, _raising(PermanentFailure("encrypted PDF")), recorder.policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        [(action, delay)] = msg.settled
        assert action == "nack" and delay > 0  # redelivered later: JetStream's max_deliver is out of reach

    async def test_an_earlier_failure_is_retried(self):
        recorder = Recorder(failures=1)
        msg = FakeMessage(_event())
        await settle(msg, InvoiceUploaded, _raising(ValueError("bad")), recorder.policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        assert msg.settled[0][0] == "nack" and recorder.given_up == []

    async def test_an_unreadable_message_is_a_dead_letter_at_once(self):
        recorder = Recorder()
        msg = FakeMessage(None)
        await settle(msg, InvoiceUploaded, _raising(AssertionError()), recorder.policy())  # type: ignore[arg-type]  # a FakeMessage, not a NatsMessage
        assert recorder.given_up[0].startswith("unreadable InvoiceUploaded message")
        assert msg.settled == [("ack", None)]
