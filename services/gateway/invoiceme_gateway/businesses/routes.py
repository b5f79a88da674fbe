from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import asyncpg
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, field_validator

from invoiceme_gateway.businesses import repository as repo
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses
from invoiceme_gateway.invoices import service as invoice_service
from invoiceme_gateway.validation import check_own_tax_id

router = APIRouter(prefix="/api/businesses", tags=["businesses"], responses=error_responses(404))
_EXAMPLE: dict[str, Any] = {
    "name": 'שופרסל בע"מ',
    "tax_id": "520022732",
    "aliases": ["Shufersal", "שופרסל דיל"],
    "monthly_limit": 2500.0,
}


class BusinessIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    tax_id: str | None = Field(default=None, description="Israeli ע.מ./ח.פ. (validated)")
    aliases: list[str] = Field(default_factory=list, max_length=100)
    monthly_limit: float | None = Field(
        default=None, ge=0, description="Budget per month in your base currency"
    )
    display_order: int | None = None

    model_config = {"json_schema_extra": {"examples": [_EXAMPLE]}}

    @field_validator("tax_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return check_own_tax_id(value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a business needs a name")
        return value.strip()

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str]) -> list[str]:
        return [alias.strip()[:200] for alias in value if alias.strip()]


class BusinessPatch(BusinessIn):
    name: str | None = Field(default=None, min_length=1, max_length=200)  # type: ignore[assignment]

    model_config = {
        "json_schema_extra": {"examples": [{"monthly_limit": 3000.0, "aliases": ["Shufersal Deal"]}]}
    }


class BusinessOut(BaseModel):
    id: uuid.UUID
    name: str
    tax_id: str | None
    aliases: list[str]
    monthly_limit: float | None
    display_order: int
    invoice_count: int
    created_at: datetime
    updated_at: datetime

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": "5d7c9a2e-3f0b-4a51-9f3e-0f7d2b8a1c44",
                    "name": 'שופרסל בע"מ',
                    "tax_id": "520022732",
                    "aliases": ["Shufersal"],
                    "monthly_limit": 2500.0,
                    "display_order": 0,
                    "invoice_count": 12,
                    "created_at": "2026-01-05T09:30:00Z",
                    "updated_at": "2026-02-01T08:00:00Z",
                }
            ]
        }
    }


class Reorder(BaseModel):
    ids: list[uuid.UUID] = Field(min_length=1, description="Business ids in the order to show them")


class MergeIn(BaseModel):
    source_id: uuid.UUID = Field(description="This business is merged into the one in the path, then deleted")


class DeleteResult(BaseModel):
    deleted_invoices: int
    unassigned_invoices: int


async def _one(state: State, tenant_id: uuid.UUID, business_id: uuid.UUID) -> BusinessOut:
    row = await repo.get(state.pool, tenant_id, business_id)
    if row is None:
        raise ApiError(404, "no such business")
    return BusinessOut(**dict(row))


def _duplicate_name() -> ApiError:
    return ApiError(409, "you already have a business with this name")


@router.get("", response_model=list[BusinessOut], summary="Your businesses in display order; `q` searches")
async def list_businesses(
    user: User,
    state: State,
    q: Annotated[str | None, Query(max_length=200, description="Name, alias or tax id")] = None,
) -> list[BusinessOut]:
    return [BusinessOut(**dict(row)) for row in await repo.list_all(state.pool, user.tenant_id, q)]


@router.post(
    "", status_code=201, response_model=BusinessOut, responses=error_responses(409), summary="Add a business"
)
async def create_business(body: BusinessIn, user: User, state: State) -> BusinessOut:
    try:
        business_id = await repo.create(state.pool, user.tenant_id, body.model_dump())
    except asyncpg.UniqueViolationError as exc:
        raise _duplicate_name() from exc
    return await _one(state, user.tenant_id, business_id)


@router.post("/reorder", response_model=list[BusinessOut], summary="Set the display order")
async def reorder_businesses(body: Reorder, user: User, state: State) -> list[BusinessOut]:
    async with state.pool.acquire() as conn, conn.transaction():
        if await repo.reorder(conn, user.tenant_id, body.ids) != len(set(body.ids)):
            raise ApiError(404, "one of these businesses does not exist")
    return [BusinessOut(**dict(row)) for row in await repo.list_all(state.pool, user.tenant_id, None)]


@router.get("/{business_id}", response_model=BusinessOut, summary="One business")
async def get_business(business_id: uuid.UUID, user: User, state: State) -> BusinessOut:
    return await _one(state, user.tenant_id, business_id)


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
    if "name" in changes and changes["name"] is None:
        raise ApiError(422, "a business needs a name")
    try:
        found = await repo.update(state.pool, user.tenant_id, business_id, changes)
    except asyncpg.UniqueViolationError as exc:
        raise _duplicate_name() from exc
    if not found:
        raise ApiError(404, "no such business")
    return await _one(state, user.tenant_id, business_id)


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
    async with state.pool.acquire() as conn, conn.transaction():
        if not await repo.exists(conn, user.tenant_id, business_id):
            raise ApiError(404, "no such business")
        if invoices == "delete":
            doomed = await repo.invoice_ids(conn, user.tenant_id, business_id)
            unassigned: list[uuid.UUID] = []
        else:
            doomed, unassigned = [], await repo.move_invoices(conn, user.tenant_id, business_id, None)
        await repo.delete(conn, user.tenant_id, business_id)
    deleted = await invoice_service.delete(state, user.tenant_id, doomed) if doomed else 0
    await invoice_service.publish_saved(state, user.tenant_id, unassigned)
    return DeleteResult(deleted_invoices=deleted, unassigned_invoices=len(unassigned))


@router.post(
    "/{business_id}/merge",
    response_model=BusinessOut,
    responses=error_responses(404, 422),
    summary="Merge another business into this one (invoices, aliases, tax id)",
)
async def merge_businesses(business_id: uuid.UUID, body: MergeIn, user: User, state: State) -> BusinessOut:
    if body.source_id == business_id:
        raise ApiError(422, "a business cannot be merged into itself")
    async with state.pool.acquire() as conn, conn.transaction():
        target = await repo.get(conn, user.tenant_id, business_id)
        source = await repo.get(conn, user.tenant_id, body.source_id)
        if target is None or source is None:
            raise ApiError(404, "no such business")
        moved = await repo.move_invoices(conn, user.tenant_id, body.source_id, business_id)
        await repo.delete(conn, user.tenant_id, body.source_id)
        aliases = list(target["aliases"])
        for alias in [source["name"], *source["aliases"]]:
            if alias not in aliases:
                aliases.append(alias)
        await repo.update(
            conn,
            user.tenant_id,
            business_id,
            {"aliases": aliases, "tax_id": target["tax_id"] or source["tax_id"]},
        )
    await invoice_service.publish_saved(state, user.tenant_id, moved)
    return await _one(state, user.tenant_id, business_id)
