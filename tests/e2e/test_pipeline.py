"""The spine end to end: four real service processes, real NATS JetStream and Postgres."""

from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest

from tests.e2e.conftest import Pipeline
from tests.support.documents import invoice_pdf, invoice_scan_png

pytestmark = pytest.mark.e2e

ENGLISH_PDF_LINES = [
    "Northwind Supplies Ltd",
    "Tax Invoice",
    "Invoice No: NW-7781",
    "Date: 14/03/2025",
    "Office chairs  2 x 650.00     1,300.00",
    "Subtotal                      1,300.00",
    "VAT 18%                         234.00",
    "Total due                    $1,534.00",
]
HEBREW_SCAN_LINES = [
    'אלקטרו-טק בע"מ',
    "חשבונית מס מספר 5521",
    "תאריך: 03/02/2025",
    'סה"כ לפני מע"מ: 1,000.00',
    'מע"מ 18%: 180.00',
    'סה"כ לתשלום: 1,180.00 ₪',
]


def _signup(client: httpx.Client) -> dict[str, str]:
    email = f"e2e-{uuid.uuid4().hex[:8]}@example.com"
    response = client.post("/api/auth/signup", json={"email": email, "password": "password-123"})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _wait_for(
    pipeline: Pipeline, client: httpx.Client, headers: dict[str, str], invoice_id: str, timeout: float = 120
) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pipeline.check_alive()
        invoice = client.get(f"/api/invoices/{invoice_id}", headers=headers).json()
        if invoice["status"] in ("extracted", "needs_review", "failed"):
            return invoice
        time.sleep(0.5)
    pytest.fail(f"invoice {invoice_id} still {invoice['status']} after {timeout} s")


def _files_of_invoices_in_bucket(
    pipeline: Pipeline, client: httpx.Client, headers: dict, ids: list[str]
) -> None:
    """With S3 storage: each invoice's original and OCR JSON are in the bucket under ids only, and
    deleting the invoices leaves the bucket empty."""
    assert pipeline.s3 is not None
    tenant = client.get("/api/me", headers=headers).json()["tenant_id"]
    keys = sorted(pipeline.s3.keys(pipeline.bucket))
    assert len(keys) == 2 * len(ids), keys
    for invoice_id in ids:
        mine = [key for key in keys if f"tenants/{tenant}/invoices/{invoice_id}/" in key]
        assert sorted(key.rsplit("/", 1)[1].split("-")[0] for key in mine) == ["ocr.json", "original"]
    for invoice_id in ids:
        assert client.delete(f"/api/invoices/{invoice_id}", headers=headers).status_code == 204
    assert pipeline.s3.keys(pipeline.bucket) == []


