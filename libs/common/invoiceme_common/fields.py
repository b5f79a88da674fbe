"""The invoice field contract's names, in one place: the extractor produces them, the gateway edits,
lists and exports them, analytics reads them from `fields`."""

from __future__ import annotations

from enum import StrEnum

DOCUMENT_TYPES = ("tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note")


class FieldName(StrEnum):
    """The contract's fields in contract order (the order the CLI prints and the LLM schema lists
    them). An enum so the gateway's OpenAPI document names them: the web app's field list is
    generated from it."""

    document_type = "document_type"
    vendor_name = "vendor_name"
    vendor_tax_id = "vendor_tax_id"
    invoice_number = "invoice_number"
    invoice_date = "invoice_date"
    due_date = "due_date"
    currency = "currency"
    subtotal = "subtotal"
    vat_rate = "vat_rate"
    vat_amount = "vat_amount"
    total = "total"
    allocation_number = "allocation_number"


FIELD_NAMES = tuple(name.value for name in FieldName)
# The same fields by kind of value.
TEXT_FIELDS = ("vendor_name", "vendor_tax_id", "invoice_number", "allocation_number")
DATE_FIELDS = ("invoice_date", "due_date")
AMOUNT_FIELDS = ("subtotal", "vat_rate", "vat_amount", "total")
