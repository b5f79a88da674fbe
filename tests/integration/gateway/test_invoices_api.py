"""Invoices: uploads and duplicates, list filters, detail, edits, review, re-extract, files, delete."""

from __future__ import annotations

import hashlib
import uuid

import pytest

from invoiceme_common.invoice_store import set_status
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import invoice_prefix, ocr_result_key
from tests.support.gateway import gateway_settings, signup

from .pipeline import (
    app_client,
    gateway_state,
    listen,
    pdf_with_pages,
    simulate_extraction,
    simulate_ocr,
    tenant_of,
    unique_png,
    upload,
)


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with app_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


async def _extracted(client, db, headers, fields, warnings=None, data=None):
    invoice_id = await upload(client, headers, data)
    await simulate_extraction(db, await tenant_of(client, headers), invoice_id, fields, warnings)
    return invoice_id


class TestUploads:
    """Exact duplicates are refused with a link; batches report per file."""

    async def test_exact_duplicate_is_409_with_existing_id(self, client):
        alice, bob = await signup(client), await signup(client)
        data = unique_png()
        first = await upload(client, alice, data)
        again = await client.post("/api/invoices", headers=alice, files={"file": ("copy.png", data)})
        assert again.status_code == 409
        assert again.json()["error"]["details"]["existing_invoice_id"] == first
        assert "already uploaded" in again.json()["error"]["message"]
        assert (
            await client.post("/api/invoices", headers=bob, files={"file": ("x.png", data)})
        ).status_code == 202

    async def test_a_failed_upload_can_be_sent_again(self, client, db):
        alice = await signup(client)
        data = unique_png()
        first = await upload(client, alice, data)
        await set_status(
            db, await tenant_of(client, alice), uuid.UUID(first), InvoiceStatus.FAILED, "bus down"
        )
        assert (
            await client.post("/api/invoices", headers=alice, files={"file": ("a.png", data)})
        ).status_code == 202

    async def test_batch(self, client):
        alice = await signup(client)
        dup = unique_png()
        existing = await upload(client, alice, dup)
        files = [
            ("files", ("a.png", unique_png())),
            ("files", ("b.pdf", pdf_with_pages(1))),
            ("files", ("dup.png", dup)),
            ("files", ("bad.pdf", b"not a document")),
        ]
        response = await client.post("/api/invoices/batch", headers=alice, files=files)
        assert response.status_code == 202, response.text
        body = response.json()
        assert (body["accepted"], body["rejected"]) == (2, 2)
        by_name = {item["filename"]: item for item in body["items"]}
        assert by_name["a.png"]["status"] == "received"
        assert by_name["dup.png"]["error"]["details"]["existing_invoice_id"] == existing
        assert by_name["bad.pdf"]["error"]["status"] == 415


