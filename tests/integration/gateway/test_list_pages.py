"""The list's page query (ids picked first, then the page's rows) answers exactly what the plain
query (filter, order, limit and offset over the rows) answers: every sort, both ways, with filters,
offsets and keyset cursors, over invoices with missing fields and tied creation times."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest

from invoiceme_gateway.invoices.filters import (
    SORT_EXPRESSIONS,
    InvoiceFilters,
    cursor_condition,
    encode_cursor,
    order_clause,
    where_clause,
)
from invoiceme_gateway.invoices.listing import list_queries, month_groups_query
from invoiceme_gateway.invoices.repository import COLUMNS, FROM

FILTERS = [
    InvoiceFilters(),
    InvoiceFilters(status=["needs_review"]),
    InvoiceFilters(date_from=date(2025, 4, 1), date_to=date(2025, 9, 30)),
    InvoiceFilters(currency="usd", amount_min=100),
    InvoiceFilters(status=["extracted"], date_from=date(2025, 6, 1), currency="ILS"),
    InvoiceFilters(unassigned=True),
]


def _plain_query(
    tenant_id: uuid.UUID,
    filters: InvoiceFilters,
    sort: str,
    descending: bool,
    offset: int,
    cursor: str | None,
) -> tuple[str, list]:
    """The list's page as it was written before picking ids first."""
    where, params = where_clause(tenant_id, filters)
    if cursor:
        where = f"{where} AND {cursor_condition(params, cursor, descending)}"
    params.extend([20, offset])
    return (
        f"SELECT {COLUMNS} FROM {FROM} WHERE {where} ORDER BY {order_clause(sort, descending)} "
        f"LIMIT ${len(params) - 1} OFFSET ${len(params)}",
        params,
    )


COPIED_COLUMNS = (
    "id tenant_id status filename size_bytes sha256 storage_key fields created_at updated_at business_id"
).split()


def _fields(rng: random.Random) -> dict:
    if rng.random() < 0.15:
        return {}  # not extracted yet: no date, total, vendor or currency
    fields = {
        "invoice_date": (date(2025, 1, 1) + timedelta(days=rng.randrange(500))).isoformat(),
        "currency": rng.choice(["ILS", "ILS", "usd", "EUR"]),
        "vendor_name": rng.choice(["Acme", "acme", "בזק", "Zeta", None]),
    }
    if rng.random() < 0.9:
        fields["total"] = rng.choice([50, 100, 250.5, 999.99, 1200])  # ties on purpose
    return fields


@pytest.fixture(scope="module")
async def varied_tenant(database_url):
    rng = random.Random(11)
    conn = await asyncpg.connect(database_url)
    tenant_id = uuid.uuid4()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        await conn.execute("INSERT INTO tenants (id, name) VALUES ($1, 'pages')", tenant_id)
        business_id = uuid.uuid4()
        await conn.execute(
            "INSERT INTO businesses (id, tenant_id, name, name_key) VALUES ($1, $2, 'Acme', 'acme')",
            business_id,
            tenant_id,
        )
        await conn.copy_records_to_table(
            "invoices",
            columns=COPIED_COLUMNS,
            records=[
                (
                    uuid.uuid4(),
                    tenant_id,
                    rng.choice(["extracted", "extracted", "needs_review", "failed"]),
                    f"{n}.pdf",
                    1,
                    f"{n}",
                    f"k/{n}",
                    json.dumps(_fields(rng)),
                    base + timedelta(minutes=rng.randrange(150)),  # many share a created_at
                    base,
                    rng.choice([business_id, None]),
                )
                for n in range(400)
            ],
        )
        await conn.execute("VACUUM ANALYZE invoices")
        yield tenant_id
    finally:
        await conn.execute("DELETE FROM tenants WHERE id = $1", tenant_id)
        await conn.close()


def _ids(rows: list) -> list:
    return [row["id"] for row in rows]


