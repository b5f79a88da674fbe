"""The invoice list and the businesses search are answered from indexes, whatever the tenant's size:
EXPLAIN with sorts and sequential scans priced out shows no sort of the tenant's invoices and the
trigram index for `q` (so a 100,000-invoice tenant is not sorted or scanned per request)."""

from __future__ import annotations

import random
import uuid
from datetime import date

import asyncpg
import pytest

from invoiceme_common.vendor_matching import normalize_text
from invoiceme_gateway.businesses import repository as business_repository
from invoiceme_gateway.invoices import listing
from invoiceme_gateway.invoices.filters import SORT_EXPRESSIONS, InvoiceFilters
from invoiceme_gateway.invoices.listing import list_queries, month_groups_query

WORDS = ["מאפיית", "מוסך", "כהן", "לוי", "cedar", "logistics", "acme", "cloud", "שירותי", "ייעוץ"]


async def _plan(pool: asyncpg.Pool, sql: str, params: list) -> str:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        await conn.execute("SET LOCAL enable_sort = off")
        rows = await conn.fetch(f"EXPLAIN {sql}", *params)
        return "\n".join(row[0] for row in rows)


@pytest.fixture(scope="module")
async def tenant_with_invoices(database_url):
    """3,000 invoices of random words in one tenant of the session database, vacuumed and analyzed."""
    rng = random.Random(5)
    conn = await asyncpg.connect(database_url)
    tenant_id = uuid.uuid4()
    try:
        await conn.execute("INSERT INTO tenants (id, name) VALUES ($1, 'plans')", tenant_id)
        await conn.copy_records_to_table(
            "invoices",
            columns=[
                "id",
                "tenant_id",
                "status",
                "filename",
                "size_bytes",
                "sha256",
                "storage_key",
                "search_text",
            ],
            records=[
                (
                    uuid.uuid4(),
                    tenant_id,
                    "extracted",
                    f"{n}.pdf",
                    1,
                    f"{n}",
                    f"k/{n}",
                    normalize_text(" ".join(rng.choices(WORDS, k=12)) + f" inv-{n}"),
                )
                for n in range(3000)
            ],
        )
        await conn.execute("VACUUM ANALYZE invoices")  # index-only scans need the visibility map
        yield tenant_id
    finally:
        await conn.execute("DELETE FROM tenants WHERE id = $1", tenant_id)
        await conn.close()


class TestCount:
    """The list stops counting past COUNT_LIMIT (one more than the limit says "more")."""

    async def test_count_stops_past_the_limit(self, db, tenant_with_invoices, monkeypatch):
        monkeypatch.setattr(listing, "COUNT_LIMIT", 100)
        everything = list_queries(tenant_with_invoices, InvoiceFilters(), "created_at", True, 10, 0, None)
        rows, total = await listing.list_page(db, everything)
        assert (len(rows), total) == (10, 101)
        one = list_queries(
            tenant_with_invoices, InvoiceFilters(q="inv 1234"), "created_at", True, 10, 0, None
        )
        assert (await listing.list_page(db, one))[1] == 1


class TestListPlans:
    """Every sort, both ways, and the filters that keep the default order, read an index in order."""

    @pytest.mark.parametrize("descending", [True, False])
    @pytest.mark.parametrize("sort", list(SORT_EXPRESSIONS))
    async def test_sorts_need_no_sort_node(self, db, tenant_with_invoices, sort, descending):
        queries = list_queries(tenant_with_invoices, InvoiceFilters(), sort, descending, 50, 0, None)
        plan = await _plan(db, queries.page_sql, queries.page_params)
        assert "Sort" not in plan, plan

    @pytest.mark.parametrize(
        "filters",
        [
            InvoiceFilters(status=["needs_review"]),
            InvoiceFilters(business_id=uuid.uuid4()),
            InvoiceFilters(currency="usd"),
        ],
    )
    async def test_filters_keep_the_default_order_indexed(self, db, tenant_with_invoices, filters):
        queries = list_queries(tenant_with_invoices, filters, "created_at", True, 50, 0, None)
        plan = await _plan(db, queries.page_sql, queries.page_params)
        assert "Sort" not in plan, plan

    @pytest.mark.parametrize(
        "filters", [InvoiceFilters(), InvoiceFilters(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31))]
    )
    async def test_month_groups_read_only_the_index(self, db, tenant_with_invoices, filters):
        sql, params = month_groups_query(tenant_with_invoices, filters)
        plan = await _plan(db, sql, params)
        assert "Index Only Scan using invoices_tenant_month_groups" in plan, plan

    async def test_search_uses_the_trigram_index(self, db, tenant_with_invoices):
        queries = list_queries(
            tenant_with_invoices, InvoiceFilters(q="inv-1234"), "created_at", True, 50, 0, None
        )
        plan = await _plan(db, queries.count_sql, queries.count_params)
        assert "invoices_search_trgm" in plan, plan

    async def test_business_names_have_a_trigram_index(self, db):
        # Without the tenant condition: the session's few businesses would make its index cheaper.
        plan = await _plan(db, "SELECT id FROM businesses b WHERE b.name_key LIKE '%' || $1 || '%'", ["מאפ"])
        assert "businesses_name_trgm" in plan, plan

    async def test_hebrew_words_have_trigrams(self, db):
        # Under a "C" character locale pg_trgm sees no letters in Hebrew, and the index cannot help
        # Hebrew searches (they still work, slowly): the embedded Postgres is initialized C.UTF-8.
        assert await db.fetchval("SELECT cardinality(show_trgm('מאפיית'))") > 0


class TestBusinessPagePlan:
    """A page of businesses (and its total) is picked from the order index alone, not by sorting
    or reading the tenant's rows; with or without the budget filter."""

    @pytest.mark.parametrize("budgeted", [False, True])
    async def test_page_ids_come_from_an_index_only_scan(self, db, budgeted):
        await db.execute("VACUUM businesses")  # index-only needs the visibility map, as autovacuum keeps it
        plan = await _plan(db, business_repository.PAGE_SQL, [uuid.uuid4(), "", budgeted, 50, 1950])
        assert "Index Only Scan using businesses_tenant_order_ids" in plan, plan
