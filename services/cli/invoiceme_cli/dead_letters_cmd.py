"""`invoiceme dead-letters`: see what a consumer gave up on, and send it through again once fixed."""

from __future__ import annotations

import asyncio

import asyncpg
import click
from rich.console import Console
from rich.table import Table

from invoiceme_common.db import create_pool, migrate
from invoiceme_common.dead_letters import CannotReplay, replay_dead_letter
from invoiceme_common.dead_letters import list_dead_letters as fetch_dead_letters
from invoiceme_common.settings import CommonSettings

console = Console()


@click.group("dead-letters")
def dead_letters() -> None:
    """Messages a consumer gave up on (after MAX_DELIVER attempts, or bad input)."""


@dead_letters.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include ones already replayed.")
@click.option("--limit", default=50, show_default=True)
def list_dead_letters(show_all: bool, limit: int) -> None:
    """Show dead letters, newest first."""

    async def fetch() -> list[asyncpg.Record]:
        settings = CommonSettings()
        await migrate(settings.database_url)
        pool = await create_pool(settings.database_url, 1, 1)
        try:
            return await fetch_dead_letters(pool, show_all, limit)
        finally:
            await pool.close()

    rows = asyncio.run(fetch())
    if not rows:
        console.print("no dead letters")
        return
    table = Table("id", "consumer", "invoice", "attempts", "when", "error", "replayed")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["consumer"],
            str(row["invoice_id"] or "-"),
            str(row["attempts"]),
            row["created_at"].strftime("%Y-%m-%d %H:%M"),
            row["error"][:80],
            row["replayed_at"].strftime("%Y-%m-%d %H:%M") if row["replayed_at"] else "",
        )
    console.print(table)


@dead_letters.command("replay")
@click.argument("ids", nargs=-1, type=int, required=True)
def replay(ids: tuple[int, ...]) -> None:
    """Publish dead letters IDS again to the subject they came from."""
    failures = asyncio.run(replay_dead_letters(CommonSettings(), list(ids)))
    raise SystemExit(1 if failures else 0)


async def replay_dead_letters(settings: CommonSettings, ids: list[int]) -> int:
    """Queue each dead letter's event again (a running service's outbox relay publishes it);
    returns how many could not be."""
    topology = settings.topology()
    pool = await create_pool(settings.database_url, 1, 1)
    failures = 0
    try:
        for dead_letter_id in ids:
            try:
                subject = await replay_dead_letter(pool, topology, dead_letter_id)
            except CannotReplay as exc:
                console.print(f"[red]{dead_letter_id}: {exc}[/]")
                failures += 1
            else:
                console.print(f"{dead_letter_id}: queued again for {subject}")
    finally:
        await pool.close()
    return failures
