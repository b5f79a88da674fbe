"""Where each file of an invoice lives. Keys are built from ids and hashes only, never from a file
name or other user-supplied text, and every file of one invoice shares one prefix."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from .base import ObjectStorage


def invoice_prefix(tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> str:
    return f"tenants/{tenant_id}/invoices/{invoice_id}/"


def original_key(tenant_id: uuid.UUID, invoice_id: uuid.UUID, sha256: str) -> str:
    return f"{invoice_prefix(tenant_id, invoice_id)}original-{sha256}"


def ocr_result_key(tenant_id: uuid.UUID, invoice_id: uuid.UUID, run: int | None = None) -> str:
    """Where OCR stores an invoice's result: one object per pipeline run, so an OCR replay keeps the
    earlier result beside the new one."""
    suffix = f".run{run}" if run and run > 1 else ""
    return f"{invoice_prefix(tenant_id, invoice_id)}ocr{suffix}.json"


def ocr_result_keys(tenant_id: uuid.UUID, invoice_id: uuid.UUID, last_run: int) -> list[str]:
    """Every OCR result an invoice may have (to delete them all with it)."""
    return [ocr_result_key(tenant_id, invoice_id, run) for run in range(1, max(1, last_run) + 1)]


async def delete_invoice_files(
    storage: ObjectStorage,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    recorded_keys: Iterable[str | None],
    last_run: int = 1,
) -> None:
    """Delete the files an invoice row records plus the derived ones its ids determine: the OCR
    result of every pipeline run up to `last_run` (one may be written while the row is being
    deleted). Page previews are drawn on request and never stored, so there is nothing else."""
    keys = {key for key in recorded_keys if key} | set(ocr_result_keys(tenant_id, invoice_id, last_run))
    for key in sorted(keys):
        try:
            await storage.delete(key)
        except ValueError:  # a key from before keys were checked: nothing we could have written
            continue
