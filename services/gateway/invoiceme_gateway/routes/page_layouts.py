"""Page layouts from the stored OCR result: each page's size and its words with boxes, in one pixel space.

A client draws a field's evidence over the page preview (`/pages/{n}.png`, rendered at another scale)
with them: the extractor receives page text without word boxes, so `evidence[field].box` is usually
empty and the client finds the evidence text among these words instead.
"""

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


class PageWord(BaseModel):
    text: str
    left: int
    top: int
    width: int
    height: int
    line: int


class PageLayout(BaseModel):
    number: int
    width: int
    height: int
    words: list[PageWord]


@router.get(
    "/{invoice_id}/pages",
    response_model=list[PageLayout],
    summary="Page sizes and OCR words with boxes (to draw evidence on previews); empty until read",
)
async def page_layouts(invoice_id: uuid.UUID, user: User, state: State) -> list[PageLayout]:
    row = await repo.get(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no such invoice")
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
            words=[PageWord(**word.model_dump(include=set(PageWord.model_fields))) for word in page.words],
        )
        for page in document.pages
        if page.width and page.height
    ]
