"""Tenant isolation: for every route with an id in the OpenAPI spec, user B using user A's ids gets
404 and never A's data; A's data is unchanged afterwards. Also: assigning to A's business, merging
A's business, reordering with A's ids, and the live status stream."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from tests.support.gateway import gateway_settings, signup

from .pipeline import app_client, gateway_state, simulate_extraction, simulate_ocr, tenant_of, upload
from .test_live_status import SseReader, served

SECRET_VENDOR = "Alice Secret Supplier"
# Bodies for the routes that take one (valid for B's own ids, so only ownership can refuse them).
BODIES = {
    ("patch", "/api/invoices/{invoice_id}"): {"fields": {"total": 1.0}, "confirm": True},
    ("patch", "/api/businesses/{business_id}"): {"name": "Taken over"},
    ("post", "/api/invoices/{invoice_id}/reextract"): {"provider": "rules"},
}
NOT_IDS = {"month", "page_number"}


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with app_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


async def _alice_world(client: httpx.AsyncClient, db, headers) -> dict[str, str]:
    tenant = await tenant_of(client, headers)
    business = (await client.post("/api/businesses", headers=headers, json={"name": SECRET_VENDOR})).json()
    invoice_id = await upload(client, headers)
    await simulate_ocr(db, gateway_state(client).storage, tenant, invoice_id, "secret text")
    await simulate_extraction(
        db,
        tenant,
        invoice_id,
        {"vendor_name": SECRET_VENDOR, "total": 123.0, "invoice_date": "2025-02-02", "currency": "ILS"},
    )
    detail = (await client.get(f"/api/invoices/{invoice_id}", headers=headers)).json()
    assert detail["business_id"] == business["id"]
    await client.post("/api/insights/refresh", headers=headers)
    insights = (await client.get("/api/insights", headers=headers)).json().get("items", [])
    ids = {
        "invoice_id": invoice_id,
        "business_id": business["id"],
        "extraction_id": str(detail["extraction_history"][0]["id"]),
    }
    if insights:
        ids["insight_id"] = insights[0]["id"]
    else:  # no detector fired on this little data: give A an insight of its own directly
        insight_id = uuid.uuid4()
        await db.execute(
            """INSERT INTO insights
                   (id, tenant_id, kind, fingerprint, severity, data, narrative, narrative_source)
               VALUES ($1, $2, 'spike', 'isolation-test', 'info', '{}'::jsonb, $3, 'template')""",
            insight_id,
            tenant,
            f"{SECRET_VENDOR} spent more",
        )
        ids["insight_id"] = str(insight_id)
    return ids


def _id_routes(spec: dict) -> list[tuple[str, str, list[str]]]:
    routes = []
    for path, methods in spec["paths"].items():
        if path.startswith("/api/admin/"):
            continue  # operator routes, not tenant data: non-admins get 403 (test_admin.py)
        params = [p for p in re.findall(r"{(\w+)}", path) if p not in NOT_IDS]
        if params:
            routes.extend((method, path, params) for method in methods)
    # Deletions last, so every other route meets A's data while it exists.
    return sorted(routes, key=lambda route: route[0] == "delete")


class TestTenantIsolation:
    """User B never reads, changes or deletes anything of user A's."""

    async def test_every_id_route_is_404_for_another_tenant(self, client, db):
        alice, bob = await signup(client), await signup(client)
        ids = await _alice_world(client, db, alice)
        bob_business = (await client.post("/api/businesses", headers=bob, json={"name": "Bob Co"})).json()
        bodies = {
            **BODIES,
            ("post", "/api/businesses/{business_id}/merge"): {"source_id": bob_business["id"]},
            ("post", "/api/businesses/{business_id}/move"): {"before": bob_business["id"]},
        }
        spec = (await client.get("/openapi.json")).json()
        routes = _id_routes(spec)
        covered = {path for _, path, _ in routes}
        for expected in (
            "/api/invoices/{invoice_id}",
            "/api/businesses/{business_id}",
            "/api/invoices/{invoice_id}/original",
            "/api/invoices/{invoice_id}/pages/{page_number}.png",
        ):
            assert expected in covered
        tried = []
        for method, path, params in routes:
            assert all(p in ids for p in params), f"no id of A's to try on {method.upper()} {path}"
            url = path.replace("{page_number}", "1").replace("{month}", "2025-02")
            for name in params:
                url = url.replace("{" + name + "}", ids[name])
            response = await client.request(method, url, headers=bob, json=bodies.get((method, path)))
            tried.append(f"{method.upper()} {path}")
            assert response.status_code == 404, (method, path, response.status_code, response.text)
            assert SECRET_VENDOR not in response.text and "secret text" not in response.text
        assert len(tried) >= 12, tried

        # A's invoice and business are untouched.
        mine = (await client.get(f"/api/invoices/{ids['invoice_id']}", headers=alice)).json()
        assert (mine["total"], mine["business_id"], mine["edits"]) == (123.0, ids["business_id"], [])
        assert (await client.get(f"/api/businesses/{ids['business_id']}", headers=alice)).json()[
            "name"
        ] == SECRET_VENDOR

    async def test_cross_tenant_references_in_bodies_and_filters(self, client, db):
        alice, bob = await signup(client), await signup(client)
        ids = await _alice_world(client, db, alice)
        bob_invoice = await upload(client, bob)
        bob_business = (await client.post("/api/businesses", headers=bob, json={"name": "Bob Co"})).json()
        assign = await client.patch(
            f"/api/invoices/{bob_invoice}", headers=bob, json={"business_id": ids["business_id"]}
        )
        assert assign.status_code == 404
        merge = await client.post(
            f"/api/businesses/{bob_business['id']}/merge", headers=bob, json={"source_id": ids["business_id"]}
        )
        assert merge.status_code == 404
        reorder = await client.post(
            "/api/businesses/reorder", headers=bob, json={"ids": [ids["business_id"]]}
        )
        assert reorder.status_code == 404
        listed = await client.get("/api/invoices", headers=bob, params={"business_id": ids["business_id"]})
        assert listed.json()["items"] == []
        searched = await client.get("/api/invoices", headers=bob, params={"q": "secret"})
        assert searched.json()["items"] == []
        assert (await client.get("/api/businesses", headers=bob, params={"q": "Alice"})).json()["items"] == []
        still = (await client.get(f"/api/businesses/{ids['business_id']}", headers=alice)).json()
        assert still["aliases"] == [] and still["invoice_count"] == 1


async def test_live_status_never_shows_another_tenants_changes(database_url, nats_url, namespace, db):
    async with served(gateway_settings(database_url, nats_url, namespace)) as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
            alice, bob = await signup(client), await signup(client)
            await upload(client, alice)
            bob_invoice = await upload(client, bob)
            async with client.stream("GET", "/api/events", params={"since": 0}, headers=bob) as response:
                first = await SseReader(response).next_event()
            assert first["data"]["invoice_id"] == bob_invoice