@pytest.mark.parametrize("pipeline", ["nats", "s3"], indirect=True)
def test_upload_to_analytics(pipeline: Pipeline) -> None:
    with httpx.Client(base_url=pipeline.url, timeout=30) as client:
        alice, bob = _signup(client), _signup(client)
        business = client.post("/api/businesses", headers=alice, json={"name": "Northwind Supplies"})
        assert business.status_code == 201, business.text
        request_id = f"e2e-{uuid.uuid4().hex}"
        uploads = {
            "pdf": client.post(
                "/api/invoices",
                headers={**alice, "X-Request-ID": request_id},
                files={"file": ("northwind.pdf", invoice_pdf(ENGLISH_PDF_LINES), "application/pdf")},
            ),
            "png": client.post(
                "/api/invoices",
                headers=alice,
                files={"file": ("scan.png", invoice_scan_png(HEBREW_SCAN_LINES, True), "image/png")},
            ),
        }
        for response in uploads.values():
            assert response.status_code == 202, response.text
            assert response.json()["status"] == "received"

        pdf = _wait_for(pipeline, client, alice, uploads["pdf"].json()["id"])
        png = _wait_for(pipeline, client, alice, uploads["png"].json()["id"])
        assert pdf["status"] in ("extracted", "needs_review"), pdf.get("error")
        assert png["status"] in ("extracted", "needs_review"), png.get("error")
        assert pdf["text_source"] == "text_layer"
        assert png["text_source"] == "ocr"
        assert (pdf["fields"]["total"], pdf["fields"]["invoice_date"]) == (1534.0, "2025-03-14")
        assert (pdf["fields"]["currency"], pdf["fields"]["invoice_number"]) == ("USD", "NW-7781")
        assert (png["fields"]["total"], png["fields"]["invoice_date"]) == (1180.0, "2025-02-03")
        assert png["fields"]["currency"] == "ILS"
        # Matched to the user's business when the extractor saved it ("Ltd" and case don't matter).
        assert pdf["business_id"] == business.json()["id"]
        assert png["business_id"] is None
        # OCR text is searchable (the Hebrew scan's invoice number appears only in its text).
        found = client.get("/api/invoices", headers=alice, params={"q": "5521"}).json()["items"]
        assert [item["id"] for item in found] == [png["id"]]

        # Analytics is eventually consistent: poll until both invoices are counted.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            summary = client.get("/api/analytics/summary", headers=alice).json()
            if sum(row["count"] for row in summary["by_currency"]) == 2:
                break
            time.sleep(0.5)
        by_currency = {row["key"]: (row["count"], row["total"]) for row in summary["by_currency"]}
        assert by_currency == {"USD": (1, 1534.0), "ILS": (1, 1180.0)}
        by_month = {(row["key"], row["currency"]): row["total"] for row in summary["by_month"]}
        assert by_month == {("2025-03", "USD"): 1534.0, ("2025-02", "ILS"): 1180.0}

        # One correlation id, from the upload request, is on the log lines of every hop.
        pdf_id = uploads["pdf"].json()["id"]
        for service in ("gateway", "ocr", "extractor", "analytics"):
            lines = [json.loads(line) for line in pipeline.log(service).splitlines() if line.startswith("{")]
            tagged = [line for line in lines if line.get("correlation_id") == request_id]
            assert tagged, f"{service} never logged correlation_id {request_id}"
            assert all(line.get("invoice_id") == pdf_id for line in tagged if "invoice_id" in line)
            assert any(line.get("invoice_id") == pdf_id for line in tagged)
            per_message = [line for line in lines if "invoice_id" in line]
            assert all("correlation_id" in line and "tenant_id" in line for line in per_message), service

        # Another user sees neither invoice nor any aggregate.
        assert client.get("/api/invoices", headers=bob).json()["items"] == []
        for response in uploads.values():
            assert client.get(f"/api/invoices/{response.json()['id']}", headers=bob).status_code == 404
        bob_summary = client.get("/api/analytics/summary", headers=bob).json()
        assert bob_summary == {"by_vendor": [], "vendor_rows_total": 0, "by_month": [], "by_currency": []}

        if pipeline.s3 is not None:
            _files_of_invoices_in_bucket(pipeline, client, alice, [pdf["id"], png["id"]])


@pytest.mark.parametrize("pipeline", ["nats"], indirect=True)  # shares the nats pipeline above
def test_unreadable_upload_is_marked_failed_with_reason(pipeline: Pipeline) -> None:
    with httpx.Client(base_url=pipeline.url, timeout=30) as client:
        alice = _signup(client)
        truncated = invoice_pdf(ENGLISH_PDF_LINES)[:300]  # a PDF header but no body
        response = client.post("/api/invoices", headers=alice, files={"file": ("cut.pdf", truncated)})
        assert response.status_code == 202
        invoice = _wait_for(pipeline, client, alice, response.json()["id"], timeout=60)
        assert invoice["status"] == "failed"
        # Users see the public message (sec); the raw reason stays in invoices.error for operators.
        assert invoice["error_code"] == "damaged_pdf" and "damaged" in invoice["error"]


