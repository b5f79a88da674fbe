"""`invoiceme doctor`: is anything stuck, lost or piling up? Exit status 1 when something needs a look."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import asyncpg
import click
import nats
from nats.js.errors import NotFoundError
from rich.console import Console

from invoiceme_common.bus import nats_servers
from invoiceme_common.db import create_pool
from invoiceme_common.redrive import reconcile, stalled
from invoiceme_common.settings import CommonSettings

console = Console()


@dataclass
class Findings:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def ok(self, line: str) -> None:
        self.lines.append(f"[green]ok[/]    {line}")

    def problem(self, line: str) -> None:
        self.lines.append(f"[red]check[/] {line}")
        self.problems.append(line)


async def _postgres(settings: CommonSettings, findings: Findings, redrive: bool) -> None:
    pool = await create_pool(settings.database_url, 1, 1, command_timeout=10)
    try:
        by_status = {
            r["status"]: r["n"]
            for r in await pool.fetch("SELECT status, count(*) AS n FROM invoices GROUP BY 1")
        }
        findings.ok(f"Postgres answers; invoices by status: {by_status or 'none'}")
        outbox = await pool.fetchrow(
            "SELECT count(*) AS n, now() - min(created_at) AS oldest FROM outbox WHERE published_at IS NULL"
        )
        if outbox["n"] and outbox["oldest"].total_seconds() > 60:
            findings.problem(
                f"outbox: {outbox['n']} event(s) unpublished, oldest {outbox['oldest']}"
                " (is any service running?)"
            )
        else:
            findings.ok(f"outbox: {outbox['n']} event(s) waiting to be published")
        stuck = await stalled(pool, settings.reconcile_after_seconds, limit=20)
        if stuck:
            findings.problem(
                f"{len(stuck)} invoice(s) not moved for over {settings.reconcile_after_seconds:g} s:"
            )
            for row in stuck[:10]:
                findings.lines.append(
                    f"        {row['id']} {row['status']} for {row['stalled_for']},"
                    f" re-driven {row['redriven_count']}x"
                )
        else:
            findings.ok("no stalled invoices")
        if redrive:
            redriven = await reconcile(pool, settings.topology(), settings.reconcile_after_seconds)
            findings.ok(f"re-drove {len(redriven)} invoice(s) from their last durable step")
        letters = await pool.fetchval("SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL")
        if letters:
            findings.problem(f"{letters} dead letter(s) not replayed (`invoiceme dead-letters list`)")
        else:
            findings.ok("no dead letters waiting")
    finally:
        await pool.close()


async def _jetstream(settings: CommonSettings, findings: Findings) -> None:
    topology = settings.topology()
    connection = await nats.connect(
        nats_servers(settings.nats_url),
        connect_timeout=5,
        max_reconnect_attempts=0,
        user_credentials=settings.nats_credentials_file,
    )
    try:
        js = connection.jetstream()
        try:
            info = await js.stream_info(topology.stream)
        except NotFoundError:
            findings.problem(f"stream {topology.stream} does not exist yet (no service has started)")
            return
        state, config = info.state, info.config
        max_days = (config.max_age or 0) / 86400
        max_mb = config.max_bytes / 2**20 if config.max_bytes and config.max_bytes > 0 else 0
        findings.ok(
            f"stream {topology.stream}: {state.messages} events, {state.bytes / 2**20:.1f} MB, "
            f"replicas {config.num_replicas}, limits {max_days:g} days / {max_mb:g} MB (0 = none)"
        )
        for spec in (
            topology.ocr_consumer(1, 1),
            topology.extractor_consumer(1, 1),
            topology.analytics_consumer(1, 1),
        ):
            try:
                consumer = await js.consumer_info(topology.stream, spec.durable)
            except NotFoundError:
                findings.problem(f"consumer {spec.durable} missing (its service never started)")
                continue
            findings.ok(
                f"consumer {spec.durable}: {consumer.num_pending} waiting,"
                f" {consumer.num_ack_pending} in progress, {consumer.num_redelivered} redelivered"
            )
    finally:
        await connection.close()


async def examine(settings: CommonSettings, redrive: bool) -> Findings:
    findings = Findings()
    try:
        await _postgres(settings, findings, redrive)
    except (OSError, asyncpg.PostgresError) as error:
        findings.problem(f"Postgres unreachable: {error}")
    try:
        await _jetstream(settings, findings)
    except Exception as error:
        findings.problem(f"NATS unreachable: {type(error).__name__}: {error}")
    return findings


@click.command("doctor")
@click.option("--reconcile", "redrive", is_flag=True, help="Also re-drive stalled invoices now")
def doctor(redrive: bool) -> None:
    """Check the pipeline: stalled invoices, unpublished events, consumer backlogs, dead letters."""
    findings = asyncio.run(examine(CommonSettings(), redrive))
    for line in findings.lines:
        console.print(line)
    raise SystemExit(1 if findings.problems else 0)
