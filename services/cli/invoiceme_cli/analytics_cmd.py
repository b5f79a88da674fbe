"""`invoiceme analytics-rebuild`: clear the analytics projection and replay it from the event stream."""

from __future__ import annotations

import asyncio

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

console = Console(stderr=True)


async def _rebuild() -> int:
    from invoiceme_analytics.context import AnalyticsContext
    from invoiceme_analytics.replay import rebuild
    from invoiceme_analytics.settings import AnalyticsSettings
    from invoiceme_common.db import create_pool, migrate
    from invoiceme_common.topology import Topology

    settings = AnalyticsSettings()
    # A large threshold: insights are regenerated once per tenant at the end, not per event.
    settings = settings.model_copy(update={"insights_change_threshold": 10**9})
    await migrate(settings.database_url)
    pool = await create_pool(settings.database_url, 1, 2)
    ctx = AnalyticsContext(settings, lambda: pool)
    await ctx.start()
    try:
        with Progress(
            TextColumn("replaying events"), BarColumn(), MofNCompleteColumn(), console=console
        ) as bar:
            task = bar.add_task("replay", total=None)

            def advance(sequence: int, last: int) -> None:
                bar.update(task, completed=sequence, total=last)

            return await rebuild(ctx, settings.nats_url, Topology(settings.invoiceme_namespace), advance)
    finally:
        await ctx.stop()
        await pool.close()


@click.command("analytics-rebuild")
def analytics_rebuild() -> None:
    """Clear the analytics projection and rebuild it by replaying the event stream from its start."""
    from invoiceme_analytics.replay import HistoryIncomplete

    try:
        applied = asyncio.run(_rebuild())
    except HistoryIncomplete as exc:
        console.print(f"[red]not rebuilt: {exc}[/]")
        raise SystemExit(1) from exc
    console.print(f"[green]analytics rebuilt from {applied} invoice events[/]")
