"""Postgres side of the OCR step: the state-machine move and the outbox event in one transaction."""

from __future__ import annotations

from collections.abc import Callable

import asyncpg

from invoiceme_common import outbox
from invoiceme_common.events import InvoiceUploaded, OcrDocument, TextExtracted
from invoiceme_common.invoice_store import advance, current_run, invoice_exists, is_awaiting
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.topology import Topology


class PostgresOcrStore:
    def __init__(self, pool: Callable[[], asyncpg.Pool], topology: Topology) -> None:
        self._pool = pool  # the runtime's pool exists only after start-up
        self._topology = topology

    async def is_awaiting(self, event: InvoiceUploaded) -> bool:
        return await is_awaiting(
            self._pool(), event.tenant_id, event.invoice_id, InvoiceStatus.RECEIVED, event.run
        )

    async def invoice_exists(self, event: InvoiceUploaded) -> bool:
        return await invoice_exists(self._pool(), event.tenant_id, event.invoice_id)

    async def record_result(
        self, event: InvoiceUploaded, document: OcrDocument, ocr_key: str, correlation_id: str | None
    ) -> bool:
        async with self._pool().acquire() as conn, conn.transaction():
            moved = await advance(
                conn,
                event.tenant_id,
                event.invoice_id,
                InvoiceStatus.OCR_DONE,
                (InvoiceStatus.RECEIVED,),
                event.run,
                text_source=document.method,
                ocr_confidence=min(page.confidence for page in document.pages),
                page_count=len(document.pages),
                ocr_key=ocr_key,
                # Searchable before extraction; Postgres text cannot hold NUL.
                ocr_text=document.text.replace("\x00", ""),
            )
            if not moved:
                return False
            extracted = TextExtracted(
                tenant_id=event.tenant_id,
                invoice_id=event.invoice_id,
                ocr_key=ocr_key,
                media_type=document.media_type,
                pages=[],  # a reference, not the text: the extractor reads the stored result (with words)
                run=event.run or await current_run(conn, event.invoice_id),
            )
            topology = self._topology
            await outbox.add(conn, extracted, topology.text_extracted, topology.stream, correlation_id)
            return True
