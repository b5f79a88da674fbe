"""'סה"כ כולל מע"מ' (total including VAT) with both its kafs read as bets ('סה"ב בולל מע"מ', on a
scan and a photo of the same receipt): still the total's label, not the VAT's."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestTotalLabelKafsAsBets:
    def test_the_label_names_the_total(self) -> None:
        assert classify('סה"ב בולל מע"מ') == "total_strong"
        assert classify('סה"כ כולל מע"מ') == "total_strong"

    def test_the_amount_under_it_is_the_total(self) -> None:
        lines = _lines("55751 כבל רשת 25 176.00 440.00", 'סה"ב בולל מע"מ', "53303.47", "תודה ולהתראות!")
        totals = find_totals(lines)
        assert totals.total is not None and totals.total.value == 53303.47
        assert totals.vat_amount is None

    def test_a_vat_label_stays_the_vat(self) -> None:
        assert classify('מע"מ 18%') == "vat"
