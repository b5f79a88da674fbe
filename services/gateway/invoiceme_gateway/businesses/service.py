"""Business (vendor) use cases: create, change, reorder, delete (unassigning or deleting its invoices)
and merge; invoice changes are announced so analytics stay exact."""

from __future__ import annotations

import uuid
from typing import Any, Literal

import asyncpg

from invoiceme_gateway.businesses import ordering
from invoiceme_gateway.businesses import repository as repo
from invoiceme_gateway.businesses.models import BusinessList, BusinessOut, DeleteResult
from invoiceme_gateway.domain_errors import Conflict, InvalidInput, NotFound
from invoiceme_gateway.invoices import service as invoice_service
from invoiceme_gateway.state import GatewayState


def _duplicate_name() -> Conflict:
    return Conflict("you already have a business with this name")


async def get(state: GatewayState, tenant_id: uuid.UUID, business_id: uuid.UUID) -> BusinessOut:
    row = await repo.get(state.pool, tenant_id, business_id)
    if row is None:
        raise NotFound("no such business")
    return BusinessOut(**dict(row))


async def list_page(
    state: GatewayState, tenant_id: uuid.UUID, q: str | None, budgeted: bool, limit: int, offset: int
) -> BusinessList:
    rows, total = await repo.list_page(state.pool, tenant_id, q, budgeted, limit, offset)
    items = [BusinessOut(**{key: row[key] for key in row.keys() if key != "total"}) for row in rows]
    return BusinessList(items=items, total=total, limit=limit, offset=offset)


async def create(state: GatewayState, tenant_id: uuid.UUID, values: dict[str, Any]) -> BusinessOut:
    try:
        business_id = await repo.create(state.pool, tenant_id, values)
    except asyncpg.UniqueViolationError as exc:
        raise _duplicate_name() from exc
    return await get(state, tenant_id, business_id)


async def reorder(
    state: GatewayState, tenant_id: uuid.UUID, ordered_ids: list[uuid.UUID]
) -> list[BusinessOut]:
    """The given businesses take the places they hold now, in the given order (all ids: a full
    reorder); returns them in their new order."""
    async with state.pool.acquire() as conn, conn.transaction():
        current = await repo.lock_order(conn, tenant_id)
        new_order = ordering.rearranged([business_id for business_id, _ in current], ordered_ids)
        await repo.set_positions(conn, tenant_id, ordering.changed_positions(current, new_order))
        rows = await repo.list_ids(conn, tenant_id, ordered_ids)
    return [BusinessOut(**dict(row)) for row in rows]


async def move(
    state: GatewayState, tenant_id: uuid.UUID, business_id: uuid.UUID, anchor_id: uuid.UUID, after: bool
) -> BusinessOut:
    """Put one business right before (or after) another, wherever each one is in the list."""
    async with state.pool.acquire() as conn, conn.transaction():
        current = await repo.lock_order(conn, tenant_id)
        new_order = ordering.moved([row_id for row_id, _ in current], business_id, anchor_id, after)
        await repo.set_positions(conn, tenant_id, ordering.changed_positions(current, new_order))
    return await get(state, tenant_id, business_id)


async def update(
    state: GatewayState, tenant_id: uuid.UUID, business_id: uuid.UUID, changes: dict[str, Any]
) -> BusinessOut:
    if "name" in changes and changes["name"] is None:
        raise InvalidInput("a business needs a name")
    try:
        found = await repo.update(state.pool, tenant_id, business_id, changes)
    except asyncpg.UniqueViolationError as exc:
        raise _duplicate_name() from exc
    if not found:
        raise NotFound("no such business")
    return await get(state, tenant_id, business_id)


async def delete(
    state: GatewayState,
    tenant_id: uuid.UUID,
    business_id: uuid.UUID,
    invoices: Literal["unassign", "delete"],
) -> DeleteResult:
    async with state.pool.acquire() as conn, conn.transaction():
        if not await repo.exists(conn, tenant_id, business_id):
            raise NotFound("no such business")
        if invoices == "delete":
            doomed = await repo.invoice_ids(conn, tenant_id, business_id)
            unassigned: list[uuid.UUID] = []
        else:
            doomed, unassigned = [], await repo.move_invoices(conn, tenant_id, business_id, None)
        deleted = await invoice_service.delete_rows(conn, state.topology, tenant_id, doomed) if doomed else []
        await repo.delete(conn, tenant_id, business_id)
        await invoice_service.queue_saved(conn, state.topology, tenant_id, unassigned)
    await invoice_service.remove_files(state, deleted)
    return DeleteResult(deleted_invoices=len(deleted), unassigned_invoices=len(unassigned))


async def merge(
    state: GatewayState, tenant_id: uuid.UUID, target_id: uuid.UUID, source_id: uuid.UUID
) -> BusinessOut:
    """Move the source's invoices, name and aliases into the target, then delete the source."""
    if source_id == target_id:
        raise InvalidInput("a business cannot be merged into itself")
    async with state.pool.acquire() as conn, conn.transaction():
        target = await repo.get(conn, tenant_id, target_id)
        source = await repo.get(conn, tenant_id, source_id)
        if target is None or source is None:
            raise NotFound("no such business")
        moved = await repo.move_invoices(conn, tenant_id, source_id, target_id)
        await repo.delete(conn, tenant_id, source_id)
        aliases = list(target["aliases"])
        for alias in [source["name"], *source["aliases"]]:
            if alias not in aliases:
                aliases.append(alias)
        await repo.update(
            conn, tenant_id, target_id, {"aliases": aliases, "tax_id": target["tax_id"] or source["tax_id"]}
        )
        await invoice_service.queue_saved(conn, state.topology, tenant_id, moved)
    return await get(state, tenant_id, target_id)
