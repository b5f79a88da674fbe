"""What the rollup triggers (migrations 0070-0073) add to the writes they follow: one statement at a
time (autocommit, as the services write), with the tables' user triggers enabled vs disabled, in
alternating batches on a scratch database (`invoiceme_scale_triggers`, dropped at the end).

Disabling user triggers on invoices also disables the older ones (extraction history, state machine),
so the invoices row is an upper bound of what 0071/0073 add.

    .venv/bin/python -m bench.scale.trigger_cost [--batches 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
import uuid

import asyncpg

from bench.scale.run import _database_url, _drop
from invoiceme_common.db import migrate

FACT_UPSERT = """INSERT INTO analytics_invoice_facts
      (invoice_id, tenant_id, extraction_version, last_event_id, deleted, vendor, month, currency, total,
       business_id, base_total, reclaimable_vat)
    VALUES ($1, $2, $3, $4, false, 'v', $5, 'ILS', $6, $7, $6, 1)
    ON CONFLICT (invoice_id) DO UPDATE SET extraction_version = EXCLUDED.extraction_version,
      month = EXCLUDED.month, total = EXCLUDED.total, base_total = EXCLUDED.base_total,
      business_id = EXCLUDED.business_id"""
INVOICE_UPDATE = "UPDATE invoices SET fields = $2, business_id = $3 WHERE id = $1"
TABLES = ("analytics_invoice_facts", "invoices")


async def _tenant(conn: asyncpg.Connection) -> tuple[uuid.UUID, list[uuid.UUID], list[uuid.UUID]]:
    tenant_id = uuid.uuid4()
    await conn.execute("INSERT INTO tenants (id, name) VALUES ($1, 'triggers')", tenant_id)
    businesses = [uuid.uuid4() for _ in range(50)]
    await conn.executemany(
        "INSERT INTO businesses (id, tenant_id, name, name_key) VALUES ($1, $2, $3, $3)",
        [(b, tenant_id, str(b)) for b in businesses],
    )
    invoices = [uuid.uuid4() for _ in range(3000)]
    await conn.executemany(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, 'received', 'a.pdf', 1, $3, 'k')""",
        [(i, tenant_id, str(i)) for i in invoices],
    )
    return tenant_id, businesses, invoices


async def measure(conn: asyncpg.Connection, batches: int) -> dict[tuple[str, bool], list[float]]:
    tenant_id, businesses, invoices = await _tenant(conn)
    rng = random.Random(1)
    timings: dict[tuple[str, bool], list[float]] = {(t, on): [] for t in TABLES for on in (True, False)}
    for batch in range(batches):
        for enabled in (True, False) if batch % 2 else (False, True):
            for table in TABLES:
                await conn.execute(f"ALTER TABLE {table} {'ENABLE' if enabled else 'DISABLE'} TRIGGER USER")
            for step in range(150):
                invoice_id, business_id = rng.choice(invoices), rng.choice(businesses)
                month, total = f"2026-{rng.randint(1, 12):02d}", rng.randint(1, 999)
                started = time.perf_counter()
                await conn.execute(
                    FACT_UPSERT,
                    invoice_id,
                    tenant_id,
                    batch * 1000 + step,
                    uuid.uuid4(),
                    month,
                    total,
                    business_id,
                )
                timings[(TABLES[0], enabled)].append(time.perf_counter() - started)
                fields = json.dumps({"invoice_date": f"{month}-05", "currency": "ILS", "total": total})
                started = time.perf_counter()
                await conn.execute(INVOICE_UPDATE, invoice_id, fields, business_id)
                timings[(TABLES[1], enabled)].append(time.perf_counter() - started)
    return timings


async def main(args: argparse.Namespace) -> None:
    url = _database_url("invoiceme_scale_triggers")
    await _drop(url)
    await migrate(url)
    conn = await asyncpg.connect(url)
    try:
        timings = await measure(conn, args.batches)
    finally:
        await conn.close()
        await _drop(url)
    print(f"load average: {os.getloadavg()}")
    print("| write (one statement, autocommit) | triggers off: median ms | on: median ms | added ms |")
    print("|---|---:|---:|---:|")
    labels = {
        "analytics_invoice_facts": "fact upsert (the analytics consumer's write)",
        "invoices": "invoice fields + business (an extraction's write; upper bound)",
    }
    for table, label in labels.items():
        off = statistics.median(timings[(table, False)]) * 1000
        on = statistics.median(timings[(table, True)]) * 1000
        print(f"| {label} | {off:.2f} | {on:.2f} | {on - off:+.2f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--batches", type=int, default=20, help="alternating batches of 150 writes each")
    asyncio.run(main(parser.parse_args()))
