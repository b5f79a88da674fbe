"""SQL for businesses (vendors); every query is tenant-scoped."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from invoiceme_common.vendor_matching import normalize_name, normalize_text

# invoice_count: kept per business by a trigger on invoices (migration 0071), so a list of 2,000
# businesses does not count the tenant's 100,000 invoices per request.
_PLAIN_COLUMNS = (
    "b.id, b.name, b.tax_id, b.aliases, b.monthly_limit, b.display_order, b.created_at, b.updated_at"
)
COLUMNS = f"""{_PLAIN_COLUMNS},
    coalesce((SELECT c.invoice_count FROM business_invoice_counts c
              WHERE c.tenant_id = b.tenant_id AND c.business_id = b.id), 0) AS invoice_count"""


_MATCHES = """b.tenant_id = $1
    AND ($2 = '' OR b.name_key LIKE '%' || $2 || '%' OR b.tax_id = $2
         OR EXISTS (SELECT 1 FROM unnest(b.aliases) a
                    WHERE translate(lower(a), 'ךםןףץ"''״׳', 'כמנפצ') LIKE '%' || $2 || '%'))
    AND (NOT $3 OR b.monthly_limit IS NOT NULL)"""


# One page in display order and how many match in all. The inner query picks the page's ids and
# counts the matches (a window, before LIMIT) from an index-only scan of businesses_tenant_order_ids
# (migration 0074) when there is no `q`; only the page's rows are then read, with their counts.
PAGE_SQL = f"""SELECT {COLUMNS}, page.total FROM (
        SELECT b.id, b.display_order, b.name, count(*) OVER () AS total FROM businesses b WHERE {_MATCHES}
        ORDER BY b.display_order, b.name LIMIT $4 OFFSET $5) page
    JOIN businesses b ON b.id = page.id
    ORDER BY page.display_order, page.name"""


async def list_page(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, q: str | None, budgeted: bool, limit: int, offset: int
) -> tuple[list[asyncpg.Record], int]:
    needle = normalize_text(q or "")
    rows = await pool.fetch(PAGE_SQL, tenant_id, needle, budgeted, limit, offset)
    if rows or offset == 0:
        return rows, rows[0]["total"] if rows else 0
    total = await pool.fetchval(  # past the last page: the window saw no rows to count
        f"SELECT count(*) FROM businesses b WHERE {_MATCHES}", tenant_id, needle, budgeted
    )
    return rows, int(total)


async def get(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID, business_id: uuid.UUID
) -> asyncpg.Record | None:
    return await conn.fetchrow(
        f"SELECT {COLUMNS} FROM businesses b WHERE b.id = $1 AND b.tenant_id = $2", business_id, tenant_id
    )


async def exists(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID, business_id: uuid.UUID
) -> bool:
    return bool(
        await conn.fetchval(
            "SELECT 1 FROM businesses WHERE id = $1 AND tenant_id = $2", business_id, tenant_id
        )
    )


async def create(pool: asyncpg.Pool, tenant_id: uuid.UUID, values: dict[str, Any]) -> uuid.UUID:
    """Raises UniqueViolationError when a business with the same normalized name exists."""
    business_id = uuid.uuid4()
    order = values.get("display_order")
    await pool.execute(
        """INSERT INTO businesses
               (id, tenant_id, name, name_key, tax_id, aliases, monthly_limit, display_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7,
                   coalesce($8, (SELECT coalesce(max(display_order), -1) + 1
                                 FROM businesses WHERE tenant_id = $2)))""",
        business_id,
        tenant_id,
        values["name"],
        normalize_name(values["name"]),
        values.get("tax_id"),
        values.get("aliases") or [],
        values.get("monthly_limit"),
        order,
    )
    return business_id


async def update(
    conn: asyncpg.Connection | asyncpg.Pool,
    tenant_id: uuid.UUID,
    business_id: uuid.UUID,
    changes: dict[str, Any],
) -> bool:
    allowed = ("name", "tax_id", "aliases", "monthly_limit", "display_order")
    columns = {name: changes[name] for name in allowed if name in changes}
    if "name" in columns:
        columns["name_key"] = normalize_name(columns["name"])
    if not columns:
        return await exists(conn, tenant_id, business_id)
    assignments = ", ".join(
        f"{name} = ${i}" for i, name in enumerate(columns, start=3)
    )  # names from whitelist
    row = await conn.fetchval(
        f"UPDATE businesses SET {assignments}, updated_at = now()"
        " WHERE id = $1 AND tenant_id = $2 RETURNING id",
        business_id,
        tenant_id,
        *columns.values(),
    )
    return row is not None


async def add_alias(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID, alias: str
) -> bool:
    """Teach an alias unless the name or an existing alias already normalizes to the same thing."""
    row = await conn.fetchrow(
        "SELECT name_key, aliases FROM businesses WHERE id = $1 AND tenant_id = $2", business_id, tenant_id
    )
    key = normalize_name(alias)
    if row is None or not key or key == row["name_key"] or key in {normalize_name(a) for a in row["aliases"]}:
        return False
    await conn.execute(
        "UPDATE businesses SET aliases = array_append(aliases, $3), updated_at = now() "
        "WHERE id = $1 AND tenant_id = $2",
        business_id,
        tenant_id,
        alias.strip(),
    )
    return True


async def lock_order(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> list[tuple[uuid.UUID, int]]:
    """The tenant's (id, display_order) in display order, with the tenant's order locked until the
    transaction ends (two reorders at once would each renumber from a stale order)."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('businesses_order:' || $1::uuid::text, 0))", tenant_id
    )
    rows = await conn.fetch(
        "SELECT id, display_order FROM businesses WHERE tenant_id = $1 ORDER BY display_order, name",
        tenant_id,
    )
    return [(row["id"], row["display_order"]) for row in rows]


