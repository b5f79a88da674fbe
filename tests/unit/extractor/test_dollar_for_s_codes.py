"""A lone code whose S OCR read as a dollar sign ('$319739' for S319739) under a number label OCR
garbled: read back as the code; a 9-digit id whose 5 OCR read so ('$3445751-0') is no code."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_word, ocr_words


def _header(code: str) -> list[OcrWord]:
    return [
        *ocr_words("Martin Transports SARL", 95, 83, 0, height=24),
        *ocr_words("FACTURE", 856, 82, 0, height=22),
        *ocr_words("11 boulevard Voltaire, 44616 Bordeaux", 96, 150, 1),
        *ocr_words("Date", 625, 146, 1),
        *ocr_words("4/11/2025", 625, 170, 2),
        ocr_word("peusirecice", 626, 210, 3, confidence=0.0),
        *ocr_words(code, 626, 235, 4),
        *ocr_words("Total TTC 1 234,50 €", 96, 900, 5),
    ]


class TestDollarForS:
    def test_the_code_read_back(self) -> None:
        assert extract_with_rules([ocr_page(_header("$319739"))]).invoice_number == "S319739"

    def test_an_id_shaped_reading_is_no_code(self) -> None:
        assert extract_with_rules([ocr_page(_header("$3445751-0"))]).invoice_number != "S3445751-0"