def _scrape(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a Prometheus /metrics page, keyed by (name, labels)."""
    from prometheus_client.parser import text_string_to_metric_families

    response = httpx.get(url, timeout=5)
    assert response.status_code == 200, response.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _total(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    wanted = set(labels.items())
    return sum(value for (n, have), value in samples.items() if n == name and wanted <= have)


def test_every_service_serves_metrics_that_move_with_an_upload(pipeline: Pipeline) -> None:
    workers = {name: f"http://127.0.0.1:{port}/metrics" for name, port in pipeline.metrics_ports.items()}
    before = {name: _scrape(url) for name, url in workers.items()}
    with httpx.Client(base_url=pipeline.url, timeout=30) as client:
        alice = _signup(client)
        upload = client.post(
            "/api/invoices",
            headers=alice,
            files={"file": ("m.pdf", invoice_pdf(ENGLISH_PDF_LINES), "application/pdf")},
        )
        assert upload.status_code == 202, upload.text
        invoice_id = upload.json()["id"]
        _wait_for(pipeline, client, alice, invoice_id)
        deadline = time.monotonic() + 30  # analytics settles after the extractor
        while time.monotonic() < deadline:
            after = {name: _scrape(url) for name, url in workers.items()}
            if _total(after["analytics"], "invoiceme_messages_total", outcome="processed") > _total(
                before["analytics"], "invoiceme_messages_total", outcome="processed"
            ):
                break
            time.sleep(0.5)
    for name in workers:
        moved = _total(after[name], "invoiceme_messages_total", outcome="processed") - _total(
            before[name], "invoiceme_messages_total", outcome="processed"
        )
        assert moved >= 1, f"{name} counted no processed message"
        assert _total(after[name], "invoiceme_handler_seconds_count") >= 1, name
        assert any(n == "invoiceme_consumer_pending" for n, _ in after[name]), f"{name} samples no lag"
    assert _total(after["ocr"], "invoiceme_ocr_pages_total") > _total(
        before["ocr"], "invoiceme_ocr_pages_total"
    )
    gateway = _scrape(f"{pipeline.url}/metrics")
    uploads = _total(
        gateway, "invoiceme_http_requests_total", method="POST", route="/api/invoices", status="202"
    )
    assert uploads >= 1
    assert _total(gateway, "invoiceme_http_requests_total", route=f"/api/invoices/{invoice_id}") == 0
    assert _total(gateway, "invoiceme_http_request_seconds_count", route="/api/invoices/{invoice_id}") >= 1


def test_workers_answer_health_and_status_shows_every_service(pipeline: Pipeline) -> None:
    from click.testing import CliRunner

    from invoiceme_cli.main import cli

    for name, port in pipeline.metrics_ports.items():
        health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10)
        assert health.status_code == 200, health.text
        body = health.json()
        assert (
            body["service"] == name and body["checks"]["nats"] == "ok" and body["checks"]["postgres"] == "ok"
        )
        assert any(check.startswith("consumer ") for check in body["checks"]), body
    workers = [f"--worker={name}=http://127.0.0.1:{port}" for name, port in pipeline.metrics_ports.items()]
    env = {key: pipeline.processes.env[key] for key in ("NATS_URL", "INVOICEME_NAMESPACE", "DATABASE_URL")}
    result = CliRunner().invoke(cli, ["status", f"--gateway={pipeline.url}", *workers], env=env)
    assert result.exit_code == 0, result.output
    for name in ("gateway", "ocr", "extractor", "analytics"):
        assert name in result.output
    assert "waiting" in result.output  # lag read from JetStream
    down = CliRunner().invoke(
        cli, ["status", f"--gateway={pipeline.url}", "--worker=ocr=http://127.0.0.1:1"], env=env
    )
    assert down.exit_code == 1 and "unreachable" in down.output


def test_gateway_serves_the_asyncapi_document(pipeline: Pipeline) -> None:
    from invoiceme_cli.asyncapi_cmd import OUTPUTS

    response = httpx.get(f"{pipeline.url}/asyncapi.json", timeout=10)
    assert response.status_code == 200
    assert response.json() == json.loads(OUTPUTS[0].read_text())
