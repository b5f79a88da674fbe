"""The businesses list's invoice counts (kept by a trigger, migration 0071) equal a count over the
invoices after random assignments, moves, deletions and business deletions."""

from __future__ import annotations

import random
import uuid

import pytest

from invoiceme_gateway.businesses import repository
from tests.integration.analytics.support import create_business, create_tenant, insert_invoice

COUNT_OVER_INVOICES = """SELECT b.id, (SELECT count(*) FROM invoices i
                                       WHERE i.business_id = b.id AND i.tenant_id = b.tenant_id)
                         FROM businesses b WHERE b.tenant_id = $1"""


async def _listed_counts(db, tenant_id: uuid.UUID) -> dict[uuid.UUID, int]:
    rows, _ = await repository.list_page(db, tenant_id, None, False, 500, 0)
    return {row["id"]: row["invoice_count"] for row in rows}


class TestBusinessInvoiceCounts:
    """Every way an invoice joins or leaves a business moves the kept count, in both tenants."""

    @pytest.mark.parametrize("seed", [1, 42])
    async def test_counts_follow_random_changes(self, db, seed):
        rng = random.Random(seed)
        tenants = [await create_tenant(db) for _ in range(2)]
        businesses = {t: [await create_business(db, t, f"B{i}-{seed}") for i in range(4)] for t in tenants}
        invoices: dict[uuid.UUID, uuid.UUID] = {}  # invoice -> tenant
        for _ in range(120):
            action = rng.choice(["insert", "insert", "move", "move", "delete", "drop_business"])
            if action == "insert" or not invoices:
                tenant_id = rng.choice(tenants)
                invoice_id = uuid.UUID(int=rng.getrandbits(128))  # from the seed: the same run every time
                business_id = rng.choice([*businesses[tenant_id], None])
                await insert_invoice(db, tenant_id, invoice_id, {}, business_id, 1)
                invoices[invoice_id] = tenant_id
                continue
            invoice_id = rng.choice(sorted(invoices, key=str))
            tenant_id = invoices[invoice_id]
            if action == "move":
                await db.execute(
                    "UPDATE invoices SET business_id = $2 WHERE id = $1",
                    invoice_id,
                    rng.choice([*businesses[tenant_id], None]),
                )
            elif action == "delete":
                await db.execute("DELETE FROM invoices WHERE id = $1", invoice_id)
                del invoices[invoice_id]
            elif len(businesses[tenant_id]) > 1:  # ON DELETE SET NULL unassigns its invoices
                gone = businesses[tenant_id].pop(rng.randrange(len(businesses[tenant_id])))
                await db.execute("DELETE FROM businesses WHERE id = $1", gone)
        for tenant_id in tenants:
            expected = {row[0]: row[1] for row in await db.fetch(COUNT_OVER_INVOICES, tenant_id)}
            assert any(expected.values()), "no business kept an invoice: nothing was checked"
            assert await _listed_counts(db, tenant_id) == expected
        assert not await db.fetchval("SELECT count(*) FROM business_invoice_counts WHERE invoice_count <= 0")
