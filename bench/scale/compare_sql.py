"""The scale bench's slow read queries as main wrote them (at 057f7ee, before migrations 0070-0073)
against a copy of the bench's database taken before those migrations, and as they are now against
the migrated one: EXPLAIN (ANALYZE) execution times side by side, interleaved, median of --runs. The
server's own clock, steadier than request timings on a shared machine.

    psql -c 'CREATE DATABASE invoiceme_scale_base TEMPLATE invoiceme_scale'   # before migrating it
    .venv/bin/python -m bench.scale.compare_sql [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import asyncpg

from bench.scale.run import EMAIL, _database_url
from invoiceme_common.analytics_read.figures import last_months
from invoiceme_gateway.invoices import listing
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices.filters import InvoiceFilters, order_clause, where_clause

Query = tuple[str, list[Any]] | tuple[str, list[Any], str]
MakeQueries = Callable[[uuid.UUID, uuid.UUID], list[Query]]
MONTHS = last_months(date.today())
YEAR = InvoiceFilters(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
QUARTER = InvoiceFilters(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31))

# main's statements (the same text the gateway and read model sent there)
OLD_OVERALL = """SELECT GROUPING(currency, month, business_id), currency, month, business_id, count(*),
  sum(total), coalesce(sum(base_total), 0), count(*) FILTER (WHERE business_id IS NULL),
  count(*) FILTER (WHERE base_total IS NULL), coalesce(sum(reclaimable_vat), 0),
  count(base_total) FILTER (WHERE month = ANY($2)),
  coalesce(sum(base_total) FILTER (WHERE month = ANY($2)), 0),
  coalesce(sum(base_total) FILTER (WHERE month = $3), 0)
  FROM analytics_invoice_facts WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL
  GROUP BY GROUPING SETS ((currency), (month), (business_id))"""
OLD_BUSINESS = """SELECT invoice_id, business_id, vendor, invoice_date, month, document_type, invoice_number,
  currency, total, base_total, subtotal, vat_amount, allocation_number, before_vat_ils, reclaimable_vat,
  fx_warning FROM analytics_invoice_facts
  WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL AND business_id = $2
  ORDER BY invoice_date NULLS LAST, invoice_id"""
OLD_COUNT = "(SELECT count(*) FROM invoices i WHERE i.business_id = b.id AND i.tenant_id = b.tenant_id)"
# this branch's
NEW_OVERALL_TOTALS = """SELECT GROUPING(currency, month), currency, month, sum(invoice_count), sum(total_sum),
  sum(base_total_sum), sum(unassigned_count), sum(invoice_count - converted_count), sum(reclaimable_vat_sum)
  FROM analytics_monthly_totals WHERE tenant_id = $1 GROUP BY GROUPING SETS ((currency), (month))"""
NEW_OVERALL_SPENDERS = """SELECT business_id, sum(base_total_sum),
  coalesce(sum(base_total_sum) FILTER (WHERE month = $3), 0) FROM analytics_monthly
  WHERE tenant_id = $1 AND month = ANY($2) AND business_id IS NOT NULL
  GROUP BY business_id HAVING sum(converted_count) > 0"""
NEW_BUSINESS = """SELECT month, sum(invoice_count), sum(base_total_sum), sum(reclaimable_vat_sum)
  FROM analytics_monthly WHERE tenant_id = $1 AND business_id = $2 GROUP BY month"""
NEW_COUNT = """coalesce((SELECT c.invoice_count FROM business_invoice_counts c
  WHERE c.tenant_id = b.tenant_id AND c.business_id = b.id), 0)"""
# both
SUMMARY = """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
  WHERE tenant_id = $1 ORDER BY dimension, key, currency"""
BUSINESSES = """SELECT b.id, b.name, b.tax_id, b.aliases, b.monthly_limit, b.display_order, b.created_at,
  b.updated_at, {count} FROM businesses b WHERE b.tenant_id = $1 ORDER BY b.display_order, b.name"""


def old_page(tenant_id: uuid.UUID, filters: InvoiceFilters, offset: int = 0) -> Query:
    where, params = where_clause(tenant_id, filters)
    params += [50, offset]
    order = order_clause("created_at", True)
    limits = f"LIMIT ${len(params) - 1} OFFSET ${len(params)}"
    return f"SELECT {repo.COLUMNS} FROM {repo.FROM} WHERE {where} ORDER BY {order} {limits}", params


def new_page(tenant_id: uuid.UUID, filters: InvoiceFilters, offset: int = 0) -> Query:
    queries = listing.list_queries(tenant_id, filters, "created_at", True, 50, offset, None)
    return queries.page_sql, queries.page_params


def old_groups(tenant_id: uuid.UUID) -> Query:
    where, params = where_clause(tenant_id, InvoiceFilters())
    return (
        f"""SELECT m AS month, sum(n)::int AS count, coalesce(jsonb_object_agg(cur, amount)
              FILTER (WHERE cur IS NOT NULL AND amount IS NOT NULL), '{{}}'::jsonb) AS totals
            FROM (SELECT i.list_month AS m, i.list_currency AS cur, count(*) AS n,
                         sum(i.list_total) AS amount
                  FROM invoices i WHERE {where} GROUP BY 1, 2) AS per_currency
            GROUP BY m ORDER BY m DESC""",
        params,
    )


CASES: dict[str, tuple[MakeQueries, MakeQueries]] = {
    "list page, date range 1 year (newest first)": (
        lambda t, b: [old_page(t, YEAR)],
        lambda t, b: [new_page(t, YEAR)],
    ),
    "list page, date range 1 quarter": (
        lambda t, b: [old_page(t, QUARTER)],
        lambda t, b: [new_page(t, QUARTER)],
    ),
    "list page, offset 5000": (
        lambda t, b: [old_page(t, InvoiceFilters(), 5000)],
        lambda t, b: [new_page(t, InvoiceFilters(), 5000)],
    ),
    "list page, default": (
        lambda t, b: [old_page(t, InvoiceFilters())],
        lambda t, b: [new_page(t, InvoiceFilters())],
    ),
    "month groups, whole tenant": (
        lambda t, b: [old_groups(t)],
        lambda t, b: [listing.month_groups_query(t, InvoiceFilters())],
    ),
    "businesses list": (
        lambda t, b: [(BUSINESSES.format(count=OLD_COUNT), [t])],
        lambda t, b: [(BUSINESSES.format(count=NEW_COUNT), [t])],
    ),
    "analytics overall": (
        lambda t, b: [(OLD_OVERALL, [t, MONTHS, MONTHS[-1]])],
        lambda t, b: [(NEW_OVERALL_TOTALS, [t]), (NEW_OVERALL_SPENDERS, [t, MONTHS, MONTHS[-1]])],
    ),
    "analytics business (busiest)": (
        lambda t, b: [(OLD_BUSINESS, [t, b])],
        lambda t, b: [(NEW_BUSINESS, [t, b])],
    ),
    "analytics summary": (
        lambda t, b: [(SUMMARY, [t])],
        lambda t, b: [(SUMMARY, [t], "SET LOCAL enable_sort = off")],
    ),
}


async def execution_ms(conn: asyncpg.Connection, sql: str, params: list[Any], setup: str = "") -> float:
    async with conn.transaction():
        if setup:
            await conn.execute(setup)
        plan = await conn.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", *params)
    return float(json.loads(plan)[0]["Execution Time"])


async def _subject(conn: asyncpg.Connection) -> tuple[uuid.UUID, uuid.UUID]:
    """The bench tenant and its busiest business."""
    tenant_id = await conn.fetchval("SELECT tenant_id FROM users WHERE email = $1", EMAIL)
    busiest = await conn.fetchval(
        """SELECT business_id FROM invoices WHERE tenant_id = $1 AND business_id IS NOT NULL
           GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""",
        tenant_id,
    )
    return tenant_id, busiest


async def main(args: argparse.Namespace) -> None:
    old = await asyncpg.connect(_database_url(args.base_database))
    new = await asyncpg.connect(_database_url(args.database))
    try:
        old_subject, new_subject = await _subject(old), await _subject(new)
        print(f"load average before: {os.getloadavg()}")
        print("| query (EXPLAIN ANALYZE execution, ms) | main | this branch | main / branch |")
        print("|---|---:|---:|---:|")
        for name, (make_old, make_new) in CASES.items():
            before, after = [], []
            for _ in range(args.runs):
                before.append(sum([await execution_ms(old, *q) for q in make_old(*old_subject)]))
                after.append(sum([await execution_ms(new, *q) for q in make_new(*new_subject)]))
            was, now = statistics.median(before), statistics.median(after)
            print(f"| {name} | {was:.1f} | {now:.1f} | {was / now:.1f}x |")
        print(f"load average after: {os.getloadavg()}")
    finally:
        await old.close()
        await new.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-database", default="invoiceme_scale_base")
    parser.add_argument("--database", default="invoiceme_scale")
    parser.add_argument("--runs", type=int, default=7)
    asyncio.run(main(parser.parse_args()))
