"""Composition root of the extractor: `faststream run invoiceme_extractor.app:create_app --factory`."""

from __future__ import annotations

from faststream import FastStream
from faststream.nats import NatsMessage

from invoiceme_common.events import TextExtracted
from invoiceme_common.service import ServiceRuntime, create_service_app

from . import handlers
from .llm.registry import ProviderRegistry
from .settings import ExtractorSettings


def create_app(settings: ExtractorSettings | None = None) -> FastStream:
    settings = settings or ExtractorSettings()

    registry = ProviderRegistry(settings.llm_config())

    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.extractor_consumer(settings.ack_wait_seconds, settings.max_deliver)

        async def handle(event: TextExtracted, msg: NatsMessage) -> None:
            # A re-extract request may name its own provider; otherwise the configured chain.
            await handlers.on_text_extracted(event, msg, runtime, registry.chain(event.provider))

        runtime.subscribe(spec, TextExtracted, handle, max_workers=4)

    app, _ = create_service_app("extractor", settings, wire)
    return app
