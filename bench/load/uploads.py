"""The load's users and their uploads: signed-up accounts, distinct small PDFs, one POST timed."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field

import httpx

from bench.load.results import Result
from bench.load.watch import Finished
from tests.support.documents import invoice_pdf


def small_pdfs(count: int) -> list[bytes]:
    """Distinct one-page invoices (~2 KB each): a repeated file would be refused as a duplicate."""
    run = uuid.uuid4().hex[:6]
    return [
        invoice_pdf(
            [
                f"Vendor {i % 17} Ltd",
                "Tax Invoice",
                f"Invoice No: L-{run}-{i}",
                f"Date: {1 + i % 28:02d}/05/2025",
                f"Total due  ${100 + i}.50",
            ]
        )
        for i in range(count)
    ]


@dataclass
class User:
    headers: dict[str, str]
    stream: Finished  # this user's live stream, or the watch every user shares
    # The user's own connections for uploads: httpx's pool scans all its connections for every
    # request, so one pool of 100 costs the client more CPU per upload than 50 pools of a few.
    client: httpx.AsyncClient
    accepted_at: dict[str, float] = field(default_factory=dict)


async def sign_up(client: httpx.AsyncClient) -> dict[str, str]:
    email = f"load-{uuid.uuid4().hex[:10]}@example.com"
    response = await client.post("/api/auth/signup", json={"email": email, "password": "password-123"})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def upload(
    user: User, data: bytes, gate: asyncio.Semaphore, result: Result | None = None
) -> str | None:
    """POST one file; counts its latency or error in `result` (None: a warm-up, not counted)."""
    async with gate:
        started = time.monotonic()
        try:
            response = await user.client.post(
                "/api/invoices",
                headers=user.headers,
                files={"file": ("invoice.pdf", data, "application/pdf")},
            )
        except httpx.HTTPError as error:
            if result is not None:
                result.errors[type(error).__name__] += 1
            return None
        finished = time.monotonic()
    if response.status_code != 202:
        if result is not None:
            result.errors[f"HTTP {response.status_code}"] += 1
        return None
    invoice_id = response.json()["id"]
    user.stream.expect(invoice_id)
    if result is not None:
        result.upload_seconds.append(finished - started)
        user.accepted_at[invoice_id] = finished
    return invoice_id
