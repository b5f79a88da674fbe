"""Page sizes in the coordinate space of the evidence boxes, so a client can draw a field's box over
the page preview (`/pages/{n}.png`, rendered at another scale) without knowing the OCR's resolution."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from pydantic import BaseModel

from invoiceme_common.events import OcrDocument
from invoiceme_common.storage import StoredObjectMissing

from ..deps import State, User
from ..errors import ApiError, error_responses
from ..repositories import invoices as repo

router = APIRouter(prefix="/api/invoices", tags=["invoices"], responses=error_responses(404))


class PageSize(BaseModel):
    number: int
    width: int
    height: int


@router.get(
    "/{invoice_id}/pages",
    response_model=list[PageSize],
    summary="Page sizes (pixels of the space evidence boxes use); empty until the invoice is read",
)
async def page_sizes(invoice_id: uuid.UUID, user: User, state: State) -> list[PageSize]:
    row = await repo.get(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no such invoice")
    if not row["ocr_key"]:
        return []
    try:
        document = OcrDocument.model_validate_json(await state.storage.get(row["ocr_key"]))
    except (StoredObjectMissing, ValueError):
        return []
    return [PageSize(number=p.number, width=p.width, height=p.height) for p in document.pages if p.width]
