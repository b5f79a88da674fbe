"""The handler saves the fields with the right status and queues InvoiceSaved (called as a function)."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_common.bus import PermanentFailure
from invoiceme_common.events import (
    OcrDocument,
    OcrLine,
    OcrPage,
    OcrWord,
    PageText,
    TextExtracted,
)
from invoiceme_common.status import InvoiceStatus
from invoiceme_extractor import handlers
from invoiceme_extractor.ports import ExtractorDeps
from tests.support.fakes import FakeMessage, MemoryExtractionStore, MemoryStorage


def ocr_document(text: str) -> OcrDocument:
    words, lines = [], []
    for number, line in enumerate(text.splitlines()):
        top = 100 + 40 * number
        lines.append(OcrLine(text=line, left=50, top=top, width=20 * len(line), height=30, confidence=1.0))
        left = 50
        for word in line.split():
            words.append(
                OcrWord(
                    text=word,
                    left=left,
                    top=top,
                    width=20 * len(word),
                    height=30,
                    confidence=1.0,
                    line=number,
                )
            )
            left += 20 * (len(word) + 1)
    page = OcrPage(number=1, text=text, method="text_layer", confidence=1.0, words=words, lines=lines)
    return OcrDocument(pages=[page], media_type="application/pdf")


def text_extracted(text: str, stored: bool = True) -> TextExtracted:
    """The event as OCR sends it now: a reference; the document (with word boxes) is in storage."""
    event = TextExtracted(
        tenant_id=uuid.uuid4(),
        invoice_id=uuid.uuid4(),
        ocr_key=f"ocr/{uuid.uuid4()}.json",
        media_type="x",
        pages=[],
    )
    if stored:
        STORAGE.objects[event.ocr_key] = ocr_document(text).model_dump_json().encode()
    return event


BUSINESS_ID = uuid.uuid4()
STORAGE = MemoryStorage()


def deps_for(event: TextExtracted) -> tuple[ExtractorDeps, MemoryExtractionStore]:
    store = MemoryExtractionStore(waiting={event.invoice_id}, business_id=BUSINESS_ID)
    return ExtractorDeps(store, STORAGE, ack_wait_seconds=60.0), store


class TestPagesOf:
    """The extractor reads the stored OCR result, word boxes included (the rules use the layout)."""

    async def test_the_stored_document_with_its_words(self) -> None:
        event = text_extracted("Acme Ltd\nTotal 118.00")
        pages = await handlers.pages_of(event, STORAGE)
        assert isinstance(pages[0], OcrPage) and [w.text for w in pages[0].words] == [
            "Acme",
            "Ltd",
            "Total",
            "118.00",
        ]

    async def test_an_older_event_with_text_when_nothing_is_stored(self) -> None:
        page = PageText(number=1, text="Total 5", method="ocr", confidence=0.9)
        event = text_extracted("", stored=False).model_copy(update={"pages": [page]})
        assert await handlers.pages_of(event, STORAGE) == [page]

    async def test_nothing_to_read_is_a_permanent_failure(self) -> None:
        with pytest.raises(PermanentFailure, match="OCR result is missing"):
            await handlers.pages_of(text_extracted("", stored=False), STORAGE)


class TestOnTextExtracted:
    """Consistent invoices are `extracted`; ones with serious findings are `needs_review`; an invoice
    that moved on is left alone."""

    async def test_consistent_invoice_is_extracted(self) -> None:
        event = text_extracted(
            "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 118.00 ₪"
        )
        deps, store = deps_for(event)
        await handlers.on_text_extracted(event, FakeMessage(), deps)  # type: ignore[arg-type]  # a fake message
        [(_, status, ocr_text)] = store.saved
        [published] = store.queued
        assert ocr_text.startswith("Acme Ltd\nInvoice Date")  # indexed for search from storage
        assert status == InvoiceStatus.EXTRACTED
        assert published.status == str(InvoiceStatus.EXTRACTED) and published.total == 118.0
        assert published.fields["subtotal"] == 100.0
        assert published.business_id == BUSINESS_ID

    async def test_totals_that_do_not_add_up_need_review(self) -> None:
        event = text_extracted(
            "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 128.00 ₪"
        )
        deps, store = deps_for(event)
        await handlers.on_text_extracted(event, FakeMessage(), deps)  # type: ignore[arg-type]  # a fake message
        [(extraction, status, _)] = store.saved
        assert status == InvoiceStatus.NEEDS_REVIEW
        assert store.queued[0].status == str(InvoiceStatus.NEEDS_REVIEW)
        assert "totals_mismatch" in [w.code for w in extraction.warnings]

    async def test_an_invoice_that_moved_on_is_not_touched(self) -> None:
        event = text_extracted("Acme Ltd\nTotal 118.00")
        deps, store = deps_for(event)
        store.waiting.clear()  # already extracted (a redelivery) or deleted
        await handlers.on_text_extracted(event, FakeMessage(), deps)  # type: ignore[arg-type]  # a fake message
        assert store.saved == [] and store.queued == []
