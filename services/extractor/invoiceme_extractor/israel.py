"""Israeli tax rules as data: VAT rates and allocation-number thresholds by the date they take effect."""

from __future__ import annotations

import re
from datetime import date

from stdnum.il import hp, idnr

# (in force from, rate) — the rate on a document is the last row whose date is not after it.
VAT_RATES: tuple[tuple[date, float], ...] = (
    (date(2015, 10, 1), 0.17),
    (date(2025, 1, 1), 0.18),
)

# (in force from, amount before VAT in ILS above which a tax invoice needs a מספר הקצאה).
ALLOCATION_THRESHOLDS: tuple[tuple[date, float], ...] = (
    (date(2024, 5, 5), 25_000),
    (date(2025, 1, 1), 20_000),
    (date(2026, 1, 1), 10_000),
    (date(2026, 6, 1), 5_000),
)

# Receipts, proformas and credit notes do not carry an input-VAT deduction, so need no allocation number.
ALLOCATION_DOCUMENT_TYPES = frozenset({"tax_invoice", "tax_invoice_receipt"})


def _in_force(table: tuple[tuple[date, float], ...], on: date) -> float | None:
    current = None
    for start, value in table:
        if start <= on:
            current = value
    return current


def vat_rate_on(on: date) -> float | None:
    return _in_force(VAT_RATES, on)


def allocation_threshold_on(on: date) -> float | None:
    """None before the allocation-number regime began (2024-05-05)."""
    return _in_force(ALLOCATION_THRESHOLDS, on)


def is_israeli_id_shape(value: str) -> bool:
    return bool(re.fullmatch(r"\d{9}", value))


def israeli_id_is_valid(value: str) -> bool:
    """Check digit of a 9-digit ת.ז. / ע.מ. / ח.פ. (company numbers start with 5: stdnum's hp checks that)."""
    return hp.is_valid(value) or idnr.is_valid(value)
