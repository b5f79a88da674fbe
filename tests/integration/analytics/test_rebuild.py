"""Rebuilding the projection by replaying the stream gives exactly the figures the live service kept."""

from __future__ import annotations

import asyncio
import random
import uuid
from decimal import Decimal

import pytest
from click.testing import CliRunner

from invoiceme_analytics.context import AnalyticsContext
from invoiceme_analytics.replay import rebuild
from invoiceme_analytics.settings import AnalyticsSettings
from invoiceme_cli.main import cli
from invoiceme_common.analytics_read import read_model
from invoiceme_common.bus import make_broker, publish_event
from invoiceme_common.events import InvoiceSaved
from invoiceme_common.topology import Topology, ensure_stream

from .rollup import assert_rollup_exact
from .support import create_business, create_tenant, running_analytics, wait_drained
from .test_exactness import projected_groups, reference, run_random_history


class TestRebuild:
    """Clear + ordered replay from the stream start reproduces the live projection and the SQL truth."""

    async def test_rebuild_matches_live(self, database_url, nats_url, namespace, db):
        tenant_id = await create_tenant(db)
        businesses = [await create_business(db, tenant_id, f"B{i}", Decimal(100)) for i in range(2)]
        async with running_analytics(database_url, nats_url, namespace, insights_change_threshold=10_000) as (
            _ctx,
            publisher,
        ):
            await run_random_history(db, tenant_id, businesses, publisher, random.Random(99), steps=50)
            await wait_drained(nats_url, namespace)
        live = await read_model.load_facts(db, tenant_id)

        settings = AnalyticsSettings(
            database_url=database_url,
            nats_url=nats_url,
            invoiceme_namespace=namespace,
            insights_change_threshold=10**9,
        )
        ctx = AnalyticsContext(settings, lambda: db)
        await ctx.start()
        try:
            seen: list[tuple[int, int]] = []
            applied = await rebuild(
                ctx, nats_url, Topology(namespace), lambda seq, last: seen.append((seq, last))
            )
        finally:
            await ctx.stop()
        assert 0 < applied <= 50 and seen[-1][0] == seen[-1][1]  # settings events are not counted
        rebuilt = await read_model.load_facts(db, tenant_id)
        assert sorted(rebuilt, key=lambda f: f.invoice_id) == sorted(live, key=lambda f: f.invoice_id)
        assert projected_groups(rebuilt) == (await reference(db, tenant_id))["groups"]
        await assert_rollup_exact(db, tenant_id)


class TestRebuildCommand:
    """`invoiceme analytics-rebuild` wires settings from the environment and reports what it replayed."""

    def test_cli_on_a_namespace_with_events(self, database_url, nats_url, namespace, monkeypatch):
        async def publish_one() -> None:
            topology = Topology(namespace)
            broker = make_broker(nats_url, "test")
            await broker.start()
            try:
                await ensure_stream(broker.connection.jetstream(), topology)
                event = InvoiceSaved(
                    tenant_id=uuid.uuid4(),
                    invoice_id=uuid.uuid4(),
                    extraction_version=1,
                    status="extracted",
                    currency="ILS",
                    total=10.0,
                    invoice_date="2026-01-01",
                )
                await publish_event(broker, event, topology.invoice_saved, topology.stream, None)
            finally:
                await broker.stop()

        asyncio.run(publish_one())
        for name, value in (
            ("DATABASE_URL", database_url),
            ("NATS_URL", nats_url),
            ("INVOICEME_NAMESPACE", namespace),
            ("LOG_FORMAT", "console"),
        ):
            monkeypatch.setenv(name, value)
        result = CliRunner().invoke(cli, ["analytics-rebuild"])
        assert result.exit_code == 0, result.output
        assert "rebuilt from 1 invoice events" in result.output


