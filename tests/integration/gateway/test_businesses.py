"""Businesses: CRUD, search, reorder, delete choices, merge, automatic matching and alias learning."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.gateway import gateway_client, gateway_settings, signup

from .pipeline import listen, simulate_extraction, tenant_of, upload


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


async def _business(client, headers, **body):
    response = await client.post("/api/businesses", headers=headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def _extracted(client, db, headers, fields):
    invoice_id = await upload(client, headers)
    await simulate_extraction(db, await tenant_of(client, headers), invoice_id, fields)
    return invoice_id


class TestCrud:
    """Create, read, update, search, reorder."""

    async def test_crud_search_and_reorder(self, client):
        alice = await signup(client)
        shufersal = await _business(
            client, alice, name='שופרסל בע"מ', tax_id="520022732", aliases=["Shufersal"], monthly_limit=2500
        )
        assert shufersal["tax_id"] == "520022732"
        assert shufersal["monthly_limit"] == 2500
        assert shufersal["invoice_count"] == 0
        bezeq = await _business(client, alice, name="Bezeq Ltd")
        assert bezeq["display_order"] == shufersal["display_order"] + 1
        same = await client.post("/api/businesses", headers=alice, json={"name": "שופרסל"})
        assert same.status_code == 409
        found = await client.get("/api/businesses", headers=alice, params={"q": "שופרסל"})
        assert [b["id"] for b in found.json()["items"]] == [shufersal["id"]]
        by_alias = await client.get("/api/businesses", headers=alice, params={"q": "shufer"})
        assert [b["id"] for b in by_alias.json()["items"]] == [shufersal["id"]]
        patched = await client.patch(
            f"/api/businesses/{bezeq['id']}", headers=alice, json={"monthly_limit": 300, "aliases": ["בזק"]}
        )
        assert patched.json()["aliases"] == ["בזק"] and patched.json()["monthly_limit"] == 300
        reordered = await client.post(
            "/api/businesses/reorder", headers=alice, json={"ids": [bezeq["id"], shufersal["id"]]}
        )
        assert [b["name"] for b in reordered.json()] == ["Bezeq Ltd", 'שופרסל בע"מ']
        one = await client.get(f"/api/businesses/{bezeq['id']}", headers=alice)
        assert one.json()["display_order"] == 0

    async def test_search_by_hebrew_alias_ignores_final_letters(self, client):
        alice = await signup(client)
        cafe = await _business(client, alice, name="Cafe", aliases=["קפה שלום"])
        found = await client.get("/api/businesses", headers=alice, params={"q": "שלום"})
        assert [b["id"] for b in found.json()["items"]] == [cafe["id"]]

    async def test_invalid_tax_id_is_422(self, client):
        alice = await signup(client)
        response = await client.post(
            "/api/businesses", headers=alice, json={"name": "X", "tax_id": "520022733"}
        )
        assert response.status_code == 422
        assert "not a valid Israeli business number" in response.json()["error"]["message"]


class TestMatching:
    """Saved invoices find their business by tax id, then by Hebrew-normalized name or alias."""

    async def test_tax_id_name_alias_and_unassigned(self, client, db):
        alice = await signup(client)
        shufersal = await _business(client, alice, name='שופרסל בע"מ', tax_id="520022732")
        office = await _business(client, alice, name="Office Depot", aliases=["אופיס דיפו"])
        by_tax = await _extracted(
            client, db, alice, {"vendor_name": "Some other name", "vendor_tax_id": "520022732"}
        )
        by_name = await _extracted(client, db, alice, {"vendor_name": "שופרסל בעמ"})
        by_alias = await _extracted(client, db, alice, {"vendor_name": 'אופיס דיפו בע"מ'})
        nobody = await _extracted(client, db, alice, {"vendor_name": "Office Deposit Kiosk"})
        got = {
            i: (await client.get(f"/api/invoices/{i}", headers=alice)).json()
            for i in (by_tax, by_name, by_alias, nobody)
        }
        assert (got[by_tax]["business_id"], got[by_tax]["match_method"]) == (shufersal["id"], "tax_id")
        assert (got[by_name]["business_id"], got[by_name]["match_method"]) == (shufersal["id"], "name")
        assert (got[by_alias]["business_id"], got[by_alias]["match_method"]) == (office["id"], "alias")
        assert got[nobody]["business_id"] is None
        assert got[nobody]["suggestions"][0]["business_id"] == office["id"]
        assert len(got[nobody]["suggestions"]) <= 5
        unassigned = await client.get("/api/invoices", headers=alice, params={"unassigned": True})
        assert [i["id"] for i in unassigned.json()["items"]] == [nobody]

    async def test_the_match_made_at_save_is_what_the_list_filters_on(self, client, db):
        alice = await signup(client)
        shufersal = await _business(client, alice, name="שופרסל")
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "שופרסל", "total": 10.0})
        listed = await client.get("/api/invoices", headers=alice, params={"business_id": shufersal["id"]})
        assert [item["id"] for item in listed.json()["items"]] == [invoice_id]

    async def test_assigning_teaches_an_alias(self, client, db):
        alice = await signup(client)
        bezeq = await _business(client, alice, name="Bezeq")
        first = await _extracted(client, db, alice, {"vendor_name": 'בזק החברה הישראלית לתקשורת בע"מ'})
        assert (await client.get(f"/api/invoices/{first}", headers=alice)).json()["business_id"] is None
        assigned = await client.patch(
            f"/api/invoices/{first}", headers=alice, json={"business_id": bezeq["id"]}
        )
        assert assigned.status_code == 200, assigned.text
        assert assigned.json()["match_method"] == "manual"
        aliases = (await client.get(f"/api/businesses/{bezeq['id']}", headers=alice)).json()["aliases"]
        assert aliases == ['בזק החברה הישראלית לתקשורת בע"מ']
        second = await _extracted(client, db, alice, {"vendor_name": "בזק החברה הישראלית לתקשורת"})
        assert (await client.get(f"/api/invoices/{second}", headers=alice)).json()["business_id"] == bezeq[
            "id"
        ]

    async def test_manual_assignment_survives_a_new_extraction(self, client, db):
        alice = await signup(client)
        chosen = await _business(client, alice, name="Chosen Ltd")
        await _business(client, alice, name="Other Vendor")
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "Unknown Vendor"})
        await client.patch(f"/api/invoices/{invoice_id}", headers=alice, json={"business_id": chosen["id"]})
        # The extractor saves again (re-extraction) and matches: the manual choice stays.
        await simulate_extraction(
            db, await tenant_of(client, alice), invoice_id, {"vendor_name": "Other Vendor"}
        )
        detail = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        assert (detail["business_id"], detail["match_method"]) == (chosen["id"], "manual")

    async def test_corrected_vendor_name_is_matched_again(self, client, db):
        alice = await signup(client)
        electric = await _business(client, alice, name="חברת החשמל")
        invoice_id = await _extracted(client, db, alice, {"vendor_name": 'חח"י קבלה'})
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()["business_id"] is None
        await client.patch(
            f"/api/invoices/{invoice_id}", headers=alice, json={"fields": {"vendor_name": "חברת החשמל"}}
        )
        detail = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        assert (detail["business_id"], detail["match_method"]) == (electric["id"], "name")


class TestDeleteAndMerge:
    """Deleting asks what happens to invoices; merging moves them and keeps names as aliases."""

    async def test_delete_unassigns_by_default(self, client, db, nats_url, namespace):
        alice = await signup(client)
        acme = await _business(client, alice, name="ACME")
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "ACME"})
        await client.get("/api/invoices", headers=alice)
        async with listen(nats_url, namespace) as bus:
            response = await client.delete(f"/api/businesses/{acme['id']}", headers=alice)
            saved = await bus.wait_for(f"{namespace}.invoice.saved")
        assert response.json() == {"deleted_invoices": 0, "unassigned_invoices": 1}
        invoice = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        assert invoice["business_id"] is None
        assert saved[-1]["business_id"] is None
        assert (await client.get(f"/api/businesses/{acme['id']}", headers=alice)).status_code == 404

    async def test_delete_with_invoices(self, client, db, nats_url, namespace):
        alice = await signup(client)
        acme = await _business(client, alice, name="ACME")
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "ACME"})
        await client.get("/api/invoices", headers=alice)
        async with listen(nats_url, namespace) as bus:
            response = await client.delete(
                f"/api/businesses/{acme['id']}", headers=alice, params={"invoices": "delete"}
            )
            deleted = await bus.wait_for(f"{namespace}.invoice.deleted")
        assert response.json() == {"deleted_invoices": 1, "unassigned_invoices": 0}
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).status_code == 404
        assert deleted[0]["invoice_id"] == invoice_id
        bad = await client.delete(f"/api/businesses/{acme['id']}", headers=alice, params={"invoices": "burn"})
        assert bad.status_code == 422

    async def test_merge(self, client, db):
        alice = await signup(client)
        target = await _business(client, alice, name="Paz", tax_id="520022732")
        source = await _business(client, alice, name="פז חברת נפט", aliases=["Paz Oil"])
        invoice_id = await _extracted(client, db, alice, {"vendor_name": "פז חברת נפט"})
        await client.get("/api/invoices", headers=alice)
        merged = await client.post(
            f"/api/businesses/{target['id']}/merge", headers=alice, json={"source_id": source["id"]}
        )
        assert merged.status_code == 200, merged.text
        assert set(merged.json()["aliases"]) == {"פז חברת נפט", "Paz Oil"}
        assert merged.json()["invoice_count"] == 1
        assert (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()[
            "business_id"
        ] == target["id"]
        assert (await client.get(f"/api/businesses/{source['id']}", headers=alice)).status_code == 404
        itself = await client.post(
            f"/api/businesses/{target['id']}/merge", headers=alice, json={"source_id": target["id"]}
        )
        assert itself.status_code == 422


class TestReadsNeverWrite:
    """Business matching belongs to the extractor's save: reading invoices writes and publishes nothing."""

    async def test_list_and_detail_leave_the_invoice_and_the_bus_alone(
        self, database_url, nats_url, namespace, db
    ):
        async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as client:
            alice = await signup(client)
            tenant = await tenant_of(client, alice)
            await _business(client, alice, name='שופרסל בע"מ')
            invoice_id = await upload(client, alice)
            await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "שופרסל", "total": 5.0})
            # An invoice whose match and index look stale: the old lazy path would have redone them.
            await db.execute(
                "UPDATE invoices SET matched_version = NULL, indexed_version = NULL WHERE id = $1::uuid",
                invoice_id,
            )
            before = await db.fetchrow("SELECT * FROM invoices WHERE id = $1::uuid", invoice_id)
            async with listen(nats_url, namespace) as bus:
                listed = await client.get("/api/invoices", headers=alice)
                detail = await client.get(f"/api/invoices/{invoice_id}", headers=alice)
                await asyncio.sleep(0.5)
            assert (listed.status_code, detail.status_code) == (200, 200)
            assert bus.messages == []
            after = await db.fetchrow("SELECT * FROM invoices WHERE id = $1::uuid", invoice_id)
            assert dict(after) == dict(before)
            assert detail.json()["business_name"] == 'שופרסל בע"מ'  # matched at save, not on read
