from enum import StrEnum


class InvoiceStatus(StrEnum):
    """Where an invoice is in the pipeline; `failed` always comes with a human-readable error."""

    RECEIVED = "received"
    OCR_DONE = "ocr_done"
    EXTRACTED = "extracted"
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"