class TestReplayFromPostgres:
    """`invoiceme replay --stage analytics` rebuilds from the invoices themselves, so a bounded stream
    (STREAM_MAX_AGE_DAYS / STREAM_MAX_MB) that lost old events still rebuilds to the incremental state."""

    async def test_cleared_projection_replayed_from_rows_matches_live(
        self, database_url, nats_url, namespace, db
    ):
        from invoiceme_analytics.replay import clear_projection
        from invoiceme_common.redrive import Selection, replay

        tenant_id = await create_tenant(db)
        businesses = [await create_business(db, tenant_id, f"B{i}", Decimal(100)) for i in range(2)]
        async with running_analytics(database_url, nats_url, namespace, insights_change_threshold=10_000) as (
            _ctx,
            publisher,
        ):
            await run_random_history(db, tenant_id, businesses, publisher, random.Random(7), steps=40)
            await wait_drained(nats_url, namespace)
            live = await read_model.load_facts(db, tenant_id)
            await clear_projection(db)
            queued = await replay(db, Topology(namespace), "analytics", Selection(tenant_id=tenant_id))
            assert queued == len(live)
            for _ in range(300):
                if len(await read_model.load_facts(db, tenant_id)) == len(live):
                    break
                await asyncio.sleep(0.1)
            await wait_drained(nats_url, namespace)
        rebuilt = await read_model.load_facts(db, tenant_id)
        assert sorted(rebuilt, key=lambda f: f.invoice_id) == sorted(live, key=lambda f: f.invoice_id)
        assert projected_groups(rebuilt) == (await reference(db, tenant_id))["groups"]
        await assert_rollup_exact(db, tenant_id)


class TestBoundedHistory:
    """A stream whose limits dropped its oldest events is not replayed into a wrong projection."""

    async def test_rebuild_refuses_a_stream_missing_its_start(self, nats_url, namespace):
        import nats

        from invoiceme_analytics.replay import HistoryIncomplete, check_history

        topology = Topology(namespace)
        connection = await nats.connect(nats_url)
        try:
            js = connection.jetstream()
            await ensure_stream(js, topology)
            for _ in range(2):
                await js.publish(topology.invoice_saved, b"{}", stream=topology.stream)
            await check_history(nats_url, topology)  # complete: fine
            await js.delete_msg(topology.stream, 1)  # what max_age / max_bytes do to the oldest events
        finally:
            await connection.close()
        with pytest.raises(HistoryIncomplete, match="replay --stage analytics"):
            await check_history(nats_url, topology)


class TestReplayOverALiveProjection:
    """Replaying analytics over a projection that is already current changes nothing (no double count)."""

    async def test_replay_without_clearing_is_idempotent(self, database_url, nats_url, namespace, db):
        from invoiceme_common.redrive import Selection, replay

        tenant_id = await create_tenant(db)
        businesses = [await create_business(db, tenant_id, "B", Decimal(100))]
        async with running_analytics(database_url, nats_url, namespace, insights_change_threshold=10_000) as (
            _ctx,
            publisher,
        ):
            await run_random_history(db, tenant_id, businesses, publisher, random.Random(3), steps=25)
            await wait_drained(nats_url, namespace)
            before = await read_model.load_facts(db, tenant_id)
            replayed = await replay(db, Topology(namespace), "analytics", Selection(tenant_id=tenant_id))
            assert replayed == len(before)
            for _ in range(100):
                events = await db.fetch(
                    "SELECT last_event_id FROM analytics_invoice_facts WHERE tenant_id = $1", tenant_id
                )
                queued = await db.fetch(
                    "SELECT id FROM outbox WHERE tenant_id = $1 AND payload::jsonb->>'replay' = 'true'",
                    tenant_id,
                )
                if {r["last_event_id"] for r in events} >= {r["id"] for r in queued}:
                    break  # every replayed event was applied (replaced the contribution)
                await asyncio.sleep(0.1)
            await wait_drained(nats_url, namespace)
        after = await read_model.load_facts(db, tenant_id)
        assert sorted(after, key=lambda f: f.invoice_id) == sorted(before, key=lambda f: f.invoice_id)
        assert projected_groups(after) == (await reference(db, tenant_id))["groups"]
        await assert_rollup_exact(db, tenant_id)
