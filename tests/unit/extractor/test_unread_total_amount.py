"""A total's label whose amount OCR could not read ('סה"כ לתשלום 64' for 7255.14₪), on a page with no
net and no VAT: the line items' sum is the total, said as a guess."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.unread_total import CONFIDENCE, sum_beside_unread_total


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestUnreadTotalAmount:
    def test_the_items_sum_under_a_total_label_read_as_debris(self) -> None:
        lines = _lines(
            "קבלה - מקור", "הובלה 12 25.00 300.00", "תיקון מזגן 1 2544.67 2544.67", 'סה"כ לתשלום 64'
        )
        found = sum_beside_unread_total(2844.67, lines)
        assert found is not None and found.value == 2844.67 and found.confidence == CONFIDENCE

    def test_a_page_with_a_vat_line_takes_none(self) -> None:
        lines = _lines("Freight 300.00", "Repair 2,544.67", "VAT 17% 4", "Total due 64")
        assert sum_beside_unread_total(2844.67, lines) is None

    def test_a_total_read_as_an_amount_is_not_replaced(self) -> None:
        lines = _lines("Freight 300.00", "Repair 2,544.67", "Total due 2,844.76")
        assert sum_beside_unread_total(2844.67, lines) is None

    def test_a_total_label_with_no_digits_takes_none(self) -> None:
        lines = _lines("Freight 300.00", "Repair 2,544.67", "Total due")
        assert sum_beside_unread_total(2844.67, lines) is None
