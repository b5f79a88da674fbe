"""Composition helpers for the FastStream services (ocr, extractor, analytics).

`ServiceRuntime` holds what handlers need (pool, storage, broker, topology), filled in at start-up:
nothing connects at import time. `subscribe()` registers a durable pull consumer whose delivery is
settled by `bus.settle` (manual ack, backoff, dead letter + failed status when giving up). Every
runtime also runs an outbox relay, so events written by any process get published while any
service is up.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

import asyncpg
import nats
from faststream import AckPolicy, FastStream
from faststream.nats import JStream, NatsBroker, NatsMessage, PullSub
from nats.aio.client import Client as NatsClient

from .bus import DeliveryPolicy, E, GiveUp, make_broker, nats_servers, prepare_jetstream, settle
from .db import create_pool, migrate
from .events import Event
from .invoice_store import DeadLetter, count_failure, fail_invoice, record_dead_letter
from .logging import configure_logging
from .outbox import OutboxRelay
from .settings import CommonSettings
from .storage import ObjectStorage, open_storage
from .topology import ConsumerSpec, Topology


@dataclass
class ServiceRuntime:
    name: str
    settings: CommonSettings
    topology: Topology
    broker: NatsBroker
    consumers: list[ConsumerSpec] = field(default_factory=list)
    _pool: asyncpg.Pool | None = None
    _storage: ObjectStorage | None = None
    _nc: NatsClient | None = None
    _relay: OutboxRelay | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError(f"{self.name}: database pool used before start-up")
        return self._pool

    @property
    def storage(self) -> ObjectStorage:
        if self._storage is None:
            raise RuntimeError(f"{self.name}: storage used before start-up")
        return self._storage

    def subscribe(
        self,
        spec: ConsumerSpec,
        model: type[E],
        handle: Callable[[E, NatsMessage], Awaitable[None]],
        max_workers: int = 1,
        fails_invoice: bool = True,
    ) -> None:
        """`fails_invoice=False` for projections: giving up keeps the dead letter but never marks
        the user's invoice failed (analytics being stuck says nothing about the document)."""
        # Crash redeliveries back off up to the same cap as retries (RETRY_BACKOFF_CAP_SECONDS).
        spec = replace(spec, backoff_cap_seconds=self.settings.retry_backoff_cap_seconds)
        self.consumers.append(spec)

        async def give_up(event: E | None, payload: dict[str, Any], reason: str, attempts: int) -> None:
            letter = DeadLetter.of(spec, event, payload, reason, attempts)
            if fails_invoice:
                await fail_invoice(self.pool, letter)
            else:
                await record_dead_letter(self.pool, letter)

        async def count(event: Event, error: str) -> int:
            return await count_failure(self.pool, spec.durable, event.event_id, error)

        policy = DeliveryPolicy(spec.max_deliver, give_up, count, self.settings.retry_backoff_cap_seconds)
        subscribe_durable(self.broker, self.topology, spec, model, handle, policy, max_workers)

    async def start(self) -> None:
        settings = self.settings
        await migrate(settings.database_url)
        await prepare_jetstream(settings.nats_url, self.topology, self.consumers)
        self._pool = await create_pool(
            settings.database_url,
            settings.db_pool_min,
            settings.db_pool_max,
            command_timeout=settings.db_command_timeout_seconds,
        )
        # A connection of our own for the object store and the outbox relay, ready before
        # subscribers start consuming.
        self._nc = await nats.connect(nats_servers(settings.nats_url), max_reconnect_attempts=-1)
        js = self._nc.jetstream()
        topology = self.topology
        self._storage = open_storage(
            settings, js, topology.originals_bucket, config=topology.object_store_config()
        )
        self._relay = OutboxRelay(
            self._pool, js, self.topology.stream, settings.database_url, settings.outbox_poll_seconds
        )
        self._relay.start()

    async def stop(self) -> None:
        if self._relay is not None:
            await self._relay.stop()
        if self._storage is not None:
            await self._storage.close()
        if self._pool is not None:
            await self._pool.close()
        if self._nc is not None:
            await self._nc.drain()


def subscribe_durable(
    broker: NatsBroker,
    topology: Topology,
    spec: ConsumerSpec,
    model: type[E],
    handle: Callable[[E, NatsMessage], Awaitable[None]],
    give_up: GiveUp[E] | DeliveryPolicy,
    max_workers: int = 1,
) -> None:
    """A durable pull consumer with manual acks, settled by `bus.settle`. Declare it first
    (`prepare_jetstream` / `ensure_consumer`): binding does not update an existing config.
    A bare `give_up` counts failures by JetStream deliveries (outages still never count)."""
    policy = give_up if isinstance(give_up, DeliveryPolicy) else DeliveryPolicy(spec.max_deliver, give_up)

    async def on_message(msg: NatsMessage) -> None:
        await settle(msg, model, handle, policy)

    on_message.__name__ = f"on_{spec.subject.rsplit('.', 1)[-1]}"
    broker.subscriber(
        spec.subject,
        stream=JStream(topology.stream, declare=False),
        durable=spec.durable,
        pull_sub=PullSub(batch_size=1, timeout=5.0),
        ack_policy=AckPolicy.MANUAL,
        max_workers=max_workers,
        title=f"{spec.durable}:{spec.subject}",
        description=model.__doc__,
    )(on_message)


def create_service_app(
    name: str, settings: CommonSettings, wire: Callable[[ServiceRuntime], None]
) -> tuple[FastStream, ServiceRuntime]:
    """Build a FastStream app for one service; `wire` registers its handlers on the runtime."""
    configure_logging(name, settings.log_level, settings.log_format)
    runtime = ServiceRuntime(
        name=name,
        settings=settings,
        topology=settings.topology(),
        broker=make_broker(settings.nats_url, name),
    )
    wire(runtime)
    app = FastStream(runtime.broker, logger=logging.getLogger(f"invoiceme.{name}"))
    app.on_startup(runtime.start)
    app.after_shutdown(runtime.stop)  # after the broker stopped: in-flight handlers keep their pool
    return app, runtime
