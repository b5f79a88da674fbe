"""The live-status feed never skips a change that commits late, and gets past rolled-back ids."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_gateway.live import feed as feed_module
from invoiceme_gateway.live import repository
from invoiceme_gateway.live.feed import StatusFeed, first_gap


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def _tenant_with_invoice(db) -> tuple[uuid.UUID, uuid.UUID]:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'feed')", tenant_id)
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, 'received', 'f', 1, 'x', 'k')""",
        invoice_id,
        tenant_id,
    )
    return tenant_id, invoice_id


async def _history(conn, tenant_id, invoice_id, status) -> int:
    return await conn.fetchval(
        "INSERT INTO invoice_status_history (invoice_id, tenant_id, status) VALUES ($1, $2, $3) RETURNING id",
        invoice_id,
        tenant_id,
        status,
    )


def test_first_gap():
    assert first_gap(4, [5, 6, 7]) is None
    assert first_gap(4, [5, 7]) == 6
    assert first_gap(4, [6]) == 5
    assert first_gap(4, []) is None


class TestStatusFeed:
    """Late commits are waited for; rolled-back ids are skipped; nobody waits forever."""

    async def test_waits_for_a_late_commit(self, db):
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        clock = FakeClock()
        feed = StatusFeed(db, tenant_id, start, max_wait_seconds=30.0, clock=clock)
        async with db.acquire() as slow:
            transaction = slow.transaction()
            await transaction.start()
            early = await _history(slow, tenant_id, invoice_id, "ocr_done")  # not committed yet
            late = await _history(db, tenant_id, invoice_id, "extracted")  # committed first
            assert await feed.next_batch() == []
            assert feed.waiting_on_gap
            await transaction.commit()
        batch = await feed.next_batch()
        assert [c["id"] for c in batch] == [early, late]
        assert [c["status"] for c in batch] == ["ocr_done", "extracted"]

    async def test_skips_a_rolled_back_id_after_grace(self, db):
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        clock = FakeClock()
        feed = StatusFeed(db, tenant_id, start, max_wait_seconds=30.0, clock=clock)
        async with db.acquire() as conn:
            transaction = conn.transaction()
            await transaction.start()
            await _history(conn, tenant_id, invoice_id, "ocr_done")
            await transaction.rollback()
        kept = await _history(db, tenant_id, invoice_id, "failed")
        # No transaction that could still commit the missing id is running: no waiting.
        assert [c["id"] for c in await feed.next_batch()] == [kept]
        assert not feed.waiting_on_gap

    async def test_gives_up_on_a_very_long_transaction(self, db):
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        clock = FakeClock()
        feed = StatusFeed(db, tenant_id, start, max_wait_seconds=30.0, clock=clock)
        async with db.acquire() as slow:
            transaction = slow.transaction()
            await transaction.start()
            await _history(slow, tenant_id, invoice_id, "ocr_done")
            kept = await _history(db, tenant_id, invoice_id, "extracted")
            assert await feed.next_batch() == []
            clock.now = 31.0
            assert [c["id"] for c in await feed.next_batch()] == [kept]
            await transaction.rollback()

    @pytest.mark.parametrize("other_tenants_rows", [0, 3])
    async def test_other_tenants_rows_are_not_gaps(self, db, other_tenants_rows):
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        other_tenant, other_invoice = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        feed = StatusFeed(db, tenant_id, start)
        for _ in range(other_tenants_rows):
            await _history(db, other_tenant, other_invoice, "ocr_done")
        mine = await _history(db, tenant_id, invoice_id, "extracted")
        batch = await feed.next_batch()
        assert [c["id"] for c in batch] == [mine]
        assert all(c["invoice_id"] == str(invoice_id) for c in batch)


