"""The invoice field contract's names, in one place: the extractor produces them, the gateway edits,
lists and exports them, analytics reads them from `fields`."""

from __future__ import annotations

DOCUMENT_TYPES = ("tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note")

# In contract order (the order the CLI prints and the LLM schema lists them).
FIELD_NAMES = (
    "document_type",
    "vendor_name",
    "vendor_tax_id",
    "invoice_number",
    "invoice_date",
    "due_date",
    "currency",
    "subtotal",
    "vat_rate",
    "vat_amount",
    "total",
    "allocation_number",
)
# The same fields by kind of value.
TEXT_FIELDS = ("vendor_name", "vendor_tax_id", "invoice_number", "allocation_number")
DATE_FIELDS = ("invoice_date", "due_date")
AMOUNT_FIELDS = ("subtotal", "vat_rate", "vat_amount", "total")
