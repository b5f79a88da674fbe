"""The typed, versioned messages that travel between services — the only place they are defined.

Messages carry references (object-store keys), never file bytes. Every event has `event_id`
(used for idempotency), `occurred_at`, `schema_version`, `tenant_id` and `invoice_id`.
New fields must be optional; a breaking change bumps `schema_version` and gets an upcaster here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .ocr_pages import OcrLine as OcrLine  # defined there without pydantic; named here too
from .ocr_pages import OcrPage as OcrPage
from .ocr_pages import OcrWord as OcrWord


def _now() -> datetime:
    return datetime.now(UTC)


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    occurred_at: datetime = Field(default_factory=_now)
    schema_version: int = 1
    tenant_id: uuid.UUID
    invoice_id: uuid.UUID


class InvoiceUploaded(Event):
    """The gateway stored an original file; OCR should read it."""

    storage_key: str
    filename: str
    content_type: str | None = None
    size_bytes: int
    sha256: str
    run: int | None = None  # pipeline run (invoices.pipeline_run); None: published before runs existed


class OcrDocument(BaseModel):
    """What OCR made of one file; stored whole in the object store, summarised in TextExtracted."""

    model_config = ConfigDict(frozen=True)

    pages: list[OcrPage]
    media_type: str

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages)

    @property
    def method(self) -> str:
        methods = {page.method for page in self.pages}
        return methods.pop() if len(methods) == 1 else "mixed"


class PageText(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    text: str
    method: Literal["text_layer", "ocr"]
    confidence: float


class TextExtracted(Event):
    """OCR finished: the OcrDocument (text and word boxes) is in the object store at `ocr_key`.
    `pages` is empty in new events (a reference, not the text; NATS caps messages at 1 MiB) and only
    used when the stored document is missing."""

    ocr_key: str
    media_type: str
    pages: list[PageText]
    provider: str | None = None  # requested extraction provider (re-extract); None = configured default
    run: int | None = None  # pipeline run (invoices.pipeline_run); None: published before runs existed


class InvoiceSaved(Event):
    """An invoice's fields were saved (by the extractor, or by a user's edit or assignment).
    `extraction_version` increases with every save of this invoice, so consumers can ignore a
    stale event that arrives after a newer one."""

    extraction_version: int
    status: str
    business_id: uuid.UUID | None = None
    vendor_name: str | None = None
    invoice_date: str | None = None  # ISO date
    currency: str | None = None
    total: float | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    # Sent again by `invoiceme replay --stage analytics`: replace the contribution even at the same
    # version (replacing is idempotent; nothing is added twice).
    replay: bool = False


class InvoiceDeleted(Event):
    """A user deleted an invoice (its original file is gone too); projections drop its contribution."""

    extraction_version: int


NO_INVOICE = uuid.UUID(int=0)


class TenantSettingsChanged(Event):
    """A tenant changed account settings that change analytics figures (e.g. its base currency);
    analytics should recompute converted amounts. Not about one invoice: `invoice_id` is the nil UUID."""

    invoice_id: uuid.UUID = NO_INVOICE
    base_currency: str
    previous_base_currency: str | None = None


class InsightsRefreshRequested(Event):
    """A user asked for fresh insights now (a command to the analytics service, which owns them and
    may call an LLM to word them: never inside the HTTP request). `as_of` None means today."""

    invoice_id: uuid.UUID = NO_INVOICE
    as_of: date | None = None
    language: Literal["en", "he"] | None = None  # None: the service's INSIGHTS_LANGUAGE
