"""`invoiceme doctor` shows what is stuck and can re-drive it; `invoiceme replay` re-runs a stage."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import asyncpg
import pytest
from click.testing import CliRunner

from invoiceme_cli.main import cli


@pytest.fixture
def environment(monkeypatch, database_url, nats_url, namespace):
    for name, value in (
        ("DATABASE_URL", database_url),
        ("NATS_URL", nats_url),
        ("INVOICEME_NAMESPACE", namespace),
        ("LOG_FORMAT", "console"),
        ("RECONCILE_AFTER_SECONDS", "600"),
    ):
        monkeypatch.setenv(name, value)


def _sql(database_url: str, query: str, *args: object) -> Any:
    """One query on a connection of its own (the commands run their own event loop)."""

    async def run() -> Any:
        conn = await asyncpg.connect(database_url)
        try:
            return await conn.fetchrow(query, *args)
        finally:
            await conn.close()

    return asyncio.run(run())


def _invoice(database_url: str, status: str, minutes_ago: int) -> uuid.UUID:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    _sql(database_url, "INSERT INTO tenants (id, name) VALUES ($1, 'cli')", tenant_id)
    _sql(
        database_url,
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key, ocr_key,
                                 extraction_version, status_changed_at)
           VALUES ($1, $2, $3, 'x.pdf', 1, $4, 'originals/x', 'ocr/x.json', 1,
                   now() - make_interval(mins => $5))""",
        invoice_id,
        tenant_id,
        status,
        uuid.uuid4().hex,
        minutes_ago,
    )
    return invoice_id


class TestDoctor:
    """Stalled invoices are listed with their age and re-driven on request; the exit status says so."""

    def test_lists_and_redrives_a_stalled_invoice(self, environment, database_url):
        stuck = _invoice(database_url, "received", minutes_ago=90)
        first = CliRunner().invoke(cli, ["doctor"])
        assert first.exit_code == 1
        assert str(stuck) in first.output and "not moved for over 600 s" in first.output
        assert "stream" in first.output  # the namespace's stream does not exist yet: reported, no crash
        fixed = CliRunner().invoke(cli, ["doctor", "--reconcile"])
        assert "re-drove" in fixed.output
        row = _sql(database_url, "SELECT redriven_count FROM invoices WHERE id = $1", stuck)
        assert row["redriven_count"] == 1


class TestReplay:
    """`replay --stage extract --invoice ID --provider P` starts a new run and queues the step."""

    def test_extract_one_invoice_again(self, environment, database_url):
        invoice_id = _invoice(database_url, "extracted", minutes_ago=5)
        args = ["replay", "--stage", "extract", "--invoice", str(invoice_id), "--provider", "rules"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "queued extract again for 1 invoice(s)" in result.output
        row = _sql(database_url, "SELECT status, pipeline_run FROM invoices WHERE id = $1", invoice_id)
        assert (row["status"], row["pipeline_run"]) == ("ocr_done", 2)
        queued = _sql(database_url, "SELECT count(*) AS n FROM outbox WHERE invoice_id = $1", invoice_id)
        assert queued["n"] == 1

    def test_an_unknown_stage_is_refused(self, environment):
        result = CliRunner().invoke(cli, ["replay", "--stage", "everything"])
        assert result.exit_code == 2 and "everything" in result.output
