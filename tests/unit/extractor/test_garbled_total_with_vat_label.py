"""'סה"כ כולל מע"מ' (total including VAT) with its 'including' garbled reads as a VAT's label ('סה"כ
7719 מע"מ'): its amount is still the total when the printed VAT is exactly its rate's share of it."""

from __future__ import annotations

from invoiceme_extractor.rules.exact_rates import exact_pair
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestGarbledTotalWithVatLabel:
    def test_the_amount_under_a_garbled_total_label_pairs_with_the_vat(self) -> None:
        # the net's ₪ read as a 1 (131,241.50 for 31,241.50), the larger amount a weak total
        lines = _lines(
            "סכום ביניים", "131,241.50", "מס ערך מוסף 18%", "5,623.47", 'סה"כ 7719 מע"מ', "36,864.97"
        )
        net, vat, total = (
            (131241.5, "131,241.50", lines[1]),
            (5623.47, "5,623.47", lines[3]),
            (36864.97, "36,864.97", lines[5]),
        )
        found = {"subtotal": [net], "vat": [vat, total], "total_plain": [net, vat]}
        pair = exact_pair(found, lines)
        assert pair is not None
        (_, paired_vat, paired_total), _ = pair
        assert paired_vat == vat and paired_total == total

    def test_a_total_vat_label_over_the_vat_stays_the_vat(self) -> None:
        lines = _lines("סכום ביניים", "1,000.00", 'סה"כ מע"מ 18%', "180.00", 'סה"כ לתשלום', "1,180.00")
        totals = find_totals(lines)
        assert totals.vat_amount is not None and totals.vat_amount.value == 180.0
        assert totals.total is not None and totals.total.value == 1180.0
