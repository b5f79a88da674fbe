"""The handler saves the fields with the right status and queues InvoiceSaved (called as a function)."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest

from invoiceme_common.events import InvoiceSaved, PageText, TextExtracted
from invoiceme_common.status import InvoiceStatus
from invoiceme_extractor import handlers


class FakeMessage:
    correlation_id = "corr-1"

    async def in_progress(self) -> None:
        pass


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    record: dict[str, Any] = {}

    async def save_extraction(pool, source, extraction, status, topology, correlation_id):  # type: ignore[no-untyped-def]
        record["status"], record["extraction"] = status, extraction
        saved_as = handlers.repository.SavedExtraction(version=3, business_id=BUSINESS_ID)
        record["event"] = handlers.repository.saved_event(source, extraction, status, saved_as)
        return record["event"]

    async def is_awaiting(pool, tenant_id, invoice_id, status, run):  # type: ignore[no-untyped-def]
        return status == InvoiceStatus.OCR_DONE

    monkeypatch.setattr(handlers.repository, "save_extraction", save_extraction)
    monkeypatch.setattr(handlers, "is_awaiting", is_awaiting)
    return record


def text_extracted(text: str) -> TextExtracted:
    page = PageText(number=1, text=text, method="text_layer", confidence=1.0)
    return TextExtracted(
        tenant_id=uuid.uuid4(),
        invoice_id=uuid.uuid4(),
        ocr_key="k",
        media_type="application/pdf",
        pages=[page],
    )


BUSINESS_ID = uuid.uuid4()
RUNTIME = SimpleNamespace(
    pool=None,
    broker=None,
    settings=SimpleNamespace(ack_wait_seconds=60.0),
    topology=SimpleNamespace(invoice_saved="s", stream="st"),
)


class TestOnTextExtracted:
    """Consistent invoices are `extracted`; ones with serious findings are `needs_review`."""

    async def test_consistent_invoice_is_extracted(self, saved: dict[str, Any]) -> None:
        event = text_extracted(
            "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 118.00 ₪"
        )
        await handlers.on_text_extracted(event, FakeMessage(), RUNTIME)  # type: ignore[arg-type]
        published: InvoiceSaved = saved["event"]
        assert saved["status"] == InvoiceStatus.EXTRACTED
        assert published.status == str(InvoiceStatus.EXTRACTED) and published.total == 118.0
        assert published.extraction_version == 3 and published.fields["subtotal"] == 100.0
        assert published.business_id == BUSINESS_ID

    async def test_totals_that_do_not_add_up_need_review(self, saved: dict[str, Any]) -> None:
        event = text_extracted(
            "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 128.00 ₪"
        )
        await handlers.on_text_extracted(event, FakeMessage(), RUNTIME)  # type: ignore[arg-type]
        assert saved["status"] == InvoiceStatus.NEEDS_REVIEW
        assert saved["event"].status == str(InvoiceStatus.NEEDS_REVIEW)
        assert "totals_mismatch" in [w.code for w in saved["extraction"].warnings]
