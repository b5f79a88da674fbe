"""Composition root of analytics: `faststream run invoiceme_analytics.app:create_app --factory`."""

from __future__ import annotations

from faststream import FastStream
from faststream.nats import NatsMessage

from invoiceme_common.bus import keep_alive
from invoiceme_common.events import (
    InsightsRefreshRequested,
    InvoiceDeleted,
    InvoiceSaved,
    TenantSettingsChanged,
)
from invoiceme_common.service import ServiceRuntime, create_service_app

from . import handlers
from .context import AnalyticsContext
from .settings import AnalyticsSettings


def build_app(settings: AnalyticsSettings | None = None) -> tuple[FastStream, AnalyticsContext]:
    settings = settings or AnalyticsSettings()
    contexts: list[AnalyticsContext] = []

    def wire(runtime: ServiceRuntime) -> None:
        ctx = AnalyticsContext(settings, lambda: runtime.pool)
        contexts.append(ctx)
        topology, ack_wait, max_deliver = runtime.topology, settings.ack_wait_seconds, settings.max_deliver

        async def saved(event: InvoiceSaved, msg: NatsMessage) -> None:
            await handlers.on_invoice_saved(event, ctx)

        async def deleted(event: InvoiceDeleted, msg: NatsMessage) -> None:
            await handlers.on_invoice_deleted(event, ctx)

        async def settings_changed(event: TenantSettingsChanged, msg: NatsMessage) -> None:
            # Re-pricing a large tenant can outlast ack_wait: tell JetStream we are still at it.
            async with keep_alive(msg, max(1.0, ack_wait / 3)):
                await handlers.on_tenant_settings_changed(event, ctx)

        async def refresh_requested(event: InsightsRefreshRequested, msg: NatsMessage) -> None:
            # Wording insights may call an LLM for each one: keep the message alive meanwhile.
            async with keep_alive(msg, max(1.0, ack_wait / 3)):
                await handlers.on_insights_refresh_requested(event, ctx)

        # A projection that gives up keeps a dead letter, but never marks the user's invoice failed.
        runtime.subscribe(
            topology.analytics_consumer(ack_wait, max_deliver),
            InvoiceSaved,
            saved,
            max_workers=4,
            fails_invoice=False,
        )
        runtime.subscribe(
            topology.analytics_deleted_consumer(ack_wait, max_deliver),
            InvoiceDeleted,
            deleted,
            fails_invoice=False,
        )
        runtime.subscribe(
            topology.analytics_settings_consumer(ack_wait, max_deliver),
            TenantSettingsChanged,
            settings_changed,
            fails_invoice=False,
        )
        runtime.subscribe(
            topology.analytics_insights_consumer(ack_wait, max_deliver),
            InsightsRefreshRequested,
            refresh_requested,
            fails_invoice=False,
        )

    app, _ = create_service_app("analytics", settings, wire)
    ctx = contexts[0]
    app.on_startup(ctx.start)  # after the runtime's own start-up hook: the pool exists by then
    app.after_shutdown(ctx.stop)
    return app, ctx


def create_app(settings: AnalyticsSettings | None = None) -> FastStream:
    return build_app(settings)[0]
