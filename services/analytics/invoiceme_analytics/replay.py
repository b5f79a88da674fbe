"""Rebuild the projection from the event stream: clear it, then replay every InvoiceSaved /
InvoiceDeleted from the stream's first message with an ordered consumer, through the same handlers.

Safe while the service runs: applying is idempotent and version-guarded, so the live consumer and
the replay converge on the same state. Insights are regenerated per tenant at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import asyncpg
import nats
from nats.js.api import DeliverPolicy
from nats.js.errors import NotFoundError

from invoiceme_common.bus import nats_servers
from invoiceme_common.events import InvoiceDeleted, InvoiceSaved
from invoiceme_common.logging import get_logger
from invoiceme_common.topology import Topology

from . import handlers
from .context import AnalyticsContext
from .insights.service import generate

log = get_logger(__name__)


class HistoryIncomplete(Exception):
    """The stream no longer starts at its first event (its age/size limits dropped old ones)."""


async def clear_projection(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn, conn.transaction():
        # The monthly rollup's trigger would take each fact out one by one: clear it whole instead.
        await conn.execute("SELECT set_config('invoiceme.rollup_off', 'on', true)")
        await conn.execute("DELETE FROM analytics_invoice_facts")
        await conn.execute("DELETE FROM analytics_monthly")
        await conn.execute("DELETE FROM analytics_monthly_totals")
        await conn.execute("DELETE FROM analytics_aggregates")
        await conn.execute("DELETE FROM analytics_tenant_state")


async def replay(
    ctx: AnalyticsContext,
    nats_url: str,
    topology: Topology,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Replay up to the stream's last message at the start; returns how many events were applied."""
    nc = await nats.connect(nats_servers(nats_url))
    applied, tenants = 0, set[uuid.UUID]()
    try:
        js = nc.jetstream()
        try:
            state = (await js.stream_info(topology.stream)).state
        except NotFoundError:
            return 0  # no stream yet: nothing was ever published
        last = state.last_seq
        if last == 0:
            return 0
        sub = await js.subscribe(
            topology.subjects_wildcard, ordered_consumer=True, deliver_policy=DeliverPolicy.ALL
        )
        try:
            while True:
                msg = await sub.next_msg(timeout=10)
                sequence = msg.metadata.sequence.stream
                if msg.subject == topology.invoice_saved:
                    saved = InvoiceSaved.model_validate_json(msg.data)
                    await handlers.on_invoice_saved(saved, ctx)
                    tenants.add(saved.tenant_id)
                    applied += 1
                elif msg.subject == topology.invoice_deleted:
                    deleted = InvoiceDeleted.model_validate_json(msg.data)
                    await handlers.on_invoice_deleted(deleted, ctx)
                    tenants.add(deleted.tenant_id)
                    applied += 1
                if progress:
                    progress(sequence, last)
                if sequence >= last:
                    break
        finally:
            await sub.unsubscribe()
    finally:
        await nc.close()
    for tenant_id in tenants:
        await generate(ctx.pool, ctx.narrator, tenant_id, language=ctx.settings.insights_language)
    log.info("analytics_rebuilt", events=applied, tenants=len(tenants))
    return applied


async def rebuild(
    ctx: AnalyticsContext,
    nats_url: str,
    topology: Topology,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    await check_history(nats_url, topology)  # before clearing anything
    await clear_projection(ctx.pool)
    return await replay(ctx, nats_url, topology, progress)


async def check_history(nats_url: str, topology: Topology) -> None:
    """Raise HistoryIncomplete when the stream lost its oldest events (a rebuild would miss them)."""
    nc = await nats.connect(nats_servers(nats_url))
    try:
        state = (await nc.jetstream().stream_info(topology.stream)).state
    except NotFoundError:
        return
    finally:
        await nc.close()
    if state.first_seq > 1:
        raise HistoryIncomplete(
            f"the stream starts at event {state.first_seq}: older events were dropped by its limits"
            " (STREAM_MAX_AGE_DAYS / STREAM_MAX_MB); rebuild from Postgres with"
            " `invoiceme replay --stage analytics` instead"
        )
