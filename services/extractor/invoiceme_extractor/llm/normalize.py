"""A model's raw answer -> contract values, through the same parsers the rules use."""

from __future__ import annotations

import re
from typing import Any

from ..contract import LineItem
from ..rules import labels
from ..rules.amounts import parse_amount
from ..rules.dates import dates_in
from ..rules.tax_ids import normalize_tax_id

_DOCUMENT_TYPES = {"tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note"}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return round(float(value), 4)
    return parse_amount(re.sub(r"[^\d.,'\-()]", "", str(value)))


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None if text.lower() not in ("null", "none", "n/a") else None


def _date(value: Any) -> str | None:
    found = dates_in(str(value)) if value else []
    return found[0].value.isoformat() if found else None


def _currency(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    return next((code for code, pattern in labels.CURRENCIES if pattern.search(text)), None)


def _rate(value: Any) -> float | None:
    rate = _number(value)
    if rate is None:
        return None
    return round(rate / 100, 4) if rate > 1 else rate  # "18" and "18%" mean 0.18


def normalize_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """Only fields that survive normalization; anything unparseable is dropped, never passed on."""
    tax_id = _text(raw.get("vendor_tax_id"))
    allocation = re.sub(r"\D", "", str(raw.get("allocation_number") or ""))
    document_type = raw.get("document_type")
    fields = {
        "document_type": document_type if document_type in _DOCUMENT_TYPES else None,
        "vendor_name": _text(raw.get("vendor_name")),
        "vendor_tax_id": normalize_tax_id(tax_id) if tax_id else None,
        "invoice_number": _text(raw.get("invoice_number")),
        "invoice_date": _date(raw.get("invoice_date")),
        "due_date": _date(raw.get("due_date")),
        "currency": _currency(raw.get("currency")),
        "subtotal": _number(raw.get("subtotal")),
        "vat_rate": _rate(raw.get("vat_rate")),
        "vat_amount": _number(raw.get("vat_amount")),
        "total": _number(raw.get("total")),
        "allocation_number": allocation if len(allocation) == 9 else None,
    }
    return {name: value for name, value in fields.items() if value is not None}


def normalize_line_items(raw: dict[str, Any]) -> list[LineItem]:
    items = []
    for row in raw.get("line_items") or []:
        if isinstance(row, dict) and _text(row.get("description")):
            items.append(
                LineItem(
                    description=_text(row.get("description")) or "",
                    quantity=_number(row.get("quantity")),
                    unit_price=_number(row.get("unit_price")),
                    amount=_number(row.get("amount")),
                )
            )
    return items
