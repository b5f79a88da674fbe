"""The field contract the extractor produces, the CLI prints and the API returns (exact names)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from invoiceme_common.evidence import Alternative, Evidence
from invoiceme_common.fields import FIELD_NAMES

DocumentType = Literal["tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note"]

# Field names and the evidence model live in invoiceme_common (the gateway and analytics use them too).
__all__ = [
    "FIELD_NAMES",
    "Alternative",
    "DocumentType",
    "Evidence",
    "Extraction",
    "ExtractionWarning",
    "LineItem",
]


class LineItem(BaseModel):
    description: str
    quantity: float | None = None
    unit_price: float | None = None
    amount: float | None = None


class ExtractionWarning(BaseModel):
    code: str
    message: str
    serious: bool = False  # serious warnings put the invoice in needs_review


class Extraction(BaseModel):
    document_type: DocumentType | None = None
    vendor_name: str | None = None
    vendor_tax_id: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = None  # ISO YYYY-MM-DD
    due_date: str | None = None
    currency: str | None = None  # ISO 4217
    subtotal: float | None = None
    vat_rate: float | None = None
    vat_amount: float | None = None
    total: float | None = None
    allocation_number: str | None = None
    line_items: list[LineItem] = Field(default_factory=list)
    confidence: dict[str, float] = Field(default_factory=dict)
    source: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[ExtractionWarning] = Field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return any(warning.serious for warning in self.warnings)