class TestList:
    """Filters, Hebrew-aware search, sorting, cursor paging and month groups."""

    async def test_filters_sort_and_groups(self, client, db):
        alice = await signup(client)
        tenant = await tenant_of(client, alice)
        march = await _extracted(
            client,
            db,
            alice,
            {
                "vendor_name": "חברת החשמל",
                "invoice_number": "A-17",
                "invoice_date": "2025-03-10",
                "total": 400.0,
                "currency": "ILS",
            },
        )
        april = await _extracted(
            client,
            db,
            alice,
            {
                "vendor_name": "Amazon",
                "invoice_number": "INV-9",
                "invoice_date": "2025-04-02",
                "total": 50.0,
                "currency": "USD",
            },
        )
        review = await _extracted(
            client,
            db,
            alice,
            {"vendor_name": "מאפיית דוד", "invoice_date": "2025-04-20", "total": 20.0, "currency": "ILS"},
            warnings=[{"code": "total_mismatch", "message": "x", "serious": True}],
        )
        received = await upload(client, alice)
        ocr_only = await upload(client, alice)
        await simulate_ocr(db, gateway_state(client).storage, tenant, ocr_only, "קבלה מספר 555")

        async def ids(**params):
            response = await client.get("/api/invoices", headers=alice, params=params)
            assert response.status_code == 200, response.text
            return [item["id"] for item in response.json()["items"]]

        assert set(await ids(status="received")) == {received}
        assert set(await ids(needs_review=True)) == {review}
        assert set(await ids(date_from="2025-04-01", date_to="2025-04-30")) == {april, review}
        assert set(await ids(amount_min=30, amount_max=500)) == {march, april}
        assert set(await ids(currency="usd")) == {april}
        # Final letters and quotes do not matter: "חשמל" finds "החשמל"; "מאפיית" finds the bakery.
        assert set(await ids(q="חשמל")) == {march}
        assert set(await ids(q="מאפיית")) == {review}
        assert set(await ids(q="inv-9")) == {april}
        assert await ids(sort="total", order="asc", status=["extracted", "needs_review"]) == [
            review,
            april,
            march,
        ]
        bad = await client.get("/api/invoices", headers=alice, params={"sort": "password_hash"})
        assert bad.status_code == 422

        grouped = (await client.get("/api/invoices", headers=alice, params={"group": "month"})).json()
        months = {g["month"]: g for g in grouped["groups"]}
        assert months["2025-04"]["count"] == 2
        assert months["2025-04"]["totals"] == {"USD": 50.0, "ILS": 20.0}
        assert months["unknown"]["count"] == 2
        assert grouped["total_exact"] is True
        second = (
            await client.get("/api/invoices", headers=alice, params={"group": "month", "offset": 1})
        ).json()
        assert second["groups"] is None and second["items"]  # groups come once, with the first page

    async def test_ocr_text_search(self, client, db):
        alice = await signup(client)
        tenant = await tenant_of(client, alice)
        invoice_id = await upload(client, alice)
        text = "תודה שקניתם בחנות הספרים צומת"
        await simulate_ocr(db, gateway_state(client).storage, tenant, invoice_id, text)
        await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "Books"}, ocr_text=text)
        response = await client.get("/api/invoices", headers=alice, params={"q": "צומת ספרים"[:4]})
        assert [i["id"] for i in response.json()["items"]] == [invoice_id]

    async def test_cursor_paging(self, client):
        alice = await signup(client)
        uploaded = [await upload(client, alice) for _ in range(5)]
        seen, cursor = [], None
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/api/invoices", headers=alice, params=params)).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert seen == list(reversed(uploaded))
        assert (
            await client.get("/api/invoices", headers=alice, params={"cursor": "garbage"})
        ).status_code == 422


