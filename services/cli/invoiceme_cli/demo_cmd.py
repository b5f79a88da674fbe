"""`invoiceme demo-data`: fill a demo tenant with realistic invoices through the real pipeline.

It signs a demo user up (or logs in), creates the vendors as businesses with budgets, and uploads
generated PDFs to the running gateway over HTTP; OCR, extraction and analytics do the rest.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import click
import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .demo_documents import CONTRACTOR, VENDORS, plan_invoices, render_pdf

console = Console(stderr=True)
DEMO_EMAIL = "demo@invoiceme.example"
DEMO_PASSWORD = "demo-password-1"
PENDING = ("received", "ocr_done")


@dataclass
class SeedResult:
    uploaded: int = 0
    duplicates: int = 0
    businesses_created: int = 0


async def sign_in(client: httpx.AsyncClient, email: str, password: str) -> dict[str, str]:
    body = {"email": email, "password": password, "full_name": "משתמש הדגמה", "base_currency": "ILS"}
    response = await client.post("/api/auth/signup", json=body)
    if response.status_code == 409:
        response = await client.post("/api/auth/login", json={"email": email, "password": password})
    if response.status_code not in (200, 201):
        raise click.ClickException(
            f"could not sign in as {email}: {response.status_code} {response.text[:200]}"
        )
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def ensure_businesses(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    listed = await client.get("/api/businesses", headers=headers, params={"limit": 500})
    listed.raise_for_status()
    body = listed.json()
    existing = {item["name"] for item in body["items"]}  # the demo account has far fewer than 500
    created = 0
    for vendor in (*VENDORS, CONTRACTOR):
        if vendor.name in existing:
            continue
        payload = {"name": vendor.name, "tax_id": vendor.tax_id, "monthly_limit": vendor.monthly_limit}
        response = await client.post("/api/businesses", json=payload, headers=headers)
        if response.status_code not in (200, 201, 409):
            raise click.ClickException(f"could not create business {vendor.name}: {response.text[:200]}")
        created += response.status_code != 409
    return created


async def seed_demo(
    client: httpx.AsyncClient,
    email: str,
    password: str,
    months: int,
    seed: int,
    advance: Callable[[int, int], None] = lambda done, total: None,
) -> SeedResult:
    """Upload the demo invoices (idempotent: the gateway answers 409 for files it already has)."""
    headers = await sign_in(client, email, password)
    result = SeedResult(businesses_created=await ensure_businesses(client, headers))
    invoices = plan_invoices(datetime.now(UTC).date(), months, random.Random(seed))
    for done, invoice in enumerate(invoices, start=1):
        files = {"file": (invoice.filename, render_pdf(invoice), "application/pdf")}
        response = await client.post("/api/invoices", headers=headers, files=files)
        if response.status_code == 409:
            result.duplicates += 1
        elif response.status_code == 202:
            result.uploaded += 1
        else:
            raise click.ClickException(f"upload of {invoice.filename} failed: {response.text[:200]}")
        advance(done, len(invoices))
    return result


async def pending_count(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    response = await client.get(
        "/api/invoices", params={"status": list(PENDING), "limit": 1}, headers=headers
    )
    response.raise_for_status()
    return int(response.json().get("total", 0))


async def settle_matching(client: httpx.AsyncClient, headers: dict[str, str], rounds: int = 10) -> int:
    """Listing invoices lets the gateway match processed ones to businesses; list until that settles."""
    previous = -1
    for _ in range(rounds):
        response = await client.get(
            "/api/invoices", params={"unassigned": "true", "limit": 1}, headers=headers
        )
        response.raise_for_status()
        unassigned = int(response.json().get("total", 0))
        if unassigned == previous:
            break
        previous = unassigned
    return previous


async def _run(url: str, email: str, password: str, months: int, seed: int, wait: float) -> SeedResult:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        with Progress(*columns, console=console) as progress:
            task = progress.add_task("uploading demo invoices", total=None)
            result = await seed_demo(
                client,
                email,
                password,
                months,
                seed,
                lambda done, total: progress.update(task, completed=done, total=total),
            )
            if wait > 0 and result.uploaded:
                headers = await sign_in(client, email, password)
                processing = progress.add_task("processing (OCR + extraction)", total=result.uploaded)
                deadline = asyncio.get_running_loop().time() + wait
                while (
                    left := await pending_count(client, headers)
                ) and asyncio.get_running_loop().time() < deadline:
                    progress.update(processing, completed=max(0, result.uploaded - left))
                    await asyncio.sleep(1)
                progress.update(processing, completed=result.uploaded - left)
                await settle_matching(client, headers)
    return result


@click.command("demo-data")
@click.option("--url", default=None, help="Gateway URL (default: http://GATEWAY_HOST:GATEWAY_PORT)")
@click.option("--email", default=DEMO_EMAIL, show_default=True)
@click.option("--password", default=DEMO_PASSWORD, show_default=True)
@click.option("--months", default=12, show_default=True, type=click.IntRange(1, 36))
@click.option("--seed", default=2026, show_default=True, help="Random seed: same seed, same invoices")
@click.option("--wait", default=300.0, show_default=True, help="Seconds to wait for processing (0: don't)")
def demo_data(url: str | None, email: str, password: str, months: int, seed: int, wait: float) -> None:
    """Fill a demo tenant with Hebrew and English invoices from several vendors over the last months."""
    if url is None:
        from invoiceme_gateway.settings import GatewaySettings

        settings = GatewaySettings()
        url = f"http://{settings.gateway_host}:{settings.gateway_port}"
    try:
        result = asyncio.run(_run(url, email, password, months, seed, wait))
    except httpx.ConnectError as exc:
        raise click.ClickException(f"no gateway answers at {url}: start it with `invoiceme up`") from exc
    console.print(
        f"[green]{result.uploaded} invoices uploaded[/] ({result.duplicates} already there, "
        f"{result.businesses_created} businesses created) — sign in as {email} / {password}"
    )
