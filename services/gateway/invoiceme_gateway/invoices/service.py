"""Invoice use cases that span Postgres, object storage and the bus (routes stay thin).

Events are never published from a request: they are written to the outbox in the transaction of the
change they announce (`invoiceme_common.outbox`), and the relay publishes them — so a NATS outage or
a crash after the commit delays an event, never loses it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

from invoiceme_common import outbox
from invoiceme_common.events import InvoiceDeleted, InvoiceSaved, InvoiceUploaded
from invoiceme_common.logging import bound_context, get_logger
from invoiceme_common.sniff import SUPPORTED, sniff_media_type
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import delete_invoice_files, original_key, sha256_hex
from invoiceme_common.topology import Topology
from invoiceme_gateway.domain_errors import BadRequest, Conflict, TooLarge, Unavailable, UnsupportedMedia
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices.upload_names import upload_name
from invoiceme_gateway.state import GatewayState

log = get_logger(__name__)


@dataclass(frozen=True)
class Accepted:
    id: uuid.UUID
    status: str


async def upload(state: GatewayState, tenant_id: uuid.UUID, filename: str | None, data: bytes) -> Accepted:
    """Store the original, record the invoice, queue OCR. ApiError on empty/too big/unsupported/duplicate."""
    settings = state.settings
    if not data:
        raise BadRequest(f"the uploaded file {filename or ''} is empty".replace("  ", " "))
    if len(data) > settings.max_upload_bytes:
        raise TooLarge(f"the file is larger than {settings.max_upload_mb:g} MB")
    media_type = sniff_media_type(data)
    if media_type is None:
        kinds = ", ".join(t.split("/")[1].upper() for t in SUPPORTED)
        raise UnsupportedMedia(f"this file is not a PDF or a supported image ({kinds})")
    sha256 = await sha256_hex(data)  # a big file is hashed off the event loop
    invoice_id = uuid.uuid4()
    storage_key = original_key(tenant_id, invoice_id, sha256)  # ids and hash only, never the file name
    name = upload_name(filename)  # before anything is stored: a refused name leaves nothing behind
    with bound_context(tenant_id=tenant_id, invoice_id=invoice_id):
        # The file goes to the store with no database connection held (a 25 MB write into a pool of a
        # few connections would stall every other request), then the row and its event commit.
        async with state.pool.acquire() as conn:
            await _refuse_duplicate(conn, tenant_id, sha256)
        await _store_original(state, storage_key, data, sha256, media_type)
        try:
            async with state.pool.acquire() as conn, conn.transaction():
                await repo.lock_upload(conn, tenant_id, sha256)
                # The same file may have won meanwhile: then nothing is inserted, and it is a 409.
                existing = await repo.insert_received(
                    conn, tenant_id, invoice_id, name, media_type, len(data), sha256, storage_key
                )
                if existing is not None:
                    raise _duplicate(existing)
                event = InvoiceUploaded(
                    tenant_id=tenant_id,
                    invoice_id=invoice_id,
                    storage_key=storage_key,
                    filename=name,
                    content_type=media_type,
                    size_bytes=len(data),
                    sha256=sha256,
                    run=1,
                )
                topology = state.topology
                await outbox.add(conn, event, topology.invoice_uploaded, topology.stream)
        except BaseException:
            await _discard_original(state, storage_key)  # no row: its file must not stay behind either
            raise
        log.info("invoice_received", size_bytes=len(data), media_type=media_type)
    return Accepted(invoice_id, InvoiceStatus.RECEIVED.value)


async def _refuse_duplicate(conn: asyncpg.Connection, tenant_id: uuid.UUID, sha256: str) -> None:
    existing = await repo.find_by_sha(conn, tenant_id, sha256)
    if existing is not None:
        raise _duplicate(existing)


def _duplicate(existing: uuid.UUID) -> Conflict:
    return Conflict(
        "you already uploaded this exact file",
        code="duplicate_file",
        details={"existing_invoice_id": str(existing)},
    )


async def _discard_original(state: GatewayState, storage_key: str) -> None:
    """The key holds this upload's invoice id, so no other invoice shares the object."""
    try:
        await state.storage.delete(storage_key)
    except Exception as exc:  # the upload's own error matters more; the orphan is logged
        log.error("original_not_discarded", storage_key=storage_key, reason=str(exc))


async def _store_original(
    state: GatewayState, storage_key: str, data: bytes, sha256: str, media_type: str
) -> None:
    """Store the file before its row is written: a failure here leaves no row (no row without file).
    Any failure counts: StorageUnavailable/StorageIntegrityError from the S3 backend, a NATS error or
    a full bucket from the JetStream one."""
    try:
        await state.storage.put(storage_key, data, sha256=sha256, content_type=media_type)
    except Exception as exc:
        log.error("original_not_stored", reason=str(exc), backend=state.storage.backend)
        raise Unavailable(
            "the file store is unavailable, so the invoice was not saved; try again in a few minutes",
            code="storage_unavailable",
        ) from exc


async def queue_saved(
    conn: asyncpg.Connection, topology: Topology, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]
) -> None:
    """Tell analytics an invoice changed: call inside the transaction of the change, so the event
    carries the row as it commits and is published if and only if the change is."""
    for invoice_id in invoice_ids:
        row = await repo.get(conn, tenant_id, invoice_id)
        if row is None:
            continue
        fields = row["fields"]
        event = InvoiceSaved(
            tenant_id=tenant_id,
            invoice_id=invoice_id,
            extraction_version=row["extraction_version"],
            status=row["status"],
            business_id=row["business_id"],
            vendor_name=fields.get("vendor_name"),
            invoice_date=fields.get("invoice_date"),
            currency=fields.get("currency"),
            total=fields.get("total"),
            fields=fields,
        )
        await outbox.add(conn, event, topology.invoice_saved, topology.stream)


async def delete(state: GatewayState, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]) -> int:
    """Delete invoices (analytics hear InvoiceDeleted), then their original files and OCR results."""
    async with state.pool.acquire() as conn, conn.transaction():
        rows = await delete_rows(conn, state.topology, tenant_id, invoice_ids)
    await remove_files(state, rows)
    return len(rows)


async def delete_rows(
    conn: asyncpg.Connection, topology: Topology, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]
) -> list[asyncpg.Record]:
    """The rows and their InvoiceDeleted events, in the caller's transaction."""
    rows = await repo.delete(conn, tenant_id, invoice_ids)
    for row in rows:
        event = InvoiceDeleted(
            tenant_id=tenant_id, invoice_id=row["id"], extraction_version=row["extraction_version"] + 1
        )
        await outbox.add(conn, event, topology.invoice_deleted, topology.stream)
    return rows


async def remove_files(state: GatewayState, rows: list[asyncpg.Record]) -> None:
    """After the commit: a file left behind by a crash or an outage here is garbage, never a lost
    invoice, so a failure is logged (with the keys to sweep) and the delete still succeeds."""
    for row in rows:
        keys = (row["storage_key"], row["ocr_key"])
        try:  # the recorded files and every pipeline run's OCR result
            await delete_invoice_files(
                state.storage, row["tenant_id"], row["id"], keys, last_run=row["pipeline_run"]
            )
        except Exception as exc:
            log.error("invoice_files_not_deleted", invoice_id=str(row["id"]), keys=keys, reason=str(exc))
