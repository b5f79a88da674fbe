"""Helpers every FastStream service uses: broker construction, log context, publishing, delivery.

Delivery policy (chosen on purpose; FastStream's default would terminate a failed message):
every subscriber uses `AckPolicy.MANUAL` and `settle()` decides:
- success -> ack;
- `PermanentFailure` (the input itself is bad) or an undecodable message -> give up now;
- any other exception -> nak with exponential backoff + jitter, until the last allowed delivery,
  then give up. Giving up records a dead letter and marks the invoice `failed` with the reason.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import nats
import structlog
from faststream import BaseMiddleware
from faststream.nats import NatsBroker, NatsMessage
from pydantic import ValidationError

from .events import Event
from .logging import bound_context, get_logger
from .topology import ConsumerSpec, Topology, ensure_consumer, ensure_stream

HEADER_TENANT = "x-tenant-id"
HEADER_INVOICE = "x-invoice-id"
_DERIVED_EVENT_NS = uuid.UUID("6f1c1d2e-8a55-4c1e-9d6e-1b0c2f9a7e31")
E = TypeVar("E", bound=Event)
log = get_logger(__name__)


class PermanentFailure(Exception):
    """The input itself is unusable (not a document, encrypted, ...): retrying cannot help."""


class LogContextMiddleware(BaseMiddleware):
    """Binds correlation_id, tenant_id and invoice_id to every log line of a message's handling."""

    async def consume_scope(self, call_next: Any, msg: Any) -> Any:
        headers = msg.headers or {}
        with bound_context(
            correlation_id=msg.correlation_id,
            tenant_id=headers.get(HEADER_TENANT),
            invoice_id=headers.get(HEADER_INVOICE),
        ):
            return await call_next(msg)


def make_broker(nats_url: str, service: str) -> NatsBroker:
    return NatsBroker(
        nats_url,
        logger=logging.getLogger(f"invoiceme.{service}.broker"),
        # FastStream's own per-message lines are written before our context is bound; keep them at
        # DEBUG and log received/settled ourselves with correlation, tenant and invoice ids.
        log_level=logging.DEBUG,
        middlewares=[LogContextMiddleware],
        max_reconnect_attempts=-1,
    )


async def prepare_jetstream(nats_url: str, topology: Topology, consumers: list[ConsumerSpec]) -> None:
    """Declare the stream and bring durable consumers' config up to date before subscribers bind."""
    nc = await nats.connect(nats_url, connect_timeout=5)
    try:
        js = nc.jetstream()
        await ensure_stream(js, topology)
        for spec in consumers:
            await ensure_consumer(js, topology.stream, spec)
    finally:
        await nc.close()


def derived_event_id(source_event_id: uuid.UUID, stage: str) -> uuid.UUID:
    """Same input event + stage -> same output event id, so a retried hop publishes a duplicate
    that JetStream drops (Nats-Msg-Id) and consumers recognise."""
    return uuid.uuid5(_DERIVED_EVENT_NS, f"{source_event_id}:{stage}")


async def publish_event(
    broker: NatsBroker, event: Event, subject: str, stream: str, correlation_id: str | None = None
) -> None:
    """Publish with tenant/invoice headers and dedup id. The correlation id defaults to the one bound
    to the current request or message, so it travels from the upload to analytics."""
    await broker.publish(
        event,
        subject,
        stream=stream,
        correlation_id=correlation_id or structlog.contextvars.get_contextvars().get("correlation_id"),
        headers={
            HEADER_TENANT: str(event.tenant_id),
            HEADER_INVOICE: str(event.invoice_id),
            "Nats-Msg-Id": str(event.event_id),
        },
    )


def retry_delay(attempt: int, base: float = 2.0, cap: float = 60.0) -> float:
    """Exponential backoff with full jitter for the next delivery after `attempt` failed ones."""
    ceiling = min(cap, base * 2 ** max(0, attempt - 1))
    return random.uniform(ceiling / 2, ceiling)


@asynccontextmanager
async def keep_alive(msg: NatsMessage, every_seconds: float) -> AsyncIterator[None]:
    """Tell JetStream we are still working so a long job is not redelivered mid-work."""

    async def ping() -> None:
        while True:
            await asyncio.sleep(every_seconds)
            try:
                await msg.in_progress()
            except Exception as error:  # a connection blip must not end the pings (or the work)
                log.warning("in_progress_failed", error=str(error))

    task = asyncio.create_task(ping())
    try:
        yield
    finally:
        task.cancel()


GiveUp = Callable[[E | None, dict[str, Any], str, int], Awaitable[None]]


async def settle(
    msg: NatsMessage,
    model: type[E],
    handle: Callable[[E, NatsMessage], Awaitable[None]],
    give_up: GiveUp[E],
    max_deliver: int,
) -> None:
    attempt = msg.raw_message.metadata.num_delivered or 1
    try:
        event = model.model_validate_json(msg.body)
    except ValidationError as exc:
        await _give_up_safely(msg, give_up, None, f"unreadable {model.__name__} message: {exc}", attempt)
        return
    with bound_context(tenant_id=event.tenant_id, invoice_id=event.invoice_id, attempt=attempt):
        log.info("message_received", subject=msg.raw_message.subject, event_type=model.__name__)
        started = time.perf_counter()
        try:
            await handle(event, msg)
        except PermanentFailure as exc:
            log.warning("message_failed_permanently", error=str(exc))
            await _give_up_safely(msg, give_up, event, str(exc), attempt)
        except Exception as exc:
            if attempt >= max_deliver:
                log.error("message_failed_last_attempt", error=str(exc), exc_info=True)
                reason = f"gave up after {attempt} attempts: {type(exc).__name__}: {exc}"
                await _give_up_safely(msg, give_up, event, reason, attempt)
            else:
                delay = retry_delay(attempt)
                log.warning("message_failed_will_retry", error=str(exc), retry_in_s=round(delay, 1))
                await msg.nack(delay=delay)
        else:
            await msg.ack()
            log.info("message_done", seconds=round(time.perf_counter() - started, 3))


async def _give_up_safely(
    msg: NatsMessage, give_up: GiveUp[Any], event: Event | None, reason: str, attempt: int
) -> None:
    payload: dict[str, Any]
    try:
        payload = event.model_dump(mode="json") if event else {"raw": msg.body.decode("utf-8", "replace")}
        await give_up(event, payload, reason, attempt)
    except Exception:
        # Could not even record the failure (database down?): let JetStream redeliver later.
        log.exception("give_up_failed")
        await msg.nack(delay=retry_delay(attempt))
        return
    await msg.ack()
