"""The extractor's save applies once per pipeline run: a redelivered or stale TextExtracted never
overwrites a user's edit, and a re-extraction is a new version beside the old one."""

from __future__ import annotations

import uuid

from invoiceme_common.events import TextExtracted
from invoiceme_common.invoice_store import restart
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.topology import Topology
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.repository import save_extraction


async def _invoice_at_ocr_done(db) -> tuple[uuid.UUID, uuid.UUID]:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'x')", tenant_id)
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key, ocr_key)
           VALUES ($1, $2, 'ocr_done', 'x.pdf', 1, $3, 'originals/x', 'ocr/x.json')""",
        invoice_id,
        tenant_id,
        uuid.uuid4().hex,
    )
    return tenant_id, invoice_id


def _message(tenant_id: uuid.UUID, invoice_id: uuid.UUID, run: int) -> TextExtracted:
    return TextExtracted(
        tenant_id=tenant_id, invoice_id=invoice_id, ocr_key="ocr/x.json", media_type="x", pages=[], run=run
    )


class TestSaveOnce:
    """Conditional on `ocr_done` in the message's run."""

    async def test_a_redelivery_after_the_users_edit_changes_nothing(self, db, namespace):
        tenant_id, invoice_id = await _invoice_at_ocr_done(db)
        topology = Topology(namespace)
        first = await save_extraction(
            db, _message(tenant_id, invoice_id, 1), Extraction(total=10.0), InvoiceStatus.EXTRACTED, topology
        )
        assert first is not None and first.extraction_version == 1
        await db.execute(  # the user corrects the total
            "UPDATE invoices SET fields = fields || '{\"total\": 11.0}'::jsonb WHERE id = $1", invoice_id
        )
        again = await save_extraction(
            db, _message(tenant_id, invoice_id, 1), Extraction(total=10.0), InvoiceStatus.EXTRACTED, topology
        )
        assert again is None
        row = await db.fetchrow(
            "SELECT status, fields, extraction_version FROM invoices WHERE id = $1", invoice_id
        )
        assert (row["status"], row["fields"]["total"], row["extraction_version"]) == ("extracted", 11.0, 1)
        assert await db.fetchval("SELECT count(*) FROM outbox WHERE invoice_id = $1", invoice_id) == 1

    async def test_a_reextraction_is_a_new_version_and_the_old_run_is_ignored(self, db, namespace):
        tenant_id, invoice_id = await _invoice_at_ocr_done(db)
        topology = Topology(namespace)
        await save_extraction(
            db, _message(tenant_id, invoice_id, 1), Extraction(total=10.0), InvoiceStatus.EXTRACTED, topology
        )
        async with db.acquire() as conn:
            assert await restart(conn, tenant_id, invoice_id, InvoiceStatus.OCR_DONE) == 2
        stale = await save_extraction(
            db, _message(tenant_id, invoice_id, 1), Extraction(total=10.0), InvoiceStatus.EXTRACTED, topology
        )
        assert stale is None
        new = await save_extraction(
            db,
            _message(tenant_id, invoice_id, 2),
            Extraction(total=20.0),
            InvoiceStatus.NEEDS_REVIEW,
            topology,
        )
        assert new is not None and new.extraction_version == 2
        versions = await db.fetch(
            "SELECT extraction_version, fields->>'total' AS total FROM invoice_extractions"
            " WHERE invoice_id = $1 ORDER BY id",
            invoice_id,
        )
        assert [(v["extraction_version"], v["total"]) for v in versions] == [(1, "10.0"), (2, "20.0")]
