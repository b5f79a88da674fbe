"""Composition root of analytics: `faststream run invoiceme_analytics.app:create_app --factory`."""

from __future__ import annotations

from faststream import FastStream
from faststream.nats import NatsMessage

from invoiceme_common.events import InvoiceSaved
from invoiceme_common.service import ServiceRuntime, create_service_app
from invoiceme_common.settings import CommonSettings

from . import handlers


def create_app(settings: CommonSettings | None = None) -> FastStream:
    settings = settings or CommonSettings()

    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.analytics_consumer(settings.ack_wait_seconds, settings.max_deliver)

        async def handle(event: InvoiceSaved, msg: NatsMessage) -> None:
            await handlers.on_invoice_saved(event, msg, runtime)

        runtime.subscribe(spec, InvoiceSaved, handle, max_workers=4)

    app, _ = create_service_app("analytics", settings, wire)
    return app
