"""Read latency at scale: one tenant with 100,000 invoices and ~2,000 businesses, then p50/p95 of the
list, its filters, search, sorts, businesses, analytics and insights through the real gateway app
(in-process, httpx ASGITransport: routing, auth, SQL, serialization — no network).

    .venv/bin/python -m bench.scale.run [--invoices 100000] [--businesses 2000] [--rounds 30] [--only TEXT]

Uses DATABASE_URL's server (default: the local one) and a database of its own, `invoiceme_scale`,
kept between runs: the tenant is generated once (~1-2 min) and later runs (after a migration, say)
measure the same data. `--fresh` drops and regenerates it. Needs NATS (NATS_URL) for the gateway.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
from asgi_lifespan import LifespanManager

from bench.scale.dataset import make_businesses, make_invoices
from bench.scale.load import copy_connection, write_insights, write_tenant
from bench.stack import delete_namespace
from invoiceme_common.db import create_pool, migrate
from invoiceme_gateway.app import create_app
from invoiceme_gateway.settings import GatewaySettings

EMAIL, PASSWORD = "scale-bench@example.com", "scale-bench-password"
GOAL_P95_MS = 50.0


def _database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    return urlunsplit(base._replace(path=f"/{name}"))


async def _drop(url: str) -> None:
    admin = await asyncpg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}"')
    finally:
        await admin.close()


async def _headers(client: httpx.AsyncClient) -> dict[str, str]:
    body = {"email": EMAIL, "password": PASSWORD}
    response = await client.post("/api/auth/signup", json=body)
    if response.status_code != 201:
        response = await client.post("/api/auth/login", json=body)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def gateway_settings(database_url: str, namespace: str) -> GatewaySettings:
    """An in-process gateway for the benches: its own NATS namespace, no login throttling."""
    return GatewaySettings(
        database_url=database_url,
        nats_url=os.environ.get("NATS_URL", "nats://127.0.0.1:4222"),
        invoiceme_namespace=namespace,
        stream_max_mb=0,  # reserve no storage (see bench.stack.BENCH_NATS_ENV)
        environment="test",
        jwt_secret="scale-bench-" + uuid.uuid4().hex,
        log_level="WARNING",
        login_address_burst=0,
        signup_address_burst=0,
        login_account_burst=0,
    )


async def _ensure_data(url: str, invoices: int, businesses: int) -> uuid.UUID:
    pool = await create_pool(url, 1, 2)
    try:
        tenant_id = await pool.fetchval("SELECT tenant_id FROM users WHERE email = $1", EMAIL)
        have = await pool.fetchval("SELECT count(*) FROM invoices WHERE tenant_id = $1", tenant_id)
        if have == 0:
            started = time.perf_counter()
            rng = random.Random(20261201)
            today = datetime.now(UTC).date()
            vendors = make_businesses(rng, businesses)
            rows = make_invoices(rng, vendors, invoices, today)
            conn = await copy_connection(url)
            try:
                await write_tenant(conn, tenant_id, vendors, rows)
            finally:
                await conn.close()
            made = await write_insights(pool, tenant_id, today)
            print(f"generated {invoices} invoices, {businesses} businesses, {made} insights "
                  f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        return tenant_id
    finally:
        await pool.close()


async def _cases(url: str, tenant_id: uuid.UUID) -> dict[str, str]:
    """Name -> request path; business ids picked from the data (the busiest and a rare one)."""
    conn = await asyncpg.connect(url)
    try:
        ranked = await conn.fetch(
            """SELECT business_id, count(*) AS n FROM invoices
               WHERE tenant_id = $1 AND business_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1""",
            tenant_id,
        )
    finally:
        await conn.close()
    busiest, rare = ranked[0]["business_id"], ranked[len(ranked) // 2]["business_id"]
    inv = "/api/invoices"
    web = f"{inv}?sort=invoice_date&order=desc&group=month&limit=50"  # what the web app's list asks
    return {
        "list (default page)": inv,
        "list offset 5000": f"{inv}?offset=5000",
        "status=needs_review": f"{inv}?status=needs_review",
        "status=extracted": f"{inv}?status=extracted",
        "business (busiest)": f"{inv}?business_id={busiest}",
        "business (median)": f"{inv}?business_id={rare}",
        "unassigned": f"{inv}?unassigned=true",
        "date range (1 quarter)": f"{inv}?date_from=2026-01-01&date_to=2026-03-31",
        "date range (1 year)": f"{inv}?date_from=2025-01-01&date_to=2025-12-31",
        "currency=USD": f"{inv}?currency=USD",
        "amount 1000-5000": f"{inv}?amount_min=1000&amount_max=5000",
        "combined (status+date+currency)": f"{inv}?status=extracted&date_from=2025-06-01&currency=ILS",
        "search he word 'מאפיית'": f"{inv}?q=מאפיית",
        "search he partial 'מוס'": f"{inv}?q=מוס",
        "search he final letter 'ביטון'": f"{inv}?q=ביטון",
        "search he 2 words 'קפה כהן'": f"{inv}?q=קפה כהן",
        "search en word 'logistics'": f"{inv}?q=logistics",
        "search en partial 'quant'": f"{inv}?q=quant",
        "search number 'INV-10500'": f"{inv}?q=INV-10500",
        "search no match 'zzqx'": f"{inv}?q=zzqx",
        "sort total desc": f"{inv}?sort=total",
        "sort invoice_date asc": f"{inv}?sort=invoice_date&order=asc",
        "sort vendor_name asc": f"{inv}?sort=vendor_name&order=asc",
        "sort status": f"{inv}?sort=status",
        "group=month": f"{inv}?group=month",
        "web list page 1 (date desc, month groups)": f"{web}&offset=0",
        "web list page 2": f"{web}&offset=50",
        "web list + 1 quarter": f"{web}&offset=0&date_from=2026-01-01&date_to=2026-03-31",
        "businesses list": "/api/businesses",  # the first page (50) since the list is paged
        "businesses list offset 1950": "/api/businesses?offset=1950",
        "businesses list limit 500": "/api/businesses?limit=500",
        "businesses home page (20)": "/api/businesses?limit=20",
        "businesses search 'כהן'": "/api/businesses?q=כהן",
        "businesses search 'cloud'": "/api/businesses?q=cloud",
        "analytics summary": "/api/analytics/summary",
        "analytics overall": "/api/analytics/overall",
        "analytics business (busiest)": f"/api/analytics/businesses/{busiest}",
        "insights": "/api/insights",
    }


async def _measure(client: httpx.AsyncClient, cases: dict[str, str], rounds: int) -> dict[str, list[float]]:
    """Round-robin over the cases (so load changes hit all alike); 2 warm-up rounds not counted."""
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(rounds + 2):
        for name, path in cases.items():
            started = time.perf_counter()
            response = await client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code == 401:  # the access token expired during a long run
                client.headers.update(await _headers(client))
                continue
            if response.status_code != 200:
                raise RuntimeError(f"{name}: {path} -> {response.status_code} {response.text[:300]}")
            if round_number >= 2:
                timings[name].append(elapsed)
    return timings


def _table(timings: dict[str, list[float]]) -> str:
    lines = ["| request | p50 ms | p95 ms | max ms | p95 < 50 ms |", "|---|---:|---:|---:|:-:|"]
    for name, values in timings.items():
        p95 = statistics.quantiles(values, n=20, method="inclusive")[18]
        ok = "yes" if p95 < GOAL_P95_MS else "**no**"
        lines.append(f"| {name} | {statistics.median(values):.1f} | {p95:.1f} | {max(values):.1f} | {ok} |")
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> None:
    url = _database_url(args.database)
    if args.fresh:
        await _drop(url)
    if await migrate(url):
        # As autovacuum would in time: a migration that rewrote the table leaves no visibility map
        # (index-only scans) and no statistics for new columns until then.
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("VACUUM ANALYZE invoices")
        finally:
            await conn.close()
    namespace = f"scale{uuid.uuid4().hex[:6]}"
    settings = gateway_settings(url, namespace)
    app = create_app(settings)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=60) as client:
            headers = await _headers(client)
            tenant_id = await _ensure_data(url, args.invoices, args.businesses)
            client.headers.update(headers)
            cases = {
                name: path
                for name, path in (await _cases(url, tenant_id)).items()
                if not args.only or args.only in name
            }
            timings = await _measure(client, cases, args.rounds)
    await delete_namespace(settings.nats_url, namespace)
    print(f"load average: {os.getloadavg()}")
    print(_table(timings))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--businesses", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=30, help="timed requests per case")
    parser.add_argument("--database", default="invoiceme_scale")
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the database")
    parser.add_argument("--only", help="measure only the cases whose name contains this")
    asyncio.run(main(parser.parse_args()))
