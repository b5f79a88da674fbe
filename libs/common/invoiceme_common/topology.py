"""The one place that names every stream, subject, durable consumer and bucket.

Names derive from a namespace (default `invoiceme`) so several installs or test runs can share
a NATS server. Consumers are declared here explicitly because an existing durable consumer keeps
its old config when a subscriber binds to it: `ensure_consumer` updates or recreates it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nats.js import JetStreamContext
from nats.js.api import (
    AckPolicy,
    ConsumerConfig,
    DeliverPolicy,
    DiscardPolicy,
    ObjectStoreConfig,
    StorageType,
    StreamConfig,
)
from nats.js.errors import BadRequestError, NotFoundError

# ~1 year of redeliveries at the longest backoff: the application gives up long before (ConsumerSpec).
JETSTREAM_MAX_DELIVER = 100_000


@dataclass(frozen=True)
class ConsumerSpec:
    durable: str
    subject: str
    ack_wait_seconds: float
    # Failures of one message's handling before the consumer gives up on it (dead letter). Counted by
    # the application (bus.DeliveryPolicy), not by JetStream: see `config()`.
    max_deliver: int
    backoff_cap_seconds: float = 600.0

    def redelivery_backoff(self) -> list[float]:
        """Waits before JetStream redelivers a message nobody acknowledged (a worker crashed or hung):
        the ack wait first, then doubling up to the cap, so a crash loop slows down instead of spinning."""
        waits, wait = [], self.ack_wait_seconds
        while wait < self.backoff_cap_seconds:
            waits.append(wait)
            wait *= 2
        return [*waits, max(self.backoff_cap_seconds, self.ack_wait_seconds)]

    def config(self) -> ConsumerConfig:
        backoff = self.redelivery_backoff()
        return ConsumerConfig(
            durable_name=self.durable,
            filter_subject=self.subject,
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=AckPolicy.EXPLICIT,
            ack_wait=backoff[0],  # the server sets it to the first backoff value anyway
            backoff=backoff,
            # Unlimited in practice: JetStream never redelivers past max_deliver, even after a NAK,
            # so a real limit loses every message whose give-up could not be stored (Postgres down).
            # Not -1: servers before 2.10 refuse -1 together with a backoff list.
            max_deliver=JETSTREAM_MAX_DELIVER,
            max_ack_pending=1000,
        )


@dataclass(frozen=True)
class StorageLimits:
    """What JetStream keeps and on how many servers (from settings; see .env.example).

    The event stream is bounded (age and size; the oldest events go first): once every consumer has
    processed an event it is only history, Postgres holds the state, and a stuck invoice is re-driven
    by the reconciler. The originals bucket is unbounded by default: a user's documents are never
    dropped to make room; with a limit, uploads are refused (503) once it is full.
    """

    stream_max_age_seconds: float = 0.0  # 0: no age limit
    stream_max_bytes: int = -1  # -1: no size limit
    object_store_max_bytes: int = -1
    replicas: int = 1  # copies of the stream and the bucket (a JetStream cluster needs 3 for one loss)


@dataclass(frozen=True)
class Topology:
    namespace: str = "invoiceme"
    limits: StorageLimits = StorageLimits()

    # --- streams and subjects -------------------------------------------------------------
    @property
    def stream(self) -> str:
        return f"{self.namespace.upper()}_INVOICES"

    @property
    def subjects_wildcard(self) -> str:
        return f"{self.namespace}.invoice.>"

    @property
    def invoice_uploaded(self) -> str:
        return f"{self.namespace}.invoice.uploaded"

    @property
    def text_extracted(self) -> str:
        return f"{self.namespace}.invoice.text_extracted"

    @property
    def invoice_saved(self) -> str:
        return f"{self.namespace}.invoice.saved"

    @property
    def invoice_deleted(self) -> str:
        return f"{self.namespace}.invoice.deleted"

    @property
    def tenant_settings_changed(self) -> str:
        # Under `invoice.>` on purpose: the existing stream captures it with no stream change.
        return f"{self.namespace}.invoice.tenant_settings_changed"

    @property
    def insights_refresh_requested(self) -> str:
        """A command, not a fact: a user asked the analytics service for fresh insights now."""
        return f"{self.namespace}.invoice.insights_refresh_requested"

    # --- object store -----------------------------------------------------------------------
    @property
    def originals_bucket(self) -> str:
        return f"{self.namespace}-originals"

    # --- consumers ----------------------------------------------------------------------------
    def ocr_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(f"{self.namespace}-ocr", self.invoice_uploaded, ack_wait, max_deliver)

    def extractor_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(f"{self.namespace}-extractor", self.text_extracted, ack_wait, max_deliver)

    def analytics_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(f"{self.namespace}-analytics", self.invoice_saved, ack_wait, max_deliver)

    def analytics_deleted_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(
            f"{self.namespace}-analytics-deleted", self.invoice_deleted, ack_wait, max_deliver
        )

    def analytics_settings_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(
            f"{self.namespace}-analytics-settings", self.tenant_settings_changed, ack_wait, max_deliver
        )

    def analytics_insights_consumer(self, ack_wait: float, max_deliver: int) -> ConsumerSpec:
        return ConsumerSpec(
            f"{self.namespace}-analytics-insights", self.insights_refresh_requested, ack_wait, max_deliver
        )

    def stream_config(self) -> StreamConfig:
        return StreamConfig(
            name=self.stream,
            subjects=[self.subjects_wildcard],
            storage=StorageType.FILE,
            max_age=self.limits.stream_max_age_seconds,
            max_bytes=self.limits.stream_max_bytes,
            discard=DiscardPolicy.OLD,
            num_replicas=self.limits.replicas,
            duplicate_window=120.0,
        )

    def object_store_config(self) -> ObjectStoreConfig:
        return ObjectStoreConfig(
            bucket=self.originals_bucket,
            storage=StorageType.FILE,
            max_bytes=self.limits.object_store_max_bytes,
            replicas=self.limits.replicas,
        )


async def ensure_stream(js: JetStreamContext, topology: Topology) -> None:
    config = topology.stream_config()
    try:
        await js.stream_info(topology.stream)
    except NotFoundError:
        try:
            await js.add_stream(config)
        except BadRequestError as exc:
            if exc.err_code != 10058:  # created concurrently by another service
                raise
        return
    await js.update_stream(config)


_MANAGED_FIELDS = ("filter_subject", "ack_wait", "max_deliver", "ack_policy", "backoff")


async def ensure_consumer(js: JetStreamContext, stream: str, spec: ConsumerSpec) -> None:
    """Create the durable consumer, or bring an existing one's config up to date."""
    wanted = spec.config()
    try:
        info = await js.consumer_info(stream, spec.durable)
    except NotFoundError:
        await js.add_consumer(stream, wanted)
        return
    current = info.config
    if all(getattr(current, name) == getattr(wanted, name) for name in _MANAGED_FIELDS):
        return
    try:
        await js.add_consumer(stream, wanted)  # in-place update where the server allows it
    except BadRequestError:
        # Some fields cannot change in place. Recreate, resuming just after what the old consumer
        # had acknowledged, so nothing is skipped and the history is not replayed.
        resume_seq = info.ack_floor.stream_seq + 1 if info.ack_floor else 1
        resume = replace(wanted, deliver_policy=DeliverPolicy.BY_START_SEQUENCE, opt_start_seq=resume_seq)
        await js.delete_consumer(stream, spec.durable)
        await js.add_consumer(stream, resume)
