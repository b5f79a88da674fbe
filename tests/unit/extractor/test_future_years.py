"""An issue date OCR read years ahead of today ('2048' for 2018): one look-alike digit of the year to
the latest date not after today, as an unsure guess; a text layer's date and a near date stay."""

from __future__ import annotations

import asyncio
from datetime import date

from invoiceme_common.events import OcrPage
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.future_years import GUESSED, mend_future_year, past_year_by_one_lookalike
from invoiceme_extractor.pipeline import extract_invoice

TODAY = date(2026, 12, 5)


def test_a_look_alike_digit_of_the_year_brings_it_back() -> None:
    assert past_year_by_one_lookalike(date(2048, 3, 29), TODAY) == date(2018, 3, 29)
    assert past_year_by_one_lookalike(date(2078, 5, 2), TODAY) == date(2018, 5, 2)
    assert past_year_by_one_lookalike(date(2222, 1, 1), TODAY) is None  # no look-alike reaches the past


def test_a_year_the_page_prints_elsewhere_is_taken_over_a_later_one() -> None:
    assert past_year_by_one_lookalike(date(2028, 3, 25), TODAY) == date(2026, 3, 25)
    assert past_year_by_one_lookalike(date(2028, 3, 25), TODAY, {2025, 2028}) == date(2025, 3, 25)
    # a printed year no look-alike reaches changes nothing
    assert past_year_by_one_lookalike(date(2028, 3, 25), TODAY, {2024}) == date(2026, 3, 25)


def test_the_pipeline_takes_the_year_of_the_pages_other_dates() -> None:
    text = "Receipt 2025-4122\nDate: 25/03/2028\nPaid 24/04/2025 4749.12\nTotal 4749.12"
    page = OcrPage(number=1, text=text, method="ocr", confidence=0.8, width=1, height=1)
    extraction = asyncio.run(extract_invoice([page], today=TODAY))
    assert extraction.invoice_date == "2025-03-25"


def _extracted(issued: str, method: str) -> tuple[Extraction, list[OcrPage]]:
    extraction = Extraction(invoice_date=issued, confidence={"invoice_date": 0.9})
    return extraction, [OcrPage(number=1, text="", method=method, confidence=0.8, width=1, height=1)]


def test_an_ocr_read_date_years_ahead_is_mended_unsure() -> None:
    extraction, pages = _extracted("2048-03-29", "ocr")
    mend_future_year(extraction, pages, TODAY)
    assert extraction.invoice_date == "2018-03-29"
    assert extraction.confidence["invoice_date"] == GUESSED


def test_a_text_layers_date_and_a_near_one_stay() -> None:
    for issued, method in (("2048-03-29", "text_layer"), ("2027-06-01", "ocr")):
        extraction, pages = _extracted(issued, method)
        mend_future_year(extraction, pages, TODAY)
        assert extraction.invoice_date == issued


def test_the_pipeline_mends_a_slips_year() -> None:
    text = "KEDAI MAJU\n29/03/2048 12:15\nTOTAL 9.90"
    page = OcrPage(number=1, text=text, method="ocr", confidence=0.8, width=1, height=1)
    extraction = asyncio.run(extract_invoice([page], today=TODAY))
    assert extraction.invoice_date == "2018-03-29"


def test_a_year_both_reads_misread_alike_stays_a_guess() -> None:
    """The two reads' agreement was on the year as misread: it does not make the mended year sure."""
    text = "KEDAI MAJU\n29/03/2048 12:15\nTOTAL 9.90"
    read = OcrPage(number=1, text=text, method="ocr", confidence=0.8, width=1, height=1)
    page = read.model_copy(update={"second_read": read})
    extraction = asyncio.run(extract_invoice([page], today=TODAY))
    assert extraction.invoice_date == "2018-03-29"
    assert extraction.confidence["invoice_date"] <= GUESSED