class TestPagesAsBefore:
    """Ids first, rows second: the same rows in the same order as the plain query."""

    @pytest.mark.parametrize("filters", FILTERS)
    @pytest.mark.parametrize("descending", [True, False])
    @pytest.mark.parametrize("sort", list(SORT_EXPRESSIONS))
    async def test_same_page(self, db, varied_tenant, sort, descending, filters):
        compared = 0
        for offset in (0, 20, 130):
            queries = list_queries(varied_tenant, filters, sort, descending, 20, offset, None)
            page = await db.fetch(queries.page_sql, *queries.page_params)
            plain_sql, plain_params = _plain_query(varied_tenant, filters, sort, descending, offset, None)
            before = await db.fetch(plain_sql, *plain_params)
            assert [dict(row) for row in page] == [dict(row) for row in before]
            compared += len(page)
        assert compared, "no invoice matched: nothing was compared"

    @pytest.mark.parametrize("descending", [True, False])
    async def test_same_pages_by_cursor(self, db, varied_tenant, descending):
        cursor, seen = None, 0
        while True:
            queries = list_queries(varied_tenant, InvoiceFilters(), "created_at", descending, 20, 0, cursor)
            page = await db.fetch(queries.page_sql, *queries.page_params)
            plain_sql, plain_params = _plain_query(
                varied_tenant, InvoiceFilters(), "created_at", descending, 0, cursor
            )
            before = await db.fetch(plain_sql, *plain_params)
            assert _ids(page) == _ids(before)
            seen += len(page)
            if len(page) < 20:
                break
            cursor = encode_cursor(page[-1]["created_at"], page[-1]["id"])
        assert seen == 400


MONTH_GROUPS_OVER_INVOICES = """
    SELECT m AS month, sum(n)::int AS count,
           coalesce(jsonb_object_agg(cur, amount) FILTER (WHERE cur IS NOT NULL AND amount IS NOT NULL),
                    '{}'::jsonb) AS totals
    FROM (SELECT i.list_month AS m, i.list_currency AS cur, count(*) AS n, sum(i.list_total) AS amount
          FROM invoices i WHERE i.tenant_id = $1 GROUP BY 1, 2) AS per_currency
    GROUP BY m ORDER BY m DESC"""


def _groups(rows: list) -> list:
    """Totals as the API gives them (floats): a kept sum may carry more decimal places (10.000)."""
    return [(r["month"], r["count"], {k: float(v) for k, v in r["totals"].items()}) for r in rows]


class TestMonthGroupsAsBefore:
    """The whole tenant's month groups, kept by a trigger (migration 0073), equal the groups counted
    over the invoices after random uploads, extractions, edits and deletions."""

    @pytest.mark.parametrize("seed", [3, 8])
    async def test_kept_groups_equal_counted(self, db, seed):
        rng = random.Random(seed)
        tenant_id = uuid.uuid4()
        await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'groups')", tenant_id)
        live: list[uuid.UUID] = []
        for step in range(150):
            action = rng.choice(["upload", "upload", "extract", "extract", "retotal", "delete"])
            if action == "upload" or not live:
                invoice_id = uuid.uuid4()
                await db.execute(
                    """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256,
                                             storage_key, fields)
                       VALUES ($1, $2, 'received', 'a.pdf', 1, $3, 'k', $4)""",
                    invoice_id,
                    tenant_id,
                    f"{seed}-{step}",
                    _fields(rng) if rng.random() < 0.3 else {},
                )
                live.append(invoice_id)
            elif action == "extract":  # a first extraction or an edit: date, currency, total change
                await db.execute(
                    "UPDATE invoices SET fields = $2 WHERE id = $1", rng.choice(live), _fields(rng)
                )
            elif action == "retotal":  # an edit of the total alone: same month and currency
                await db.execute(
                    "UPDATE invoices SET fields = fields || jsonb_build_object('total', $2::numeric)"
                    " WHERE id = $1",
                    rng.choice(live),
                    rng.choice([10, 99.5, 1234]),
                )
            else:
                gone = live.pop(rng.randrange(len(live)))
                await db.execute("DELETE FROM invoices WHERE id = $1", gone)
        sql, params = month_groups_query(tenant_id, InvoiceFilters())
        kept = await db.fetch(sql, *params)
        counted = await db.fetch(MONTH_GROUPS_OVER_INVOICES, tenant_id)
        assert len(counted) > 3, "too few months to compare"
        assert _groups(kept) == _groups(counted)
        await db.execute("DELETE FROM tenants WHERE id = $1", tenant_id)
