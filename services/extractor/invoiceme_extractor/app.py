"""Composition root of the extractor: `faststream run invoiceme_extractor.app:create_app --factory`."""

from __future__ import annotations

from faststream import FastStream
from faststream.nats import NatsMessage

from invoiceme_common.events import TextExtracted
from invoiceme_common.service import ServiceRuntime, create_service_app

from . import handlers
from .llm.registry import ProviderRegistry
from .ports import ExtractorDeps
from .repository import PostgresExtractionStore
from .settings import ExtractorSettings


def extractor_deps(runtime: ServiceRuntime, settings: ExtractorSettings) -> ExtractorDeps:
    """The handler's collaborators over the runtime (its pool and storage exist after start-up)."""
    store = PostgresExtractionStore(lambda: runtime.pool, runtime.topology)
    return ExtractorDeps(store, runtime.storage, settings.ack_wait_seconds)


def create_app(settings: ExtractorSettings | None = None) -> FastStream:
    settings = settings or ExtractorSettings()

    registry = ProviderRegistry(settings.llm_config())

    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.extractor_consumer(settings.ack_wait_seconds, settings.max_deliver)

        async def handle(event: TextExtracted, msg: NatsMessage) -> None:
            # A re-extract request may name its own provider; otherwise the configured chain.
            await handlers.on_text_extracted(
                event, msg, extractor_deps(runtime, settings), registry.chain(event.provider)
            )

        runtime.subscribe(spec, TextExtracted, handle, max_workers=4)

    app, _ = create_service_app("extractor", settings, wire)
    return app
