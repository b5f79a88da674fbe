"""One document being composed: its facts, words, printing habits and sheet, and the record of which
fields were actually printed — the truth counts a field only where the page shows it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from invoiceme_common.fields import FIELD_NAMES

from .date_variety import DateVariety
from .facts import Facts
from .formats import Printing
from .page import Color, Sheet
from .table_variety import TableVariety
from .tax_id_variety import TaxIdVariety
from .vocab import Vocabulary

ACCENTS: list[Color] = [
    (0.11, 0.30, 0.55),
    (0.60, 0.10, 0.15),
    (0.10, 0.45, 0.30),
    (0.35, 0.35, 0.38),
    (0.85, 0.45, 0.05),
    (0.40, 0.20, 0.55),
    (0.05, 0.55, 0.60),
]
SCALAR_FIELDS = FIELD_NAMES  # every scalar field of the extraction contract
ALWAYS_PRINTED = {"document_type", "vendor_name", "invoice_number", "invoice_date", "currency", "total"}


@dataclass
class Doc:
    facts: Facts
    words: Vocabulary
    fmt: Printing
    sheet: Sheet
    rng: random.Random
    accent: Color
    title: str
    printed: set[str] = field(default_factory=lambda: set(ALWAYS_PRINTED))
    items_printed: bool = True
    dates: DateVariety | None = None  # extra date habits (date_variety.py), dev documents only
    tax_ids: TaxIdVariety | None = None  # extra tax-id habits (tax_id_variety.py), dev documents only
    table: TableVariety | None = None  # item-table habits of real e-invoices (table_variety.py)

    @property
    def width(self) -> float:
        return self.sheet.width

    def mark(self, *names: str) -> None:
        self.printed.update(names)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def truth(self) -> dict[str, Any]:
        """The extraction contract's fields as printed on this page (None where not printed)."""
        facts = self.facts
        values: dict[str, Any] = {
            "document_type": facts.document_type,
            "vendor_name": facts.vendor_name,
            "vendor_tax_id": facts.vendor_tax_id,
            "invoice_number": facts.invoice_number,
            "invoice_date": facts.invoice_date.isoformat(),
            "due_date": facts.due_date.isoformat() if facts.due_date else None,
            "currency": facts.currency,
            "subtotal": facts.subtotal,
            "vat_rate": facts.vat_rate,
            "vat_amount": facts.vat_amount,
            "total": facts.total,
            "allocation_number": facts.allocation_number,
        }
        truth = {name: values[name] if name in self.printed else None for name in SCALAR_FIELDS}
        truth["line_items"] = list(facts.line_items) if self.items_printed else []
        truth["customer_name"] = facts.customer_name
        truth["language"], truth["country"] = facts.language, facts.country
        return truth
