"""A field's ranked alternatives travel from the extractor's save to the invoice detail API, typed."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_extractor.pipeline import extract_invoice
from invoiceme_extractor.repository import stored_fields
from tests.support.gateway import gateway_settings, signup
from tests.unit.extractor.wordbox import page

from .pipeline import app_client, simulate_extraction, tenant_of, upload

# Subtotal 100 and two totals that do not add up with it: the total is unsure, with an alternative;
# a number by a 'Document' label and another by a weak 'Ref' label: the invoice number too.
UNSURE_TOTAL = page(
    ("Acme Trading Ltd", 100, 100),
    ("Document: HF-2210", 100, 300),
    ("Ref: HF-2290", 100, 500),
    ("Subtotal 100.00", 100, 900),
    ("Total 150.00", 100, 950),
    ("Amount due 120.00", 100, 1000),
)


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with app_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


class TestEvidenceApi:
    """The detail returns each field's evidence with its alternatives; the schema names their shape."""

    async def test_detail_returns_the_ranked_alternatives(self, client, db):
        alice = await signup(client)
        invoice_id = await upload(client, alice)
        extraction = await extract_invoice([UNSURE_TOTAL], today=date(2025, 6, 1))
        await simulate_extraction(db, await tenant_of(client, alice), invoice_id, stored_fields(extraction))
        detail = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()
        total = detail["evidence"]["total"]
        assert detail["confidence"]["total"] < 0.9  # the web app marks it "check this"
        assert total["alternatives"][0]["value"] == detail["total"]
        assert sorted(a["value"] for a in total["alternatives"]) == [120.0, 150.0]
        for alternative in total["alternatives"]:
            assert set(alternative) == {"value", "score", "text", "page", "box", "label"}
            assert alternative["page"] == 1 and len(alternative["box"]) == 4
        assert {a["label"] for a in total["alternatives"]} == {"Total", "Amount due"}
        number = detail["evidence"]["invoice_number"]["alternatives"]
        assert [(a["value"], a["label"]) for a in number] == [("HF-2210", "Document:"), ("HF-2290", "Ref:")]
        assert number[0]["score"] >= number[1]["score"] and number[1]["box"] is not None

    async def test_older_evidence_without_alternatives_still_reads(self, client, db):
        alice = await signup(client)
        invoice_id = await upload(client, alice)
        old = {"total": 118.0, "evidence": {"total": {"text": "118.00", "page": 1, "box": None}, "x": 3}}
        await simulate_extraction(db, await tenant_of(client, alice), invoice_id, old)
        response = await client.get(f"/api/invoices/{invoice_id}", headers=alice)
        assert response.status_code == 200
        assert response.json()["evidence"] == {
            "total": {"text": "118.00", "page": 1, "box": None, "alternatives": []}
        }

    async def test_openapi_types_the_evidence(self, client):
        schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
        evidence = schemas["InvoiceDetail"]["properties"]["evidence"]
        assert evidence["additionalProperties"] == {"$ref": "#/components/schemas/Evidence"}
        assert schemas["Evidence"]["properties"]["alternatives"]["items"] == {
            "$ref": "#/components/schemas/Alternative"
        }
        assert set(schemas["Alternative"]["required"]) == {"value", "score", "text"}
