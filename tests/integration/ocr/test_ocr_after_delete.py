"""An invoice deleted while OCR was reading it leaves no OCR result behind (real NATS, Postgres, and
the S3 backend on moto_server): the gateway deleted what existed, the OCR hop removes what it wrote."""

from __future__ import annotations

import hashlib
import uuid

from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.service import create_service_app
from invoiceme_common.storage import ocr_result_key, original_key
from invoiceme_ocr import handlers, synthetic
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.settings import OcrSettings
from tests.unit.ocr.conftest import ENGLISH, small_page


class _Delivery:
    """What the handler needs of a JetStream message here: in-progress pings and a correlation id."""

    correlation_id = "ocr-after-delete"

    async def in_progress(self) -> None:
        return None


async def test_ocr_result_of_a_deleted_invoice_is_removed(database_url, nats_url, namespace, s3_server):
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
        tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()  # no invoice row: it was deleted
        image = synthetic.encode(small_page(ENGLISH), "PNG")
        sha256 = hashlib.sha256(image).hexdigest()
        key = original_key(tenant_id, invoice_id, sha256)
        await runtime.storage.put(key, image, sha256=sha256, content_type="image/png")
        event = InvoiceUploaded(
            tenant_id=tenant_id,
            invoice_id=invoice_id,
            storage_key=key,
            filename="x.png",
            size_bytes=len(image),
            sha256=sha256,
        )
        await handlers.on_invoice_uploaded(event, _Delivery(), runtime, reader)  # type: ignore[arg-type]
        assert not await runtime.storage.exists(ocr_result_key(tenant_id, invoice_id))
        assert s3_server.keys(bucket) == [key]  # only what the (simulated) gateway left
    finally:
        await runtime.stop()
        reader.close()
