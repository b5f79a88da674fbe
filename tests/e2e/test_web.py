"""The web frontend in a real headless Chromium against the four real services."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, Pipeline
from tests.e2e.test_pipeline import ENGLISH_PDF_LINES, HEBREW_SCAN_LINES
from tests.support.documents import invoice_pdf, invoice_scan_png

pytestmark = pytest.mark.e2e
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page():
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `make test` installs the Debian package 'chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        yield context.new_page()
        browser.close()


def _documents(tmp_path: Path) -> list[Path]:
    pdf, png = tmp_path / "northwind.pdf", tmp_path / "electro-scan.png"
    pdf.write_bytes(invoice_pdf(ENGLISH_PDF_LINES))
    png.write_bytes(invoice_scan_png(HEBREW_SCAN_LINES, right_to_left=True))
    return [pdf, png]


def test_sign_up_upload_and_see_fields(pipeline: Pipeline, page, tmp_path: Path) -> None:
    page.goto(pipeline.url)
    page.get_by_role("tab", name="Sign up").click()
    page.get_by_label("Email").fill(f"web-{uuid.uuid4().hex[:8]}@example.com")
    page.get_by_label("Password").fill("password-123")
    page.get_by_label("Full name").fill("דנה כהן")
    page.get_by_role("button", name="Create account").click()
    page.get_by_text("Drop invoices here").wait_for()

    page.locator("#file").set_input_files([str(p) for p in _documents(tmp_path)])
    pdf_row = page.locator("tr", has_text="northwind.pdf")
    scan_row = page.locator("tr", has_text="electro-scan.png")
    pdf_row.locator(".status.extracted, .status.needs_review").wait_for(timeout=60_000)
    scan_row.locator(".status.extracted, .status.needs_review").wait_for(timeout=60_000)
    assert "1,534.00" in pdf_row.inner_text()
    assert "2025-03-14" in pdf_row.inner_text()
    assert "1,180.00" in scan_row.inner_text()
    # Hebrew vendor names are laid out right to left.
    vendor_cell = scan_row.locator("td").nth(1)
    assert "טק" in vendor_cell.inner_text()
    assert vendor_cell.evaluate("el => getComputedStyle(el).direction") == "rtl"

    page.locator("#totals").get_by_text("invoice in USD").wait_for(timeout=30_000)
    pdf_row.click()
    detail = page.locator("#detail")
    detail.get_by_text("Invoice No", exact=False).or_(detail.get_by_text("NW-7781")).first.wait_for()
    assert "NW-7781" in detail.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-invoices.png"), full_page=True)

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="Log in").wait_for()
    page.reload()
    assert page.get_by_role("button", name="Log in").is_visible()  # the session is really gone


def test_bad_input_is_explained(pipeline: Pipeline, page, tmp_path: Path) -> None:
    page.goto(pipeline.url)
    page.get_by_role("tab", name="Sign up").click()
    page.get_by_label("Email").fill(f"web-{uuid.uuid4().hex[:8]}@example.com")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    # The browser's own minlength check or the API's message: either way the user is told.
    assert page.locator("#auth-form input[name=password]").evaluate("el => !el.validity.valid")
    page.get_by_label("Password").fill("password-123")
    page.get_by_role("button", name="Create account").click()
    page.get_by_text("Drop invoices here").wait_for()

    not_a_document = tmp_path / "notes.pdf"
    not_a_document.write_text("these are my notes, not an invoice")
    page.locator("#file").set_input_files(str(not_a_document))
    message = page.locator("#upload-messages li.bad")
    message.wait_for()
    assert "notes.pdf" in message.inner_text()
    assert "not a PDF or a supported image" in message.inner_text()