class TestDetailAndEdit:
    """Detail carries histories; edits are validated, recorded and published."""

    async def test_edit_records_history_and_publishes(self, client, db, nats_url, namespace):
        alice = await signup(client)
        invoice_id = await _extracted(
            client,
            db,
            alice,
            {"vendor_name": "Cafe", "total": 10.0, "currency": "ILS"},
            warnings=[{"code": "low_confidence", "message": "check", "serious": True}],
        )
        before = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        assert before["status"] == "needs_review" and before["needs_review"] is True
        assert [s["status"] for s in before["status_history"]] == ["received", "needs_review"]
        async with listen(nats_url, namespace) as bus:
            response = await client.patch(
                f"/api/invoices/{invoice_id}",
                headers=alice,
                json={"fields": {"total": 11.7, "invoice_date": "2025-05-01"}, "confirm": True},
            )
            saved = await bus.wait_for(f"{namespace}.invoice.saved")
        assert response.status_code == 200, response.text
        after = response.json()
        assert after["status"] == "extracted" and after["needs_review"] is False
        assert after["total"] == 11.7 and after["fields"]["source"]["total"] == "user"
        assert after["extraction_version"] > before["extraction_version"]
        changes = after["edits"][0]["changes"]
        assert {"field": "total", "old": 10.0, "new": 11.7} in changes
        assert {"field": "status", "old": "needs_review", "new": "extracted"} in changes
        assert after["edits"][0]["user_email"]
        assert saved[-1]["total"] == 11.7 and saved[-1]["extraction_version"] == after["extraction_version"]
        assert [h["kind"] for h in after["extraction_history"]] == ["extraction", "edit"]

    async def test_items_must_sum_to_total(self, client, db):
        alice = await signup(client)
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "Cafe", "total": 30.0})
        wrong = await client.patch(
            f"/api/invoices/{invoice_id}",
            headers=alice,
            json={
                "fields": {"use_items_total": True},
                "line_items": [{"description": "קפה", "quantity": 2, "unit_price": 12.0}],
            },
        )
        assert wrong.status_code == 422
        assert "add up to 24.00 but the total is 30.00" in wrong.json()["error"]["message"]
        right = await client.patch(
            f"/api/invoices/{invoice_id}",
            headers=alice,
            json={
                "fields": {"use_items_total": True},
                "line_items": [{"description": "קפה", "quantity": 2, "unit_price": 15.0}],
            },
        )
        assert right.status_code == 200
        assert right.json()["line_items"][0]["amount"] == 30.0
        unknown = await client.patch(
            f"/api/invoices/{invoice_id}", headers=alice, json={"fields": {"owner": "x"}}
        )
        assert unknown.status_code == 422

    async def test_near_duplicates_are_flagged(self, client, db):
        alice = await signup(client)
        await client.post("/api/businesses", headers=alice, json={"name": "Electric Co"})
        first = await _extracted(
            client,
            db,
            alice,
            {
                "vendor_name": "Electric Co",
                "invoice_number": "77",
                "total": 100.0,
                "invoice_date": "2025-01-05",
            },
        )
        await client.get("/api/invoices", headers=alice)
        second = await _extracted(client, db, alice, {"vendor_name": "Electric Co", "invoice_number": "77"})
        third = await _extracted(
            client,
            db,
            alice,
            {
                "vendor_name": "Electric Co",
                "total": 100.0,
                "invoice_date": "2025-01-05",
                "invoice_number": "78",
            },
        )
        second_out = (await client.get(f"/api/invoices/{second}", headers=alice)).json()
        third_out = (await client.get(f"/api/invoices/{third}", headers=alice)).json()
        assert second_out["possible_duplicate_of"] == first
        assert any(
            w["code"] == "possible_duplicate" and w["link"] == f"/api/invoices/{first}"
            for w in second_out["warnings"]
        )
        assert third_out["possible_duplicate_of"] == first
        flagged = await client.get("/api/invoices", headers=alice, params={"possible_duplicate": True})
        assert {i["id"] for i in flagged.json()["items"]} == {second, third}


class TestReextract:
    """Re-extraction asks the extractor again and keeps every result; the user can pick one."""

    async def test_reextract_keeps_history_and_restore(self, client, db, nats_url, namespace):
        alice = await signup(client)
        tenant = await tenant_of(client, alice)
        invoice_id = await upload(client, alice)
        await simulate_ocr(db, gateway_state(client).storage, tenant, invoice_id, "Total 99")
        await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "Old", "total": 9.0})
        async with listen(nats_url, namespace) as bus:
            response = await client.post(
                f"/api/invoices/{invoice_id}/reextract", headers=alice, json={"provider": "groq"}
            )
            published = await bus.wait_for(f"{namespace}.invoice.text_extracted")
        assert response.status_code == 202
        # A reference to the stored OCR result, not its text (issue 11: messages carry references).
        assert published[0]["provider"] == "groq" and published[0]["pages"] == []
        assert published[0]["ocr_key"] == ocr_result_key(tenant, uuid.UUID(invoice_id))
        await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "New", "total": 99.0})
        detail = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        history = detail["extraction_history"]
        assert [(h["kind"], h["provider"], h["fields"]["total"]) for h in history] == [
            ("extraction", None, 9.0),
            ("extraction", "groq", 99.0),
        ]
        assert history[1]["current"] is True
        restored = await client.post(
            f"/api/invoices/{invoice_id}/extractions/{history[0]['id']}/restore", headers=alice
        )
        assert restored.status_code == 200
        assert restored.json()["total"] == 9.0
        assert restored.json()["extraction_history"][-1]["kind"] == "restore"


