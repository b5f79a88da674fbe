"""An invoice deleted while OCR was reading it leaves no OCR result behind (real NATS, Postgres, and
the S3 backend on moto_server): the gateway deleted what existed, the OCR hop removes what it wrote."""

from __future__ import annotations

import hashlib
import uuid

import asyncpg

from invoiceme_common.events import InvoiceUploaded, OcrDocument
from invoiceme_common.service import ServiceRuntime, create_service_app
from invoiceme_common.storage import ocr_result_key, original_key
from invoiceme_ocr import handlers
from invoiceme_ocr.app import ocr_deps
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.settings import OcrSettings
from tests.support import synthetic_pages as synthetic
from tests.unit.ocr.conftest import ENGLISH, small_page


class _Delivery:
    """What the handler needs of a JetStream message here: in-progress pings and a correlation id."""

    correlation_id = "ocr-after-delete"

    async def in_progress(self) -> None:
        return None


class _ReaderThen:
    """The real reader, then `meanwhile` (what another request does while OCR is reading)."""

    def __init__(self, reader: DocumentReader, meanwhile: str, db: asyncpg.Pool, invoice_id: uuid.UUID):
        self._reader, self._meanwhile, self._db, self._invoice_id = reader, meanwhile, db, invoice_id

    async def read(self, data: bytes) -> OcrDocument:
        document = await self._reader.read(data)
        await self._db.execute(self._meanwhile, self._invoice_id)
        return document


async def _received_invoice(runtime: ServiceRuntime, db: asyncpg.Pool) -> InvoiceUploaded:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'ocr-after-delete')", tenant_id)
    image = synthetic.encode(small_page(ENGLISH), "PNG")
    sha256 = hashlib.sha256(image).hexdigest()
    key = original_key(tenant_id, invoice_id, sha256)
    await runtime.storage.put(key, image, sha256=sha256, content_type="image/png")
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, 'received', 'x.png', $3, $4, $5)""",
        invoice_id,
        tenant_id,
        len(image),
        sha256,
        key,
    )
    return InvoiceUploaded(
        tenant_id=tenant_id,
        invoice_id=invoice_id,
        storage_key=key,
        filename="x.png",
        size_bytes=len(image),
        sha256=sha256,
    )


async def test_ocr_result_of_a_deleted_invoice_is_removed(database_url, nats_url, namespace, s3_server, db):
    bucket = s3_server.new_bucket()
    settings = OcrSettings(
        database_url=database_url,
        nats_url=nats_url,
        invoiceme_namespace=namespace,
        storage_backend="s3",
        s3_endpoint_url=s3_server.endpoint_url,
        s3_bucket=bucket,
        aws_access_key_id=s3_server.access_key,
        aws_secret_access_key=s3_server.secret_key,
        ocr_workers=1,
        log_format="console",
    )
    _, runtime = create_service_app("ocr", settings, lambda runtime: None)
    reader = DocumentReader(settings.ocr_options(), workers=1)
    await runtime.start()
    try:
        # Deleted while OCR was reading (the gateway removed the files that existed then).
        deleted = await _received_invoice(runtime, db)
        deleting = _ReaderThen(reader, "DELETE FROM invoices WHERE id = $1", db, deleted.invoice_id)
        await handlers.on_invoice_uploaded(deleted, _Delivery(), ocr_deps(runtime, deleting, settings))  # type: ignore[arg-type]  # test doubles
        assert not await runtime.storage.exists(ocr_result_key(deleted.tenant_id, deleted.invoice_id))
        assert s3_server.keys(bucket) == [deleted.storage_key]  # only what the (simulated) gateway left

        # Moved on meanwhile (a newer run): this run's result stays beside the newer one.
        moved = await _received_invoice(runtime, db)
        newer_run = "UPDATE invoices SET status = 'ocr_done', pipeline_run = pipeline_run + 1 WHERE id = $1"
        moving = _ReaderThen(reader, newer_run, db, moved.invoice_id)
        await handlers.on_invoice_uploaded(moved, _Delivery(), ocr_deps(runtime, moving, settings))  # type: ignore[arg-type]  # test doubles
        assert await runtime.storage.exists(ocr_result_key(moved.tenant_id, moved.invoice_id))
    finally:
        await runtime.stop()
        reader.close()
