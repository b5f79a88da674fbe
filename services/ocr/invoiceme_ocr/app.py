"""Composition root of the OCR service: `faststream run invoiceme_ocr.app:create_app --factory`."""

from __future__ import annotations

from faststream import FastStream
from faststream.nats import NatsMessage

from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.service import ServiceRuntime, create_service_app

from . import handlers
from .ports import OcrDeps
from .reader import DocumentReader
from .repository import PostgresOcrStore
from .settings import OcrSettings
from .tessdata import missing_languages


def ocr_deps(runtime: ServiceRuntime, reader: DocumentReader, settings: OcrSettings) -> OcrDeps:
    """The handler's collaborators over the runtime (its pool and storage exist after start-up)."""
    return OcrDeps(
        PostgresOcrStore(lambda: runtime.pool, runtime.topology),
        runtime.storage,
        reader,
        settings.ack_wait_seconds,
    )


def create_app(settings: OcrSettings | None = None) -> FastStream:
    settings = settings or OcrSettings()
    if missing := missing_languages(settings.ocr_languages):
        raise RuntimeError(f"Tesseract has no language data for {', '.join(missing)} (OCR_LANGUAGES)")
    reader = DocumentReader(
        settings.ocr_options(), workers=settings.ocr_workers, max_file_bytes=settings.ocr_max_file_bytes
    )

    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.ocr_consumer(settings.ack_wait_seconds, settings.max_deliver)

        async def handle(event: InvoiceUploaded, msg: NatsMessage) -> None:
            await handlers.on_invoice_uploaded(event, msg, ocr_deps(runtime, reader, settings))

        # More messages than OCR processes (settings.messages_in_flight): the pool's queue is never
        # empty while a message waits for its round trips; a document's pages spread over the pool.
        runtime.subscribe(spec, InvoiceUploaded, handle, max_workers=settings.ocr_in_flight)

    app, _ = create_service_app("ocr", settings, wire)
    app.after_shutdown(reader.close)
    return app
