"""Businesses (vendors): list, add, change, reorder, delete, merge."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from invoiceme_gateway.businesses import service
from invoiceme_gateway.businesses.models import (
    BusinessIn,
    BusinessList,
    BusinessOut,
    BusinessPatch,
    DeleteResult,
    MergeIn,
    Move,
    Reorder,
)
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import error_responses

router = APIRouter(prefix="/api/businesses", tags=["businesses"], responses=error_responses(404))


@router.get(
    "", response_model=BusinessList, summary="Your businesses in display order, a page at a time; q searches"
)
async def list_businesses(
    user: User,
    state: State,
    q: Annotated[str | None, Query(max_length=200, description="Name, alias or tax id")] = None,
    budgeted: Annotated[bool, Query(description="Only businesses with a monthly limit")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> BusinessList:
    return await service.list_page(state, user.tenant_id, q, budgeted, limit, offset)


@router.post(
    "", status_code=201, response_model=BusinessOut, responses=error_responses(409), summary="Add a business"
)
async def create_business(body: BusinessIn, user: User, state: State) -> BusinessOut:
    return await service.create(state, user.tenant_id, body.model_dump())


@router.post(
    "/reorder",
    response_model=list[BusinessOut],
    responses=error_responses(404, 422),
    summary="Rearrange these businesses among the places they hold; returns them in their new order",
)
async def reorder_businesses(body: Reorder, user: User, state: State) -> list[BusinessOut]:
    return await service.reorder(state, user.tenant_id, body.ids)


@router.post(
    "/{business_id}/move",
    response_model=BusinessOut,
    responses=error_responses(404, 422),
    summary="Move a business right before or after another one (on any page)",
)
async def move_business(business_id: uuid.UUID, body: Move, user: User, state: State) -> BusinessOut:
    anchor_id, after = body.anchor()
    return await service.move(state, user.tenant_id, business_id, anchor_id, after)


@router.get("/{business_id}", response_model=BusinessOut, summary="One business")
async def get_business(business_id: uuid.UUID, user: User, state: State) -> BusinessOut:
    return await service.get(state, user.tenant_id, business_id)


@router.patch(
    "/{business_id}",
    response_model=BusinessOut,
    responses=error_responses(404, 409),
    summary="Change name, tax id, aliases, budget or order",
)
async def patch_business(
    business_id: uuid.UUID, body: BusinessPatch, user: User, state: State
) -> BusinessOut:
    changes = body.model_dump(exclude_unset=True)
    return await service.update(state, user.tenant_id, business_id, changes)


@router.delete(
    "/{business_id}",
    response_model=DeleteResult,
    summary="Delete a business; its invoices are unassigned (default) or deleted",
)
async def delete_business(
    business_id: uuid.UUID,
    user: User,
    state: State,
    invoices: Annotated[
        Literal["unassign", "delete"], Query(description="What happens to its invoices")
    ] = "unassign",
) -> DeleteResult:
    return await service.delete(state, user.tenant_id, business_id, invoices)


@router.post(
    "/{business_id}/merge",
    response_model=BusinessOut,
    responses=error_responses(404, 422),
    summary="Merge another business into this one (invoices, aliases, tax id)",
)
async def merge_businesses(business_id: uuid.UUID, body: MergeIn, user: User, state: State) -> BusinessOut:
    return await service.merge(state, user.tenant_id, business_id, body.source_id)