async def set_positions(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, positions: list[tuple[uuid.UUID, int]]
) -> None:
    await conn.execute(
        """UPDATE businesses b SET display_order = wanted.position, updated_at = now()
           FROM unnest($2::uuid[], $3::int[]) AS wanted(id, position)
           WHERE b.id = wanted.id AND b.tenant_id = $1""",
        tenant_id,
        [business_id for business_id, _ in positions],
        [position for _, position in positions],
    )


async def list_ids(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID, business_ids: list[uuid.UUID]
) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"SELECT {COLUMNS} FROM businesses b WHERE b.tenant_id = $1 AND b.id = ANY($2::uuid[])"
        " ORDER BY b.display_order, b.name",
        tenant_id,
        business_ids,
    )


async def invoice_ids(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID
) -> list[uuid.UUID]:
    rows = await conn.fetch(
        "SELECT id FROM invoices WHERE tenant_id = $1 AND business_id = $2 FOR UPDATE", tenant_id, business_id
    )
    return [row["id"] for row in rows]


async def move_invoices(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, source_id: uuid.UUID, target_id: uuid.UUID | None
) -> list[uuid.UUID]:
    """Reassign (or unassign, target None) every invoice of a business; bumps their versions."""
    rows = await conn.fetch(
        """UPDATE invoices SET business_id = $3,
               match_method = CASE WHEN $3::uuid IS NULL THEN 'none' ELSE 'manual' END,
               extraction_version = extraction_version + 1, matched_version = extraction_version + 1,
               indexed_version = CASE WHEN indexed_version = extraction_version
                                      THEN extraction_version + 1 ELSE indexed_version END,
               updated_at = now()
           WHERE tenant_id = $1 AND business_id = $2 RETURNING id""",
        tenant_id,
        source_id,
        target_id,
    )
    return [row["id"] for row in rows]


async def delete(conn: asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID) -> bool:
    return (
        await conn.fetchval(
            "DELETE FROM businesses WHERE id = $1 AND tenant_id = $2 RETURNING id", business_id, tenant_id
        )
        is not None
    )
