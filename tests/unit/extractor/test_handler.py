"""The handler saves the fields with the right status and queues InvoiceSaved (called as a function)."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest

from invoiceme_common.bus import PermanentFailure
from invoiceme_common.events import (
    InvoiceSaved,
    OcrDocument,
    OcrLine,
    OcrPage,
    OcrWord,
    PageText,
    TextExtracted,
)
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_extractor import handlers


class FakeMessage:
    correlation_id = "corr-1"

    async def in_progress(self) -> None:
        pass


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    record: dict[str, Any] = {}

    async def save_extraction(pool, source, extraction, status, topology, correlation_id, ocr_text):  # type: ignore[no-untyped-def]
        record["status"], record["extraction"], record["ocr_text"] = status, extraction, ocr_text
        saved_as = handlers.repository.SavedExtraction(version=3, business_id=BUSINESS_ID)
        record["event"] = handlers.repository.saved_event(source, extraction, status, saved_as)
        return record["event"]

    async def is_awaiting(pool, tenant_id, invoice_id, status, run):  # type: ignore[no-untyped-def]
        return status == InvoiceStatus.OCR_DONE

    monkeypatch.setattr(handlers.repository, "save_extraction", save_extraction)
    monkeypatch.setattr(handlers, "is_awaiting", is_awaiting)
    return record


class MemoryStorage:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    async def put(self, key: str, data: bytes) -> None:
        self.objects[key] = data

    async def get(self, key: str) -> bytes:
        try:
            return self.objects[key]
        except KeyError:
            raise StoredObjectMissing(key) from None

    async def delete(self, key: str) -> None:
        self.objects.pop(key, None)


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
RUNTIME = SimpleNamespace(
    pool=None,
    broker=None,
    storage=STORAGE,
    settings=SimpleNamespace(ack_wait_seconds=60.0),
    topology=SimpleNamespace(invoice_saved="s", stream="st"),
)


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
    """Consistent invoices are `extracted`; ones with serious findings are `needs_review`."""

    async def test_consistent_invoice_is_extracted(self, saved: dict[str, Any]) -> None:
        event = text_extracted(
            "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 118.00 ₪"
        )
        await handlers.on_text_extracted(event, FakeMessage(), RUNTIME)  # type: ignore[arg-type]
        published: InvoiceSaved = saved["event"]
        assert saved["ocr_text"].startswith("Acme Ltd\nInvoice Date")  # indexed for search from storage
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
