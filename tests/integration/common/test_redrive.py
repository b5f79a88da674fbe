"""The reconciler re-drives invoices that stopped moving; replay re-runs a stage as a new version."""

from __future__ import annotations

import json
import uuid

import asyncpg

from invoiceme_common.invoice_store import set_status
from invoiceme_common.redrive import Selection, reconcile, replay, stalled
from invoiceme_common.status import InvoiceStatus as S
from invoiceme_common.topology import Topology


async def _invoice(db: asyncpg.Pool, tenant_id: uuid.UUID, status: str, minutes_ago: int) -> uuid.UUID:
    invoice_id = uuid.uuid4()
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key, ocr_key,
                                 fields, extraction_version, status_changed_at)
           VALUES ($1, $2, $3, 'x.pdf', 1, $4, 'originals/x', $5, $6, $7,
                   now() - make_interval(mins => $8))""",
        invoice_id,
        tenant_id,
        status,
        uuid.uuid4().hex,
        None if status == "received" else f"ocr/{invoice_id}.json",
        {"total": 10.0, "currency": "ILS"} if status in ("extracted", "needs_review") else {},
        1 if status in ("extracted", "needs_review") else 0,
        minutes_ago,
    )
    return invoice_id


async def _tenant(db: asyncpg.Pool) -> uuid.UUID:
    tenant_id = uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'redrive')", tenant_id)
    return tenant_id


async def _queued(db: asyncpg.Pool, invoice_id: uuid.UUID) -> list[tuple[str, dict]]:
    rows = await db.fetch(
        "SELECT subject, payload FROM outbox WHERE invoice_id = $1 ORDER BY seq", invoice_id
    )
    return [(r["subject"].rsplit(".", 1)[1], json.loads(r["payload"])) for r in rows]


class TestReconciler:
    """Only invoices stalled longer than the threshold are re-driven, from their pending step, once
    per threshold period, in the same run."""

    async def test_stalled_invoices_get_their_pending_step_again(self, db, namespace):
        tenant_id = await _tenant(db)
        waiting_ocr = await _invoice(db, tenant_id, "received", minutes_ago=45)
        waiting_extraction = await _invoice(db, tenant_id, "ocr_done", minutes_ago=45)
        fresh = await _invoice(db, tenant_id, "received", minutes_ago=1)
        done = await _invoice(db, tenant_id, "extracted", minutes_ago=45)
        listed = {row["id"] for row in await stalled(db, 30 * 60, limit=1000)}
        assert {waiting_ocr, waiting_extraction} <= listed and not {fresh, done} & listed

        redriven = await reconcile(db, Topology(namespace), 30 * 60, limit=1000)
        assert {waiting_ocr, waiting_extraction} <= set(redriven) and not {fresh, done} & set(redriven)
        [(subject, uploaded)] = await _queued(db, waiting_ocr)
        assert subject == "uploaded" and uploaded["run"] == 1 and uploaded["storage_key"] == "originals/x"
        [(subject, text)] = await _queued(db, waiting_extraction)
        assert subject == "text_extracted" and text["ocr_key"] == f"ocr/{waiting_extraction}.json"

        again = await reconcile(db, Topology(namespace), 30 * 60, limit=1000)
        assert not {waiting_ocr, waiting_extraction} & set(again)  # not again within the period
        count = await db.fetchval("SELECT redriven_count FROM invoices WHERE id = $1", waiting_ocr)
        assert count == 1


class TestReplay:
    """A replayed stage is a new pipeline run; analytics get the current row again."""

    async def test_extract_again_as_a_new_run(self, db, namespace):
        tenant_id = await _tenant(db)
        invoice_id = await _invoice(db, tenant_id, "extracted", minutes_ago=5)
        other_tenant = await _invoice(db, await _tenant(db), "extracted", minutes_ago=5)
        count = await replay(db, Topology(namespace), "extract", Selection(tenant_id=tenant_id), "ollama")
        assert count == 1
        row = await db.fetchrow(
            "SELECT status, pipeline_run, reextract_provider FROM invoices WHERE id = $1", invoice_id
        )
        assert (row["status"], row["pipeline_run"], row["reextract_provider"]) == ("ocr_done", 2, "ollama")
        [(subject, event)] = await _queued(db, invoice_id)
        assert subject == "text_extracted" and (event["run"], event["provider"]) == (2, "ollama")
        assert await _queued(db, other_tenant) == []

    async def test_ocr_again_and_analytics_again(self, db, namespace):
        tenant_id = await _tenant(db)
        invoice_id = await _invoice(db, tenant_id, "failed", minutes_ago=5)
        await replay(db, Topology(namespace), "ocr", Selection(invoice_id=invoice_id))
        assert (await db.fetchval("SELECT status FROM invoices WHERE id = $1", invoice_id)) == S.RECEIVED
        [(subject, event)] = await _queued(db, invoice_id)
        assert subject == "uploaded" and event["run"] == 2

        saved = await _invoice(db, tenant_id, "needs_review", minutes_ago=5)
        await set_status(db, tenant_id, saved, S.EXTRACTED)
        assert await replay(db, Topology(namespace), "analytics", Selection(invoice_id=saved)) == 1
        [(subject, event)] = await _queued(db, saved)
        assert subject == "saved" and event["replay"] is True and event["status"] == "extracted"
        assert event["total"] == 10.0 and event["extraction_version"] == 1


class TestOutboxRetention:
    """Published events are forgotten after the retention period; unpublished ones never are."""

    async def test_prune_keeps_what_is_not_published(self, db, namespace):
        from invoiceme_common.outbox import prune

        tenant_id = await _tenant(db)
        old_published, old_pending = uuid.uuid4(), uuid.uuid4()
        for outbox_id, published in ((old_published, "now() - interval '10 days'"), (old_pending, "NULL")):
            await db.execute(
                f"""INSERT INTO outbox
                      (id, stream, subject, payload, headers, tenant_id, created_at, published_at)
                    VALUES ($1, 'S', 's', '{{}}', '{{}}', $2, now() - interval '11 days', {published})""",
                outbox_id,
                tenant_id,
            )
        assert await prune(db, 7) >= 1
        remaining = {r["id"] for r in await db.fetch("SELECT id FROM outbox WHERE tenant_id = $1", tenant_id)}
        assert remaining == {old_pending}
