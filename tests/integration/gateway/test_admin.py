"""Operator routes: only accounts granted the operator role may list and replay dead letters."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_gateway.accounts.repository import set_admin
from tests.support.gateway import gateway_client, gateway_settings, signup


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    settings = gateway_settings(database_url, nats_url, namespace)
    async with gateway_client(settings) as c:
        yield c


async def _dead_letter(db, payload: dict, subject: str) -> int:
    return await db.fetchval(
        """INSERT INTO dead_letters (consumer, subject, payload, error, attempts)
           VALUES ('t-ocr', $1, $2, 'tesseract crashed', 5) RETURNING id""",
        subject,
        payload,
    )


class TestAdmin:
    """Dead letters are visible and replayable by operators only."""

    async def test_non_admin_is_refused(self, client, db):
        user = await signup(client)
        letter = await _dead_letter(db, {"raw": "x"}, "t.invoice.uploaded")
        listing = await client.get("/api/admin/dead-letters", headers=user)
        assert listing.status_code == 403
        assert "invoiceme admin grant" in listing.json()["error"]["message"]
        assert (
            await client.post(f"/api/admin/dead-letters/{letter}/replay", headers=user)
        ).status_code == 403

    async def test_admin_lists_and_replays(self, client, db, nats_url, namespace):
        import nats

        from invoiceme_common.topology import Topology

        email = f"ops-{uuid.uuid4().hex[:8]}@example.com"
        admin = await signup(client, email)
        assert await set_admin(db, email, True)
        subject = Topology(namespace).invoice_uploaded
        payload = {"tenant_id": str(uuid.uuid4()), "invoice_id": str(uuid.uuid4()), "storage_key": "k"}
        letter = await _dead_letter(db, payload, subject)
        garbage = await _dead_letter(db, {"raw": "{not json"}, subject)

        listed = (await client.get("/api/admin/dead-letters", headers=admin)).json()
        assert {row["id"] for row in listed} >= {letter, garbage}

        nc = await nats.connect(nats_url)
        sub = await nc.subscribe(subject)
        response = await client.post(f"/api/admin/dead-letters/{letter}/replay", headers=admin)
        assert response.status_code == 200, response.text
        assert response.json() == {"id": letter, "subject": subject}
        message = await sub.next_msg(timeout=5)
        assert message.data and message.headers["correlation_id"] == f"replay-{letter}"
        await nc.close()

        after = (await client.get("/api/admin/dead-letters", headers=admin)).json()
        assert letter not in {row["id"] for row in after}  # replayed ones are hidden by default
        everything = (await client.get("/api/admin/dead-letters?include_replayed=true", headers=admin)).json()
        assert next(r for r in everything if r["id"] == letter)["replayed_at"] is not None

        invalid = await client.post(f"/api/admin/dead-letters/{garbage}/replay", headers=admin)
        assert invalid.status_code == 409 and "nothing to replay" in invalid.json()["error"]["message"]
        missing = await client.post("/api/admin/dead-letters/999999999/replay", headers=admin)
        assert missing.status_code == 404


class TestPipelineOperations:
    """Operators see stalled invoices, re-drive them, and replay a stage for a selection."""

    async def test_stalled_reconcile_and_replay(self, client, db):
        admin = await signup(client, "other@x.io")
        assert await set_admin(db, "other@x.io", True)  # the operator role (sec) replaces ADMIN_EMAILS
        tenant_id = uuid.UUID((await client.get("/api/me", headers=admin)).json()["tenant_id"])
        stuck, done = uuid.uuid4(), uuid.uuid4()
        for invoice_id, status in ((stuck, "received"), (done, "extracted")):
            await db.execute(
                """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key,
                                         ocr_key, status_changed_at)
                   VALUES ($1, $2, $3, 'x.pdf', 1, $4, 'originals/x', 'ocr/x.json',
                           now() - interval '2 hours')""",
                invoice_id,
                tenant_id,
                status,
                uuid.uuid4().hex,
            )
        user = await signup(client)
        assert (await client.get("/api/admin/stalled", headers=user)).status_code == 403

        stalled = (await client.get("/api/admin/stalled", headers=admin)).json()
        mine = [row for row in stalled if row["tenant_id"] == str(tenant_id)]
        assert [row["id"] for row in mine] == [str(stuck)] and mine[0]["stalled_seconds"] > 3600
        redriven = (await client.post("/api/admin/reconcile", headers=admin)).json()["redriven"]
        assert str(stuck) in redriven
        after = (await client.get("/api/admin/stalled", headers=admin)).json()
        assert next(r for r in after if r["id"] == str(stuck))["redriven_count"] == 1

        replayed = await client.post(
            "/api/admin/replay",
            headers=admin,
            json={"stage": "extract", "invoice_id": str(done), "provider": "rules"},
        )
        assert replayed.status_code == 202 and replayed.json() == {"stage": "extract", "invoices": 1}
        row = await db.fetchrow("SELECT status, pipeline_run FROM invoices WHERE id = $1", done)
        assert (row["status"], row["pipeline_run"]) == ("ocr_done", 2)
        bad = await client.post("/api/admin/replay", headers=admin, json={"stage": "everything"})
        assert bad.status_code == 422
