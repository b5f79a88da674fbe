"""What the fault tests check once everything settled: exactly once, nothing unexplained, exact analytics."""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg


async def check_exactly_once(database_url: str, accepted: set[str], broken: set[str]) -> None:
    """Each pipeline step applied once per invoice, no unexplained dead letter, analytics exact."""
    conn = await asyncpg.connect(database_url)
    try:
        good = [uuid.UUID(i) for i in accepted if i not in broken]
        # Each step of the one pipeline run happened once: one OCR result, one extraction.
        versions = await conn.fetch(
            """SELECT i.id, i.extraction_version, i.pipeline_run,
                      (SELECT count(*) FROM invoice_extractions e WHERE e.invoice_id = i.id) AS extractions
               FROM invoices i WHERE i.id = ANY($1::uuid[])""",
            good,
        )
        assert {(r["extraction_version"], r["pipeline_run"], r["extractions"]) for r in versions} == {
            (1, 1, 1)
        }
        events = await conn.fetch(
            """SELECT subject, count(*) AS n, count(DISTINCT invoice_id) AS invoices,
                      count(*) FILTER (WHERE published_at IS NULL) AS unpublished
               FROM outbox GROUP BY subject"""
        )
        by_subject = {
            r["subject"].rsplit(".", 1)[1]: (r["n"], r["invoices"], r["unpublished"]) for r in events
        }
        total = len(accepted)
        assert by_subject["uploaded"] == (total, total, 0)
        assert by_subject["text_extracted"] == (len(good), len(good), 0)
        assert by_subject["saved"] == (len(good), len(good), 0)
        # No unexplained dead letter: only the broken documents, once each.
        letters = await conn.fetch("SELECT invoice_id::text, error FROM dead_letters")
        assert sorted(r["invoice_id"] for r in letters) == sorted(broken), [dict(r) for r in letters]
        await _check_analytics(conn, good)
    finally:
        await conn.close()


async def _check_analytics(conn: asyncpg.Connection, good: list[uuid.UUID]) -> None:
    """The projection converges to a fresh SQL sum over the invoices (eventually consistent)."""
    fresh_sql = """SELECT fields->>'currency' AS currency, count(*) AS n,
                          sum((fields->>'total')::numeric) AS total
                   FROM invoices WHERE id = ANY($1::uuid[]) AND fields->>'total' IS NOT NULL GROUP BY 1"""
    projected_sql = """SELECT key AS currency, invoice_count AS n, total_sum AS total
                       FROM analytics_aggregates WHERE dimension = 'currency'"""
    deadline = time.monotonic() + 120
    while True:
        fresh = {r["currency"]: (r["n"], r["total"]) for r in await conn.fetch(fresh_sql, good)}
        projected = {r["currency"]: (r["n"], r["total"]) for r in await conn.fetch(projected_sql)}
        if fresh == projected or time.monotonic() > deadline:
            break
        await asyncio.sleep(1)
    assert projected == fresh
    assert sum(n for n, _ in fresh.values()) == len(good)  # every good document's total was read
    facts = await conn.fetchval(
        """SELECT count(*) FROM analytics_invoice_facts f JOIN invoices i ON i.id = f.invoice_id
           WHERE f.extraction_version = i.extraction_version AND NOT f.deleted"""
    )
    assert facts == len(good)
