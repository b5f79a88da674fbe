"""A date OCR split at a gap in its print between the label's cell and the next ('Date: 30' |
'September 2025'): read across the two cells, not taken from a payment row's date under it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words


class TestDateSplitAcrossCells:
    def test_the_day_in_the_label_s_cell_the_month_in_the_next(self) -> None:
        rows = [
            [("Orion Partners LLC Sales Receipt", 155)],
            [("Date: 30", 1212), ("September 2025", 1400)],
            [("Received from: Granite Supplies LLC", 156)],
            [("Method", 162), ("Bank", 379), ("Cheque No.", 767), ("Date", 917), ("Amount", 1190)],
            [("Cash", 162), ("30 October 2025", 921), ("7557.18", 1191)],
            [("Bank transfer", 166), ("30 October 2025", 921), ("7557.18", 1191)],
            [("Total 15114.36", 156)],
        ]
        words = [
            word
            for line, row in enumerate(rows)
            for text, left in row
            for word in ocr_words(text, left, 100 + 60 * line, line)
        ]
        assert extract_with_rules([ocr_page(words)]).invoice_date == "2025-09-30"
