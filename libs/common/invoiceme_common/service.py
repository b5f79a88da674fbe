"""Composition helpers for the FastStream services (ocr, extractor, analytics).

`ServiceRuntime` holds what handlers need (pool, storage, broker, topology), filled in at start-up:
nothing connects at import time. `subscribe()` registers a durable pull consumer whose delivery is
settled by `bus.settle` (manual ack, backoff, dead letter + failed status when giving up).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import nats
from faststream import AckPolicy, FastStream
from faststream.nats import JStream, NatsBroker, NatsMessage, PullSub
from nats.aio.client import Client as NatsClient

from .bus import E, GiveUp, make_broker, prepare_jetstream, settle
from .db import create_pool, migrate
from .invoice_store import DeadLetter, fail_invoice
from .logging import configure_logging
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
    ) -> None:
        self.consumers.append(spec)

        async def give_up(event: E | None, payload: dict[str, Any], reason: str, attempts: int) -> None:
            await fail_invoice(self.pool, DeadLetter.of(spec, event, payload, reason, attempts))

        subscribe_durable(self.broker, self.topology, spec, model, handle, give_up, max_workers)

    async def start(self) -> None:
        settings = self.settings
        await migrate(settings.database_url)
        await prepare_jetstream(settings.nats_url, self.topology, self.consumers)
        self._pool = await create_pool(settings.database_url, settings.db_pool_min, settings.db_pool_max)
        # A connection of our own for the object store, ready before subscribers start consuming.
        self._nc = await nats.connect(settings.nats_url, max_reconnect_attempts=-1)
        self._storage = open_storage(settings, self._nc.jetstream(), self.topology.originals_bucket)

    async def stop(self) -> None:
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
    give_up: GiveUp[E],
    max_workers: int = 1,
) -> None:
    """A durable pull consumer with manual acks, settled by `bus.settle`. Declare it first
    (`prepare_jetstream` / `ensure_consumer`): binding does not update an existing config."""

    async def on_message(msg: NatsMessage) -> None:
        await settle(msg, model, handle, give_up, spec.max_deliver)

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
        topology=Topology(settings.invoiceme_namespace),
        broker=make_broker(settings.nats_url, name),
    )
    wire(runtime)
    app = FastStream(runtime.broker, logger=logging.getLogger(f"invoiceme.{name}"))
    app.on_startup(runtime.start)
    app.after_shutdown(runtime.stop)  # after the broker stopped: in-flight handlers keep their pool
    return app, runtime