class TestFilesAndDelete:
    """Original download, page previews, and deletion of the files."""

    async def test_download_streams_the_original_without_reading_it_whole(self, client, monkeypatch):
        alice = await signup(client)
        pdf = pdf_with_pages(3)
        invoice_id = await upload(client, alice, pdf, name="scan.pdf")
        storage = gateway_state(client).storage

        async def whole_file_refused(key: str) -> bytes:
            raise AssertionError(f"download read {key} whole into memory")

        monkeypatch.setattr(storage, "get", whole_file_refused)
        original = await client.get(f"/api/invoices/{invoice_id}/original", headers=alice)
        assert original.status_code == 200
        assert original.content == pdf
        assert original.headers["content-length"] == str(len(pdf))

    async def test_download_of_a_missing_original_is_404_with_reason(self, client):
        alice = await signup(client)
        invoice_id = await upload(client, alice, pdf_with_pages(1))
        storage = gateway_state(client).storage
        prefix = invoice_prefix(await tenant_of(client, alice), uuid.UUID(invoice_id))
        for key in [key async for key in storage.keys(prefix)]:
            await storage.delete(key)
        missing = await client.get(f"/api/invoices/{invoice_id}/original", headers=alice)
        assert missing.status_code == 404
        assert "missing from storage" in missing.json()["error"]["message"]

    async def test_download_preview_and_delete(self, client, db, nats_url, namespace):
        alice = await signup(client)
        pdf = pdf_with_pages(2)
        invoice_id = await upload(client, alice, pdf, name="חשבונית מרץ.pdf")
        original = await client.get(f"/api/invoices/{invoice_id}/original", headers=alice)
        assert original.status_code == 200
        assert hashlib.sha256(original.content).hexdigest() == hashlib.sha256(pdf).hexdigest()
        assert original.headers["content-type"] == "application/pdf"
        assert "filename*=UTF-8''" in original.headers["content-disposition"]
        page = await client.get(f"/api/invoices/{invoice_id}/pages/2.png", headers=alice)
        assert page.status_code == 200 and page.content.startswith(b"\x89PNG")
        missing = await client.get(f"/api/invoices/{invoice_id}/pages/3.png", headers=alice)
        assert missing.status_code == 404 and "no page 3" in missing.json()["error"]["message"]
        png_id = await upload(client, alice)
        assert (await client.get(f"/api/invoices/{png_id}/pages/1.png", headers=alice)).status_code == 200

        storage = gateway_state(client).storage
        ocr_key = await simulate_ocr(db, storage, await tenant_of(client, alice), invoice_id, "text")
        row = await gateway_state(client).pool.fetchrow(
            "SELECT storage_key FROM invoices WHERE id = $1::uuid", invoice_id
        )
        async with listen(nats_url, namespace) as bus:
            assert (await client.delete(f"/api/invoices/{invoice_id}", headers=alice)).status_code == 204
            deleted = await bus.wait_for(f"{namespace}.invoice.deleted")
        assert deleted[0]["invoice_id"] == invoice_id
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).status_code == 404
        from invoiceme_common.storage import StoredObjectMissing

        for key in (row["storage_key"], ocr_key):
            with pytest.raises(StoredObjectMissing):
                await storage.get(key)
        assert (await client.delete(f"/api/invoices/{invoice_id}", headers=alice)).status_code == 404
