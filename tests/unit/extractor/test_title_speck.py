"""A speck OCR read as a digit inside the title's cell ('קבלה 7 מקור'): no document is numbered with
one digit, so the number is looked for where the rules look next (here, beside the date)."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unlabelled_invoice_number import numbers_after_title

from .wordbox import ocr_page, ocr_word


def _receipt(title: list[str]) -> list[OcrWord]:
    x, words = 1228, []
    for part in title:  # the title's cell, right to left, in large print
        x -= 24 * len(part)
        words.append(ocr_word(part, x, 80, 0, width=24 * len(part), height=50))
        x -= 24
    return [
        *words,
        ocr_word("Granite", 87, 103, 0),
        ocr_word("Trading", 183, 103, 0),
        ocr_word("2025-4508", 1115, 187, 1),
        ocr_word("אסמכתא:", 755, 191, 1),
        ocr_word("דש", 92, 195, 1, confidence=0.33),
        ocr_word("04.06.25", 1134, 228, 2),
        ocr_word("חשבונית:", 755, 231, 2),
        ocr_word("תאריך", 860, 231, 2),
        ocr_word('סה"כ', 755, 400, 3),
        ocr_word("9,342.75", 87, 400, 3),
    ]


class TestTitleSpeck:
    def test_a_lone_digit_in_the_title_is_no_number(self) -> None:
        extraction = extract_with_rules([ocr_page(_receipt(["קבלה", "7", "מקור"]), width=1300)])
        assert extraction.invoice_number == "2025-4508"

    def test_a_number_in_the_title_still_is(self) -> None:
        # (the document's number is the one its label names, 'אסמכתא:' after '2025-4508'; the title's
        # is still read, where no label names one)
        lines = document_lines([ocr_page(_receipt(["קבלה", "4711", "מקור"]), width=1300)])
        assert next(reading.value for reading in numbers_after_title(lines)) == "4711"
