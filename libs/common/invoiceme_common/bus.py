"""Helpers every FastStream service uses: broker construction, log context, publishing, delivery.

Delivery policy (chosen on purpose; FastStream's default would terminate a failed message):
every subscriber uses `AckPolicy.MANUAL` and `settle()` decides:
- success -> ack;
- `PermanentFailure` (the input itself is bad) or an undecodable message -> give up now;
- an outage of Postgres, NATS or the network -> nak with capped backoff, for as long as it lasts;
- any other exception -> nak with exponential backoff + jitter, counted per message; after
  `max_failures` give up. Giving up stores a dead letter (and, for a pipeline hop, marks the invoice
  `failed` with the reason) BEFORE the message is settled; if that cannot be stored, the message stays.
JetStream's own max_deliver is unlimited, because a NAK on the last allowed delivery is final.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import asyncpg
import nats
import nats.errors
import nats.js.errors
import structlog
from faststream import BaseMiddleware
from faststream.nats import NatsBroker, NatsMessage
from pydantic import ValidationError

from . import metrics
from .events import Event
from .logging import bound_context, get_logger
from .topology import ConsumerSpec, Topology, ensure_consumer, ensure_stream

HEADER_TENANT = "x-tenant-id"
HEADER_INVOICE = "x-invoice-id"
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


def nats_servers(nats_url: str) -> list[str]:
    """NATS_URL may list several servers of a cluster, comma-separated: any of them will do."""
    return [url.strip() for url in nats_url.split(",") if url.strip()]


def make_broker(nats_url: str, service: str, credentials_file: str | None = None) -> NatsBroker:
    return NatsBroker(
        nats_servers(nats_url),
        user_credentials=credentials_file,
        logger=logging.getLogger(f"invoiceme.{service}.broker"),
        # FastStream's own per-message lines are written before our context is bound; keep them at
        # DEBUG and log received/settled ourselves with correlation, tenant and invoice ids.
        log_level=logging.DEBUG,
        middlewares=[LogContextMiddleware],
        max_reconnect_attempts=-1,
    )


async def prepare_jetstream(
    nats_url: str, topology: Topology, consumers: list[ConsumerSpec], credentials_file: str | None = None
) -> None:
    """Declare the stream and bring durable consumers' config up to date before subscribers bind."""
    nc = await nats.connect(nats_servers(nats_url), connect_timeout=5, user_credentials=credentials_file)
    try:
        js = nc.jetstream()
        await ensure_stream(js, topology)
        for spec in consumers:
            await ensure_consumer(js, topology.stream, spec)
    finally:
        await nc.close()


# How long to wait for JetStream's ack, as the outbox relay does. FastStream's default (0.5 s) fails
# publishes on a busy 2-core machine; a failed one is retried by redelivery, but needlessly.
PUBLISH_ACK_TIMEOUT_SECONDS = 5.0


