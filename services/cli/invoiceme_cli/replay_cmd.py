"""`invoiceme replay --stage ocr|extract|analytics`: run a pipeline stage again for a selection."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import click
from rich.console import Console

from invoiceme_common.db import create_pool, migrate
from invoiceme_common.redrive import STAGES, Selection, Stage
from invoiceme_common.redrive import replay as replay_stage
from invoiceme_common.settings import CommonSettings

console = Console(stderr=True)


async def run_replay(
    settings: CommonSettings, stage: Stage, selection: Selection, provider: str | None
) -> int:
    await migrate(settings.database_url)
    pool = await create_pool(settings.database_url, 1, 1)
    try:
        return await replay_stage(pool, settings.topology(), stage, selection, provider)
    finally:
        await pool.close()


@click.command("replay")
@click.option("--stage", type=click.Choice(STAGES), required=True, help="The stage to run again")
@click.option("--tenant", type=click.UUID, default=None, help="Only this tenant's invoices")
@click.option("--invoice", type=click.UUID, default=None, help="Only this invoice")
@click.option("--since", type=click.DateTime(), default=None, help="Only invoices uploaded since (UTC)")
@click.option("--provider", default=None, help="Extraction provider for the extract stage (rules, groq, ...)")
def replay(
    stage: Stage,
    tenant: uuid.UUID | None,
    invoice: uuid.UUID | None,
    since: datetime | None,
    provider: str | None,
) -> None:
    """Run STAGE again for the selected invoices (all when no filter is given).

    ocr and extract start a new pipeline run per invoice: the new results are new versions, the
    earlier extractions stay in each invoice's history. analytics re-applies each invoice's current
    fields to the projection. The running services do the work (through the outbox)."""
    selection = Selection(tenant, invoice, since.replace(tzinfo=UTC) if since else None)
    count = asyncio.run(run_replay(CommonSettings(), stage, selection, provider))
    console.print(f"queued {stage} again for {count} invoice(s); the running services pick them up")
