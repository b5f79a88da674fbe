"""Invoice reads: the filtered list (with month groups), one invoice with its histories and
business suggestions, its extractions, the original file, page previews and page layouts."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from asyncpg import Record

from invoiceme_common.businesses import load_profiles
from invoiceme_common.events import OcrDocument
from invoiceme_common.evidence import parse_evidence
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_common.vendor_matching import rank_candidates
from invoiceme_gateway.domain_errors import InvalidInput, NotFound, UnsupportedMedia
from invoiceme_gateway.invoices import listing
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices.filters import SORT_EXPRESSIONS, InvoiceFilters, encode_cursor
from invoiceme_gateway.invoices.models import (
    EditRecord,
    ExtractionRecord,
    InvoiceDetail,
    InvoiceList,
    InvoiceOut,
    MonthGroup,
    PageLayout,
    PageWord,
    StatusChange,
    Suggestion,
)
from invoiceme_gateway.invoices.previews import PageNotFound, PageTooLarge
from invoiceme_gateway.state import GatewayState


@dataclass(frozen=True)
class Page:
    """Which slice of the filtered list: keyset `cursor` (created_at order only) or `offset`."""

    sort: str
    descending: bool
    limit: int
    offset: int
    cursor: str | None
    group_by_month: bool


async def list_invoices(
    state: GatewayState, tenant_id: uuid.UUID, filters: InvoiceFilters, page: Page
) -> InvoiceList:
    if page.sort not in SORT_EXPRESSIONS:
        raise InvalidInput(f"cannot sort by '{page.sort}'; use one of {', '.join(SORT_EXPRESSIONS)}")
    if page.cursor and page.sort != "created_at":
        raise InvalidInput("cursor paging works with sort=created_at; use offset for other orders")
    offset = 0 if page.cursor else page.offset
    try:
        queries = listing.list_queries(
            tenant_id, filters, page.sort, page.descending, page.limit, offset, page.cursor
        )
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    rows, total = await listing.list_page(state.pool, queries)
    next_cursor = None
    if page.sort == "created_at" and len(rows) == page.limit:
        next_cursor = encode_cursor(rows[-1]["created_at"], rows[-1]["id"])
    groups = None
    if page.group_by_month and offset == 0 and not page.cursor:  # the same on every page: sent once
        groups = [
            MonthGroup(month=g["month"], count=g["count"], totals=g["totals"])
            for g in await listing.month_groups(state.pool, tenant_id, filters)
        ]
    return InvoiceList(
        items=[InvoiceOut.from_row(row) for row in rows],
        total=min(total, listing.COUNT_LIMIT),
        total_exact=total <= listing.COUNT_LIMIT,
        limit=page.limit,
        offset=offset,
        next_cursor=next_cursor,
        groups=groups,
    )


async def detail(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> InvoiceDetail:
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no such invoice")
    fields = row["fields"] or {}
    suggestions = rank_candidates(
        fields.get("vendor_name"),
        fields.get("vendor_tax_id"),
        await load_profiles(state.pool, tenant_id),
    )
    history = await repo.extractions(state.pool, tenant_id, invoice_id)
    return InvoiceDetail(
        **InvoiceOut.from_row(row).model_dump(),
        confidence=fields.get("confidence") or {},
        evidence=parse_evidence(fields.get("evidence")),
        line_items=fields.get("line_items") or [],
        status_history=[
            StatusChange.from_row(r) for r in await repo.status_history(state.pool, tenant_id, invoice_id)
        ],
        edits=[EditRecord(**dict(r)) for r in await repo.edits(state.pool, tenant_id, invoice_id)],
        extraction_history=[ExtractionRecord(**dict(r), current=(r["fields"] == fields)) for r in history],
        suggestions=[Suggestion.from_candidate(c) for c in suggestions],
    )


async def extractions(
    state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> list[ExtractionRecord]:
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no such invoice")
    return [
        ExtractionRecord(**dict(r), current=(r["fields"] == row["fields"]))
        for r in await repo.extractions(state.pool, tenant_id, invoice_id)
    ]


@dataclass(frozen=True)
class Original:
    data: bytes
    media_type: str | None
    filename: str


@dataclass(frozen=True)
class OriginalStream:
    """The original as chunks, so a download never holds a whole file (up to the upload limit) in memory."""

    chunks: AsyncIterator[bytes]
    size: int
    media_type: str | None
    filename: str


async def _stored_original(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> Record:
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no such invoice")
    return row


_MISSING_ORIGINAL = "the original file of this invoice is missing from storage"


async def original(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> Original:
    """The whole original, for readers that need all of it (page previews)."""
    row = await _stored_original(state, tenant_id, invoice_id)
    try:
        return Original(await state.storage.get(row["storage_key"]), row["content_type"], row["filename"])
    except StoredObjectMissing as exc:
        raise NotFound(_MISSING_ORIGINAL) from exc


async def original_stream(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> OriginalStream:
    row = await _stored_original(state, tenant_id, invoice_id)
    try:  # `open` raises a missing object before the first chunk, so this is still a clean 404
        chunks = await state.storage.open(row["storage_key"])
    except StoredObjectMissing as exc:
        raise NotFound(_MISSING_ORIGINAL) from exc
    return OriginalStream(chunks, row["size_bytes"], row["content_type"], row["filename"])


async def page_png(
    state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID, page_number: int
) -> bytes:
    document = await original(state, tenant_id, invoice_id)
    try:
        return await state.previews.render_page(document.data, document.media_type, page_number)
    except PageNotFound as exc:
        raise NotFound(f"this document has no page {page_number}") from exc
    except PageTooLarge as exc:
        raise InvalidInput(f"{exc}; download the original instead", code="page_too_large") from exc
    except Exception as exc:
        raise UnsupportedMedia(
            "a preview of this file cannot be drawn; download the original instead"
        ) from exc


async def page_layouts(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> list[PageLayout]:
    """Each page's size and words with boxes from the stored OCR result; empty until it is read.

    A client draws a field's evidence over the page preview (`/pages/{n}.png`, rendered at another
    scale) with them: `evidence[field].box` is usually empty, so the client finds the evidence text
    among these words instead."""
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no such invoice")
    if not row["ocr_key"]:
        return []
    try:
        document = OcrDocument.model_validate_json(await state.storage.get(row["ocr_key"]))
    except (StoredObjectMissing, ValueError):
        return []
    return [
        PageLayout(
            number=page.number,
            width=page.width,
            height=page.height,
            words=[
                PageWord(**{name: getattr(word, name) for name in PageWord.model_fields})
                for word in page.words
            ],
        )
        for page in document.pages
        if page.width and page.height
    ]
