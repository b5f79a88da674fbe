"""Composition helpers for the FastStream services (ocr, extractor, analytics).

`ServiceRuntime` holds what handlers need (pool, storage, broker, topology), filled in at start-up:
nothing connects at import time. `subscribe()` registers a durable pull consumer whose delivery is
settled by `bus.settle` (manual ack, backoff, dead letter + failed status when giving up). Every
runtime also runs an outbox relay, so events written by any process get published while any
service is up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

import asyncpg
import nats
from faststream import AckPolicy, FastStream
from faststream.nats import JStream, NatsBroker, NatsMessage, PullSub
from nats.aio.client import Client as NatsClient

from . import outbox
from .bus import (
    DeliveryPolicy,
    E,
    GiveUp,
    is_outage,
    make_broker,
    nats_servers,
    prepare_jetstream,
    settle,
)
from .db import create_pool, migrate
from .events import Event
from .invoice_store import DeadLetter, count_failure, fail_invoice, record_dead_letter
from .logging import configure_logging, get_logger
from .ops_server import start_ops_server
from .outbox import OutboxRelay
from .redrive import reconcile
from .settings import CommonSettings
from .storage import ObjectStorage, open_storage
from .topology import ConsumerSpec, Topology
from .worker_health import health_report, sample_lag

log = get_logger(__name__)
# Subscriber title ("<durable>:<subject>") -> the event model its messages carry.
SUBSCRIBED_MODELS: dict[str, type[Event]] = {}


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
    _reconciler: asyncio.Task[None] | None = None
    _lag_sampler: asyncio.Task[None] | None = None
    _ops_server: asyncio.Server | None = None

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
        # Started while Postgres or NATS is still coming up (or a cluster still elects its leader):
        # wait for them rather than exit.
        await until_reachable(f"{self.name}: migrations", lambda: migrate(settings.database_url))
        await until_reachable(
            f"{self.name}: streams and consumers",
            lambda: prepare_jetstream(
                settings.nats_url, self.topology, self.consumers, settings.nats_credentials_file
            ),
        )
        self._pool = await create_pool(
            settings.database_url,
            settings.db_pool_min,
            settings.db_pool_max,
            command_timeout=settings.db_command_timeout_seconds,
        )
        # A connection of our own for the object store and the outbox relay, ready before
        # subscribers start consuming.
        self._nc = await nats.connect(
            nats_servers(settings.nats_url),
            max_reconnect_attempts=-1,
            user_credentials=settings.nats_credentials_file,
        )
        js = self._nc.jetstream()
        topology = self.topology
        self._storage = open_storage(
            settings, js, topology.originals_bucket, config=topology.object_store_config()
        )
        self._relay = OutboxRelay(
            self._pool, js, self.topology.stream, settings.database_url, settings.outbox_poll_seconds
        )
        self._relay.start()
        if settings.reconcile_every_seconds > 0:
            self._reconciler = asyncio.create_task(self._reconcile_forever(), name="reconciler")
        self._lag_sampler = asyncio.create_task(self._sample_lag_forever(), name="lag-sampler")
        if settings.metrics_port:
            try:
                self._ops_server = await start_ops_server(settings.metrics_port, self.health)
            except OSError as error:  # port taken: keep processing invoices, say so loudly
                log.error("metrics_port_unavailable", port=settings.metrics_port, error=str(error))

    async def _sample_lag_forever(self) -> None:
        durables = [spec.durable for spec in self.consumers]
        while True:
            if self._nc is not None:
                await sample_lag(self._nc, self.topology.stream, durables, {})
            await asyncio.sleep(self.settings.lag_sample_seconds)

    async def health(self) -> dict[str, Any]:
        """What GET /health on METRICS_PORT answers (see worker_health.health_report)."""
        durables = [spec.durable for spec in self.consumers]
        return await health_report(self.name, self._nc, self._pool, self.topology.stream, durables)

    async def _reconcile_forever(self) -> None:
        """Every service runs this; FOR UPDATE SKIP LOCKED and the re-drive timestamp keep two
        reconcilers from re-driving the same invoice twice."""
        settings = self.settings
        while True:
            await asyncio.sleep(settings.reconcile_every_seconds)
            try:
                redriven = await reconcile(self.pool, self.topology, settings.reconcile_after_seconds)
                if settings.outbox_retention_days > 0:
                    await outbox.prune(self.pool, settings.outbox_retention_days)
            except Exception as error:  # Postgres away: next time
                log.warning("reconcile_failed", error=f"{type(error).__name__}: {error}")
                continue
            if redriven:
                log.warning("invoices_redriven", count=len(redriven), invoice_ids=[str(i) for i in redriven])

    async def stop(self) -> None:
        if self._ops_server is not None:
            self._ops_server.close()
        for task in (self._reconciler, self._lag_sampler):
            if task is not None:
                task.cancel()
        if self._relay is not None:
            await self._relay.stop()
        if self._storage is not None:
            await self._storage.close()
        if self._pool is not None:
            await self._pool.close()
        if self._nc is not None:
            await self._nc.drain()


async def until_reachable(
    what: str, attempt: Callable[[], Awaitable[object]], give_up_after: float = 300.0
) -> None:
    """Retry `attempt` while it fails with an outage (see bus.is_outage), up to `give_up_after` s."""
    loop = asyncio.get_running_loop()
    deadline, wait = loop.time() + give_up_after, 0.5
    while True:
        try:
            await attempt()
            return
        except Exception as error:
            if not is_outage(error) or loop.time() > deadline:
                raise
            log.warning("waiting_for_dependency", step=what, error=f"{type(error).__name__}: {error}")
            await asyncio.sleep(wait)
            wait = min(wait * 2, 10.0)


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
    title = f"{spec.durable}:{spec.subject}"
    # The handler takes the raw message (settle decodes it), so FastStream cannot see the payload's
    # type: the AsyncAPI generator (invoiceme_cli.asyncapi_cmd) reads it from here.
    SUBSCRIBED_MODELS[title] = model
    broker.subscriber(
        spec.subject,
        stream=JStream(topology.stream, declare=False),
        durable=spec.durable,
        pull_sub=PullSub(batch_size=1, timeout=5.0),
        ack_policy=AckPolicy.MANUAL,
        max_workers=max_workers,
        title=title,
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
        broker=make_broker(settings.nats_url, name, settings.nats_credentials_file),
    )
    wire(runtime)
    app = FastStream(runtime.broker, logger=logging.getLogger(f"invoiceme.{name}"))
    app.on_startup(runtime.start)
    app.after_shutdown(runtime.stop)  # after the broker stopped: in-flight handlers keep their pool
    return app, runtime