async def publish_event(
    broker: NatsBroker, event: Event, subject: str, stream: str, correlation_id: str | None = None
) -> None:
    """Publish with tenant/invoice headers and dedup id. The correlation id defaults to the one bound
    to the current request or message, so it travels from the upload to analytics."""
    await broker.publish(
        event,
        subject,
        stream=stream,
        timeout=PUBLISH_ACK_TIMEOUT_SECONDS,
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
CountFailure = Callable[[E, str], Awaitable[int]]

# An outage of something we depend on (Postgres, NATS, the object store, the network), as opposed
# to a fault of this message: the message waits for the outage to end and never counts as failed.
_OUTAGE_TYPES: tuple[type[BaseException], ...] = (
    ConnectionError,  # refused / reset / broken pipe
    TimeoutError,  # asyncio's and nats' timeouts too (a paused Postgres answers nothing)
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CrashShutdownError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    nats.errors.ConnectionClosedError,
    nats.errors.ConnectionReconnectingError,
    nats.errors.NoRespondersError,
    nats.errors.NoServersError,
    nats.errors.StaleConnectionError,
    nats.errors.TimeoutError,
    nats.js.errors.ServiceUnavailableError,
)


def is_outage(error: BaseException) -> bool:
    """True when the error (or one it was raised from) says a dependency is unreachable."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, _OUTAGE_TYPES):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@dataclass(frozen=True)
class DeliveryPolicy:
    """How a consumer treats a message it could not handle.

    JetStream's own `max_deliver` is unlimited (a NAK on the last allowed delivery would be final and
    lose the message); this policy gives up instead, and only once the dead letter is stored:
    - an outage (see `is_outage`) is retried with capped backoff for as long as it lasts;
    - any other error counts as a failure of this message (`count_failure`, stored in Postgres, so
      outages and crashes do not use up attempts); after `max_failures` of them, `give_up`.
    """

    max_failures: int
    give_up: GiveUp[Any]
    count_failure: CountFailure[Any] | None = None  # None: count JetStream deliveries instead
    retry_cap_seconds: float = 300.0


async def settle(
    msg: NatsMessage,
    model: type[E],
    handle: Callable[[E, NatsMessage], Awaitable[None]],
    policy: DeliveryPolicy,
) -> None:
    attempt = msg.raw_message.metadata.num_delivered or 1
    subject = msg.raw_message.subject
    stage = msg.raw_message.metadata.consumer or subject
    if attempt > 1:
        metrics.REDELIVERED.labels(subject).inc()
    started = time.perf_counter()
    outcome = await _settle(msg, model, handle, policy, attempt)
    metrics.MESSAGES.labels(subject, outcome).inc()
    metrics.HANDLER_SECONDS.labels(stage).observe(time.perf_counter() - started)


async def _settle(
    msg: NatsMessage,
    model: type[E],
    handle: Callable[[E, NatsMessage], Awaitable[None]],
    policy: DeliveryPolicy,
    attempt: int,
) -> str:
    """Handle and settle one message; returns the outcome counted in `invoiceme_messages_total`."""
    try:
        event = model.model_validate_json(msg.body)
    except ValidationError as exc:
        await _give_up_safely(msg, policy, None, f"unreadable {model.__name__} message: {exc}", attempt)
        return "failed"
    with bound_context(tenant_id=event.tenant_id, invoice_id=event.invoice_id, attempt=attempt):
        log.info("message_received", subject=msg.raw_message.subject, event_type=model.__name__)
        started = time.perf_counter()
        try:
            await handle(event, msg)
        except PermanentFailure as exc:
            log.warning("message_failed_permanently", error=str(exc))
            metrics.record_error(msg.raw_message.subject, f"{type(exc).__name__}: {exc}")
            await _give_up_safely(msg, policy, event, str(exc), attempt)
            return "failed"
        except Exception as exc:
            return await _after_error(msg, policy, event, exc, attempt)
        await _settle_quietly(msg.ack())
        log.info("message_done", seconds=round(time.perf_counter() - started, 3))
        return "processed"


async def _after_error(
    msg: NatsMessage, policy: DeliveryPolicy, event: Event, exc: Exception, attempt: int
) -> str:
    error = f"{type(exc).__name__}: {exc}"
    metrics.record_error(msg.raw_message.subject, error)
    if is_outage(exc):
        delay = retry_delay(attempt, cap=policy.retry_cap_seconds)
        log.warning("message_waits_for_outage", error=error, retry_in_s=round(delay, 1))
        await _settle_quietly(msg.nack(delay=delay))
        return "waiting"
    try:
        failures = await policy.count_failure(event, error) if policy.count_failure else attempt
    except Exception as count_error:  # could not even count it: the database is away, wait
        log.warning("failure_not_counted", error=str(count_error))
        await _settle_quietly(msg.nack(delay=retry_delay(attempt, cap=policy.retry_cap_seconds)))
        return "waiting"
    if failures >= policy.max_failures:
        log.error("message_failed_last_attempt", error=str(exc), exc_info=True)
        await _give_up_safely(msg, policy, event, f"gave up after {failures} attempts: {error}", failures)
        return "failed"
    delay = retry_delay(failures, cap=policy.retry_cap_seconds)
    log.warning("message_failed_will_retry", error=str(exc), failures=failures, retry_in_s=round(delay, 1))
    await _settle_quietly(msg.nack(delay=delay))
    return "retried"


async def _give_up_safely(
    msg: NatsMessage, policy: DeliveryPolicy, event: Event | None, reason: str, attempt: int
) -> None:
    """Store the dead letter first; only then settle. If it cannot be stored, the message stays."""
    payload: dict[str, Any]
    try:
        payload = event.model_dump(mode="json") if event else {"raw": msg.body.decode("utf-8", "replace")}
        await policy.give_up(event, payload, reason, attempt)
    except Exception:
        # Could not record the failure (database down?): JetStream redelivers it later (its own
        # max_deliver is unlimited, so this NAK is never the last word).
        log.exception("give_up_failed")
        await _settle_quietly(msg.nack(delay=retry_delay(attempt, cap=policy.retry_cap_seconds)))
        return
    await _settle_quietly(msg.ack())


async def _settle_quietly(settling: Awaitable[Any]) -> None:
    """An ack/nak lost to a NATS blip is not an error of the message: it is simply redelivered
    after ack_wait, and every handler is idempotent."""
    try:
        await settling
    except Exception as error:
        log.warning("settle_failed", error=str(error))
