"""What we ask the model: the contract's fields as a JSON schema and a short instruction."""

from __future__ import annotations

from typing import Any

from ..contract import FIELD_NAMES

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_NUMBER = {"type": ["number", "null"]}

FIELDS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "document_type": {
            "type": ["string", "null"],
            "enum": ["tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note", None],
        },
        "vendor_name": _NULLABLE_STRING,
        "vendor_tax_id": _NULLABLE_STRING,
        "invoice_number": _NULLABLE_STRING,
        "invoice_date": _NULLABLE_STRING,
        "due_date": _NULLABLE_STRING,
        "currency": _NULLABLE_STRING,
        "subtotal": _NULLABLE_NUMBER,
        "vat_rate": _NULLABLE_NUMBER,
        "vat_amount": _NULLABLE_NUMBER,
        "total": _NULLABLE_NUMBER,
        "allocation_number": _NULLABLE_STRING,
        "line_items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "description": {"type": "string"},
                    "quantity": _NULLABLE_NUMBER,
                    "unit_price": _NULLABLE_NUMBER,
                    "amount": _NULLABLE_NUMBER,
                },
                "required": ["description", "quantity", "unit_price", "amount"],
                "additionalProperties": False,
            },
        },
    },
    # Strict structured output requires every property to be listed.
    "required": [*FIELD_NAMES, "line_items"],
    "additionalProperties": False,
}

SYSTEM_PROMPT = (
    "You read invoices and receipts (Hebrew or English, from OCR, possibly noisy) and return "
    "ONLY a JSON object "
    "with these fields: document_type (tax_invoice, tax_invoice_receipt, receipt, invoice, credit_note), "
    "vendor_name (the issuer, not the customer), vendor_tax_id (digits/letters only, e.g. 514321678 or "
    "DE123456789), invoice_number, invoice_date and due_date (YYYY-MM-DD), "
    'currency (ISO 4217: ILS for ₪/ש"ח), '
    "subtotal (before VAT), vat_rate (fraction, e.g. 0.18), vat_amount, total (amount including VAT), "
    "allocation_number (מספר הקצאה, 9 digits), line_items [{description, quantity, unit_price, amount}]. "
    "Use null for anything not printed. Numbers as plain JSON numbers without separators."
)


HINTS_END = "=== end of layout analysis ==="
_HINTS_INSTRUCTION = (
    "Layout analysis of the same document (candidates found from word positions; use them to "
    "resolve the text, but answer from the text):"
)


def with_layout_hints(text: str, hints: str) -> str:
    """The provider input: layout hints first (so truncation keeps them), then the page text."""
    return f"{hints}\n{HINTS_END}\n{text}" if hints else text


def messages_for(text: str) -> list[dict[str, str]]:
    hints, marker, page_text = text.partition(HINTS_END)
    if not marker:
        hints, page_text = "", text
    user = f"Invoice text:\n<<<\n{page_text.strip()}\n>>>"
    if hints.strip():
        user = f"{_HINTS_INSTRUCTION}\n{hints.strip()}\n\n{user}"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]
