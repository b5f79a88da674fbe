"""An amount read as a VAT under a label that names a total ('סה"כ 7719 מע"מ', 'סה"כ כולל מע"מ'
garbled), with its VAT to the cent printed unlabelled on the row above: it is the total, the row
above the VAT and the net the rest."""

from __future__ import annotations

from invoiceme_extractor.rules.exact_rates import lone_vat
from invoiceme_extractor.rules.lines import Found, Line


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestLoneVatNamedTotal:
    def test_the_total_under_a_garbled_total_label(self) -> None:
        lines = _lines("קפה ועוגה 1 1948.00 1948.00", "2346.39", 'סה"כ 7719 מע"מ', "16148.67")
        subtotal, vat, total = lone_vat(lines, Found(16148.67, "16148.67", lines[3], 0.8))
        assert total is not None and total.value == 16148.67
        assert vat is not None and vat.value == 2346.39
        assert subtotal is not None and subtotal.value == 13802.28

    def test_a_vat_label_alone_keeps_the_vat(self) -> None:
        lines = _lines("2346.39", 'מע"מ 17%', "16148.67")
        _, vat, total = lone_vat(lines, Found(16148.67, "16148.67", lines[2], 0.8))
        assert vat is not None and vat.value == 16148.67
        assert total is None or total.value != 16148.67