class TestNoChangeSlipsThrough:
    """A change that commits while the feed reads, or while a stream starts, is still handed out."""

    async def test_a_commit_between_the_feeds_reads(self, db, monkeypatch):
        # Under load the feed's reads sit far apart: the late change commits after the rows were read
        # but before the gap check. Read in separate snapshots, it was in neither and was skipped.
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        feed = StatusFeed(db, tenant_id, start, clock=FakeClock())
        async with db.acquire() as slow:
            transaction = slow.transaction()
            await transaction.start()
            early = await _history(slow, tenant_id, invoice_id, "ocr_done")
            late = await _history(db, tenant_id, invoice_id, "extracted")
            real_visible_ids = repository.visible_ids
            committed = []

            async def commit_then_look(*args):
                if not committed:
                    await transaction.commit()
                    committed.append(True)
                return await real_visible_ids(*args)

            monkeypatch.setattr(feed_module.repository, "visible_ids", commit_then_look)
            delivered = [c["id"] for c in await feed.next_batch()]
        delivered += [c["id"] for c in await feed.next_batch()]
        assert delivered == [early, late]

    async def test_a_stream_from_now_on_gets_changes_still_in_flight(self, db):
        # A client connecting while a change is being committed (its id below the newest one) must
        # get it: the change happens after the client came.
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        await _history(db, tenant_id, invoice_id, "received")
        async with db.acquire() as slow:
            transaction = slow.transaction()
            await transaction.start()
            in_flight = await _history(slow, tenant_id, invoice_id, "extracted")
            done = await _history(db, tenant_id, invoice_id, "needs_review")
            cursor, already_seen = await repository.start_point(db, tenant_id, window=1000, recent_seconds=60)
            clock = FakeClock()
            feed = StatusFeed(db, tenant_id, cursor, clock=clock, already_seen=already_seen)
            assert await feed.next_batch() == []
            await transaction.commit()
        clock.now = 31.0  # older rolled-back ids of this database are not waited for
        assert [c["id"] for c in await feed.next_batch()] == [in_flight]  # `done` was there before
        assert cursor < in_flight < done

    async def test_a_writer_with_the_newest_xid_is_waited_for(self, db):
        # A writer that got its xid after another one but its change id before it: once the other
        # commits, the snapshot's list of running transactions leaves it out (its xid is above
        # every finished one), so the gap looked rolled back and its change was skipped.
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        start = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        feed = StatusFeed(db, tenant_id, start, clock=FakeClock())
        async with db.acquire() as first_writer, db.acquire() as second_writer:
            first, second = first_writer.transaction(), second_writer.transaction()
            await first.start()
            await first_writer.execute("UPDATE invoices SET updated_at = now() WHERE id = $1", invoice_id)
            await second.start()
            early = await _history(second_writer, tenant_id, invoice_id, "ocr_done")  # the newer xid
            late = await _history(first_writer, tenant_id, invoice_id, "extracted")
            await first.commit()
            assert await feed.next_batch() == []
            await second.commit()
        assert [c["id"] for c in await feed.next_batch()] == [early, late]

    async def test_a_stream_from_now_on_ignores_old_gaps(self, db):
        # Ids skipped minutes ago (rolled back) lie below the newest id: nothing can fill them any
        # more, so they do not move a new stream's start back; a gap of the last hour does.
        tenant_id, invoice_id = await _tenant_with_invoice(db)
        await db.execute(
            "SELECT setval('invoice_status_history_id_seq', nextval('invoice_status_history_id_seq') + 5)"
        )
        newest = await db.fetchval(
            """INSERT INTO invoice_status_history (invoice_id, tenant_id, status, at)
               VALUES ($1, $2, 'received', now() - interval '10 minutes') RETURNING id""",
            invoice_id,
            tenant_id,
        )
        old = await repository.start_point(db, tenant_id, window=1, recent_seconds=60)
        recent = await repository.start_point(db, tenant_id, window=1, recent_seconds=3600)
        assert old == (newest, frozenset())
        assert recent == (newest - 2, frozenset({newest}))
