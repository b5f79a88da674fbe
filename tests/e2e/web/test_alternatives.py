"""An unsure field on the detail page: marked "check this", its other readings offered, each shown on
the page image; picking one fills the field, and saving it keeps it."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.support.documents import invoice_pdf

from .conftest import JourneyDocuments, WebStack
from .journey import PROCESSING_TIMEOUT_MS, Journey
from .texts import ENGLISH

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_pick_an_alternative_and_save_it(
    web_stack: WebStack, open_page, documents: JourneyDocuments, tmp_path
) -> None:
    # Two totals, neither adding up with the subtotal: the extractor must guess, and says it is unsure.
    # The number by a 'Document' label and another by a weak 'Ref' label: the same for the number.
    today = datetime.date.today().strftime("%d/%m/%Y")
    pdf = tmp_path / "two-totals.pdf"
    pdf.write_bytes(
        invoice_pdf(
            [
                "Harbor Freight Services Ltd",
                "Tax Invoice",
                "Document: HF-2210",
                f"Date: {today}",
                "Ref: HF-2290",
                "Subtotal                      1,000.00",
                "Total                         1,450.00",
                "Amount due                    1,390.00",
            ]
        )
    )
    page = open_page(1280, 860)
    journey = Journey(page, web_stack.url, ENGLISH, documents)
    journey.sign_up()
    journey.nav("upload")
    page.get_by_label(ENGLISH.choose_files).set_input_files(str(pdf))
    row = page.get_by_role("listitem", name=pdf.name)
    expect(row.locator(".status")).to_have_text(
        re.compile("|".join(ENGLISH.final_statuses)), timeout=PROCESSING_TIMEOUT_MS
    )
    assign = page.get_by_role("dialog", name=ENGLISH.assign_title)  # asks: no business matches yet
    expect(assign).to_be_visible(timeout=60_000)
    assign.get_by_role("button", name=ENGLISH.later, exact=True).click()
    row.get_by_role("link", name=ENGLISH.open_invoice).click()
    image = page.get_by_role("img", name=ENGLISH.page_alt)
    expect(image).to_be_visible()
    page.wait_for_function("() => [...document.images].every(img => img.complete && img.naturalWidth > 0)")

    total = journey.field(ENGLISH.field_total)
    expect(page.get_by_text("Total (check this)", exact=True)).to_be_visible()
    chosen = total.input_value()
    assert chosen in ("1450", "1390"), chosen
    offered = page.get_by_role("group", name="Other readings of Total")
    other = "1390" if chosen == "1450" else "1450"
    choice = offered.get_by_role("button", name=re.compile(rf"^{other}\b"))
    expect(choice).to_be_visible()

    # Hovering the alternative draws its place on the page: the line under or over the chosen one.
    page.mouse.move(0, 0)
    total.focus()
    box = page.get_by_test_id("evidence-box")
    expect(box).to_be_visible()
    chosen_box = box.bounding_box()
    choice.hover()
    moved = (
        "(top) => Math.abs("
        "document.querySelector('[data-testid=evidence-box]').getBoundingClientRect().top - top) > 5"
    )
    page.wait_for_function(moved, arg=chosen_box["y"] if chosen_box else 0)
    other_box, inside = box.bounding_box(), image.bounding_box()
    assert other_box and inside and chosen_box
    assert inside["y"] <= other_box["y"] <= inside["y"] + inside["height"]
    assert (other_box["y"] > chosen_box["y"]) == (other == "1390")  # 'Amount due' is printed lower

    # A field read by a cascade of labels offers the numbers the weaker labels point at, labelled.
    numbers = page.get_by_role("group", name="Other readings of Invoice number")
    expect(numbers.get_by_role("button", name="HF-2290 (Ref:)")).to_be_visible()
    expect(journey.field("Invoice number")).to_have_value("HF-2210")

    choice.focus()  # the keyboard shows it too; the screenshot keeps the focus, not the pointer
    page.mouse.move(0, 0)
    journey.screenshot_prefix = "en"  # only this screen: the journey test shoots the others
    journey.shoot("alternatives")
    journey.screenshot_prefix = None
    choice.click()
    expect(total).to_have_value(other)
    page.get_by_role("button", name="Save changes").click()
    # The user's value is sure now: no mark, no alternatives; and it is what the server keeps.
    expect(page.get_by_text("Total (check this)", exact=True)).to_have_count(0)
    expect(offered).to_have_count(0)
    page.reload()
    expect(journey.field(ENGLISH.field_total)).to_have_value(other)
