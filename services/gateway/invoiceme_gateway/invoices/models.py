"""Response and request models of the invoice routes (the API's contract, with examples)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg
from pydantic import BaseModel, Field

from invoiceme_common.evidence import Evidence
from invoiceme_common.fields import FieldName
from invoiceme_common.vendor_matching import Candidate
from invoiceme_gateway.invoices.failures import shown


class UploadAccepted(BaseModel):
    id: uuid.UUID
    status: str

    model_config = {"json_schema_extra": {"examples": [{"id": "0b1e...", "status": "received"}]}}


class BatchItem(BaseModel):
    filename: str
    id: uuid.UUID | None = None
    status: str | None = None
    error: dict[str, Any] | None = Field(default=None, description="Same shape as every API error's `error`")


class BatchAccepted(BaseModel):
    accepted: int
    rejected: int
    items: list[BatchItem]


_ERROR = "Why it failed, in words a person understands (the full reason stays in the logs)"
_ERROR_CODE = "Stable code of the failure: no_text, encrypted_pdf, page_too_large, processing_failed..."


class InvoiceOut(BaseModel):
    id: uuid.UUID
    status: str
    error: str | None = Field(default=None, description=_ERROR)
    error_code: str | None = Field(default=None, description=_ERROR_CODE)
    filename: str
    content_type: str | None
    size_bytes: int
    sha256: str
    text_source: str | None
    ocr_confidence: float | None
    page_count: int | None
    fields: dict[str, Any]
    warnings: list[dict[str, Any]]
    extraction_version: int
    created_at: datetime
    updated_at: datetime
    business_id: uuid.UUID | None = None
    business_name: str | None = None
    match_method: str | None = None
    match_score: float | None = None
    needs_review: bool = False
    possible_duplicate_of: uuid.UUID | None = None
    reviewed_at: datetime | None = None
    # Convenience copies of the most used fields
    vendor_name: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = None
    total: float | None = None
    currency: str | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": "0b1e4c2a-7d3f-4e5a-9b6c-1d2e3f4a5b6c",
                    "status": "needs_review",
                    "error": None,
                    "filename": "חשבונית.pdf",
                    "content_type": "application/pdf",
                    "size_bytes": 48211,
                    "sha256": "9f2c…",
                    "text_source": "text_layer",
                    "ocr_confidence": 1.0,
                    "page_count": 1,
                    "fields": {
                        "vendor_name": 'שופרסל בע"מ',
                        "invoice_number": "10234",
                        "invoice_date": "2026-03-04",
                        "currency": "ILS",
                        "total": 117.0,
                        "vat_amount": 17.85,
                    },
                    "warnings": [
                        {
                            "code": "possible_duplicate",
                            "serious": False,
                            "message": "this may be a duplicate …",
                            "link": "/api/invoices/7c…",
                        }
                    ],
                    "extraction_version": 2,
                    "created_at": "2026-03-05T10:00:00Z",
                    "updated_at": "2026-03-05T10:00:09Z",
                    "business_id": "5d7c9a2e-3f0b-4a51-9f3e-0f7d2b8a1c44",
                    "business_name": 'שופרסל בע"מ',
                    "match_method": "name",
                    "match_score": 1.0,
                    "needs_review": True,
                    "vendor_name": 'שופרסל בע"מ',
                    "invoice_number": "10234",
                    "invoice_date": "2026-03-04",
                    "total": 117.0,
                    "currency": "ILS",
                }
            ]
        }
    }

    @classmethod
    def from_row(cls, row: asyncpg.Record) -> InvoiceOut:
        data = {key: row[key] for key in row.keys() if key in cls.model_fields}
        fields = row["fields"] or {}
        data.update(
            {
                key: fields.get(key)
                for key in ("vendor_name", "invoice_number", "invoice_date", "total", "currency")
            }
        )
        data["needs_review"] = row["status"] == "needs_review"
        data.update(shown(row["error"]))
        return cls(**data)


class MonthGroup(BaseModel):
    month: str = Field(description="YYYY-MM of the invoice date, or 'unknown'")
    count: int
    totals: dict[str, float] = Field(description="Sum of totals per currency")


class InvoiceList(BaseModel):
    items: list[InvoiceOut]
    total: int = Field(
        description="How many invoices match the filters, counted up to 10,000 (see `total_exact`)"
    )
    total_exact: bool = Field(
        default=True, description="False when more invoices match than `total` says (it stopped counting)"
    )
    limit: int
    offset: int
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page (created_at order)"
    )
    groups: list[MonthGroup] | None = Field(
        default=None, description="With group=month, on the first page (they are the same on every page)"
    )


class StatusChange(BaseModel):
    id: int
    status: str
    error: str | None = Field(description=_ERROR)
    error_code: str | None = Field(default=None, description=_ERROR_CODE)
    at: datetime

    @classmethod
    def from_row(cls, row: asyncpg.Record) -> StatusChange:
        return cls(id=row["id"], status=row["status"], at=row["at"], **shown(row["error"]))


class EditRecord(BaseModel):
    id: int
    user_id: uuid.UUID | None
    user_email: str | None
    changes: list[dict[str, Any]] = Field(description='[{"field", "old", "new"}]')
    at: datetime


class ExtractionRecord(BaseModel):
    id: int
    extraction_version: int
    kind: str = Field(description="extraction | edit | restore")
    provider: str | None
    fields: dict[str, Any]
    warnings: list[dict[str, Any]]
    at: datetime
    current: bool = False


class Suggestion(BaseModel):
    business_id: uuid.UUID
    name: str
    score: float
    reason: str

    @classmethod
    def from_candidate(cls, candidate: Candidate) -> Suggestion:
        return cls(
            business_id=candidate.business_id,
            name=candidate.name,
            score=candidate.score,
            reason=candidate.reason,
        )


class InvoiceDetail(InvoiceOut):
    confidence: dict[str, float] = Field(default_factory=dict)
    evidence: dict[FieldName, Evidence] = Field(
        default_factory=dict,
        description="Field -> where its value was read and its ranked alternatives (the chosen first)",
    )
    line_items: list[dict[str, Any]] = Field(default_factory=list)
    status_history: list[StatusChange] = Field(default_factory=list)
    edits: list[EditRecord] = Field(default_factory=list)
    extraction_history: list[ExtractionRecord] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list, description="Up to 5 ranked businesses")


class InvoicePatch(BaseModel):
    fields: dict[str, Any] | None = Field(default=None, description="Field name -> new value (null clears)")
    line_items: list[dict[str, Any]] | None = Field(default=None, max_length=1000)
    business_id: uuid.UUID | None = Field(
        default=None, description="Assign to this business (null unassigns)"
    )
    confirm: bool = Field(default=False, description="The user checked the fields: clears needs_review")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {"business_id": "5d7c9a2e-3f0b-4a51-9f3e-0f7d2b8a1c44"},
                {"fields": {"total": 117.0, "invoice_date": "2025-03-31"}, "confirm": True},
                {
                    "fields": {"use_items_total": True, "total": 30.0},
                    "line_items": [{"description": "קפה", "quantity": 2, "unit_price": 15.0}],
                },
            ]
        }
    }


class ReextractIn(BaseModel):
    provider: str | None = Field(
        default=None, examples=["groq"], description="rules | groq | ollama; default: configured"
    )


class PageWord(BaseModel):
    text: str
    left: int
    top: int
    width: int
    height: int
    line: int


class PageLayout(BaseModel):
    """A page's size and its OCR words with boxes, in one pixel space (to draw evidence on previews)."""

    number: int
    width: int
    height: int
    words: list[PageWord]
