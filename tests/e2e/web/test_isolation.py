"""Two people on one browser: after A logs out, B sees none of A's businesses, invoices, uploads or
figures, and A's invoice address answers "not found" to B."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_user_b_sees_none_of_user_a(web_stack: WebStack, open_page, documents: JourneyDocuments) -> None:
    # 404: B asks for A's invoice; 409: A uploads the same file twice. Both on purpose.
    page = open_page(1280, 860, expected_console=r"status of (404|409)")
    journey = Journey(page, web_stack.url, ENGLISH, documents)
    journey.sign_up()
    page.get_by_role("button", name="Add business").click()
    dialog = page.get_by_role("dialog", name="Add business")
    dialog.get_by_label("Name").fill("Secret Vendor A")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Secret Vendor A")).to_be_visible()
    journey.nav("upload")
    page.get_by_label("Choose files").set_input_files(str(documents.pdf))
    row = page.get_by_role("listitem", name=documents.pdf.name)
    expect(row.locator(".status")).to_have_text(re.compile("extracted|needs review"), timeout=60_000)
    page.get_by_role("dialog", name=ENGLISH.assign_title).get_by_role("button", name=ENGLISH.later).click()
    page.get_by_label("Choose files").set_input_files(str(documents.pdf))  # the same file again
    again = page.get_by_role("listitem", name=documents.pdf.name).nth(1)
    expect(again.locator(".status")).to_have_text("already uploaded")
    expect(again.get_by_role("link", name="Open the existing invoice")).to_have_attribute(
        "href", re.compile("^/invoices/[0-9a-f-]{36}$")
    )
    row = page.get_by_role("listitem", name=documents.pdf.name).first
    row.get_by_role("link", name="Open").click()
    expect(page.get_by_role("heading", name="Northwind Supplies Ltd")).to_be_visible()
    invoice_url = page.url
    page.get_by_role("button", name="Log out").click()

    journey.sign_up()  # B, on the same browser
    expect(page.get_by_text("No businesses yet")).to_be_visible()
    expect(page.get_by_text("Secret Vendor A")).to_have_count(0)
    journey.nav("upload")
    expect(page.get_by_role("listitem", name=documents.pdf.name)).to_have_count(0)
    journey.nav("invoices")
    expect(page.get_by_text(ENGLISH.no_invoices)).to_be_visible()
    expect(page.get_by_text("Northwind")).to_have_count(0)
    journey.nav("analytics")
    expect(page.get_by_text("No data yet")).to_be_visible()
    page.goto(invoice_url)
    expect(page.get_by_role("alert")).to_contain_text("no such invoice", timeout=15_000)
    expect(page.get_by_text("Northwind")).to_have_count(0)
