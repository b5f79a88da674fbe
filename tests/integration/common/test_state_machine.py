"""The invoice state machine, enforced by Postgres: allowed moves only, redelivered or out-of-order
steps are no-ops, a restart from a later state is a new pipeline run."""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from invoiceme_common.invoice_store import advance, is_awaiting, set_status
from invoiceme_common.status import InvoiceStatus as S


async def _invoice(db: asyncpg.Pool, status: str = "received") -> tuple[uuid.UUID, uuid.UUID]:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'sm')", tenant_id)
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, $3, 'x.pdf', 1, $4, 'k')""",
        invoice_id,
        tenant_id,
        status,
        uuid.uuid4().hex,
    )
    return tenant_id, invoice_id


async def _state(db: asyncpg.Pool, invoice_id: uuid.UUID) -> tuple[str, int]:
    row = await db.fetchrow("SELECT status, pipeline_run FROM invoices WHERE id = $1", invoice_id)
    return row["status"], row["pipeline_run"]


class TestTransitions:
    """Only the pipeline's own moves are allowed; anything else is refused by the database."""

    async def test_the_happy_path(self, db):
        tenant_id, invoice_id = await _invoice(db)
        assert await advance(db, tenant_id, invoice_id, S.OCR_DONE, (S.RECEIVED,), 1)
        assert await advance(db, tenant_id, invoice_id, S.NEEDS_REVIEW, (S.OCR_DONE,), 1)
        await set_status(db, tenant_id, invoice_id, S.EXTRACTED)  # the user confirms
        assert await _state(db, invoice_id) == ("extracted", 1)

    @pytest.mark.parametrize(
        ("start", "target"),
        [("received", "extracted"), ("extracted", "failed"), ("needs_review", "failed"), ("received", "x")],
    )
    async def test_a_move_outside_the_machine_is_refused(self, db, start, target):
        _, invoice_id = await _invoice(db, start)
        with pytest.raises(asyncpg.CheckViolationError):
            await db.execute("UPDATE invoices SET status = $2 WHERE id = $1", invoice_id, target)
        assert (await _state(db, invoice_id))[0] == start

    async def test_going_back_is_a_new_run(self, db):
        tenant_id, invoice_id = await _invoice(db, "extracted")
        await set_status(db, tenant_id, invoice_id, S.OCR_DONE)  # re-extract
        assert await _state(db, invoice_id) == ("ocr_done", 2)
        await set_status(db, tenant_id, invoice_id, S.FAILED, "bad")
        await set_status(db, tenant_id, invoice_id, S.RECEIVED)  # re-drive from the original
        assert await _state(db, invoice_id) == ("received", 3)


class TestRedelivery:
    """A step that already happened, or belongs to an earlier run, changes nothing."""

    async def test_a_redelivered_upload_does_not_step_back(self, db):
        tenant_id, invoice_id = await _invoice(db)
        assert await advance(db, tenant_id, invoice_id, S.OCR_DONE, (S.RECEIVED,), 1)
        assert await advance(db, tenant_id, invoice_id, S.EXTRACTED, (S.OCR_DONE,), 1)
        assert not await is_awaiting(db, tenant_id, invoice_id, S.RECEIVED, 1)
        assert not await advance(db, tenant_id, invoice_id, S.OCR_DONE, (S.RECEIVED,), 1)
        assert await _state(db, invoice_id) == ("extracted", 1)

    async def test_a_message_of_an_earlier_run_is_ignored(self, db):
        tenant_id, invoice_id = await _invoice(db, "extracted")
        await set_status(db, tenant_id, invoice_id, S.OCR_DONE)  # re-extract: run 2
        assert not await is_awaiting(db, tenant_id, invoice_id, S.OCR_DONE, 1)
        assert not await advance(db, tenant_id, invoice_id, S.EXTRACTED, (S.OCR_DONE,), 1)
        assert await advance(db, tenant_id, invoice_id, S.EXTRACTED, (S.OCR_DONE,), 2)

    async def test_giving_up_late_never_fails_an_extracted_invoice(self, db):
        tenant_id, invoice_id = await _invoice(db, "extracted")
        assert not await advance(db, tenant_id, invoice_id, S.FAILED, (S.RECEIVED, S.OCR_DONE), None, "x")
        history = await db.fetchval(
            "SELECT count(*) FROM invoice_status_history WHERE invoice_id = $1", invoice_id
        )
        assert history == 0
