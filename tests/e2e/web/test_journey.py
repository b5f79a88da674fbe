"""The whole journey in a real browser: sign up, upload three kinds of document and watch them live,
assign businesses through the dialog, review one beside its original, see analytics follow, export,
log out — in English, in Hebrew (right to left) and at phone width."""

from __future__ import annotations

import pytest

from .conftest import JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH, HEBREW, Texts

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
EXTRACTED_TOTALS = 1534 + 1180 + 472  # the three documents, all in shekels, all dated today
CORRECTED_TOTAL = 1652


def _whole_journey(journey: Journey) -> None:
    journey.sign_up()
    stages = journey.upload_and_watch()
    final = set(journey.texts.final_statuses)
    for name, seen in stages.items():
        assert seen[-1] in final, (name, seen)
    # The scan and the photo go through OCR: their rows showed it live before they were done.
    reading = "reading" if journey.texts.lang == "en" else "בקריאה"
    assert reading in stages[journey.documents.scan.name], stages
    assert reading in stages[journey.documents.photo.name], stages
    journey.assign_businesses()
    journey.wait_for_analytics(EXTRACTED_TOTALS)
    journey.review_pdf()
    journey.wait_for_analytics(EXTRACTED_TOTALS - 1534 + CORRECTED_TOTAL)
    rows = journey.export_csv()
    assert len(rows) == 3
    by_number = {row["invoice_number"]: row for row in rows}
    assert float(by_number["NW-7781"]["total"]) == CORRECTED_TOTAL
    assert by_number["NW-7781"]["business"] == "Northwind Supplies Ltd"
    assert float(by_number["4410"]["total"]) == 472
    assert by_number["4410"]["business"] == "Northwind Supplies Ltd"
    assert float(by_number["5521"]["total"]) == 1180
    assert by_number["5521"]["business"] == ""
    journey.visit_business()
    journey.other_screens()
    journey.log_out()


@pytest.mark.parametrize("texts", [ENGLISH, HEBREW], ids=["english", "hebrew"])
def test_journey_on_desktop(
    web_stack: WebStack, open_page, documents: JourneyDocuments, texts: Texts
) -> None:
    page = open_page(1280, 860)
    journey = Journey(page, web_stack.url, texts, documents, screenshot_prefix=texts.lang)
    if texts.lang == "he":
        page.goto(web_stack.url)
        page.get_by_role("button", name="עברית").click()
        _assert_mirrored(journey)
    _whole_journey(journey)


def _assert_mirrored(journey: Journey) -> None:
    """Right to left: <html lang=he dir=rtl>, the brand at the right edge, labels start at the right."""
    page = journey.page
    journey.assert_language()
    brand = page.get_by_text("InvoiceMe", exact=True).first.bounding_box()
    assert brand and brand["x"] > 1280 / 2, brand
    edges = page.evaluate(
        """() => {
          const label = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === 'אימייל');
          const range = document.createRange();
          range.selectNodeContents(label.firstChild);
          const text = range.getBoundingClientRect();
          const field = label.querySelector('input').getBoundingClientRect();
          return {textLeft: text.left, textRight: text.right, fieldLeft: field.left, fieldRight: field.right};
        }"""
    )
    assert abs(edges["textRight"] - edges["fieldRight"]) < 4, edges
    assert edges["textLeft"] > edges["fieldLeft"] + 20, edges


def test_journey_at_phone_width(web_stack: WebStack, open_page, documents: JourneyDocuments) -> None:
    page = open_page(390, 844)
    journey = Journey(page, web_stack.url, ENGLISH, documents, phone_width=390)
    _whole_journey(journey)
