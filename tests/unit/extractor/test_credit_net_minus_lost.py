"""A credit note's net read without its trailing minus beside its negative VAT ('סה"כ ללא מע"מ
4,888.62' over 'מע"מ 17% 831.07-'), its total's label garbled ('ILS 5,719.69- ETE'): the parts share
the VAT's sign, so they add up to the amount under them, which beats the items' gross above them."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals
from invoiceme_extractor.rules.unlabelled_total import unlabelled_total_triple


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestCreditNetMinusLost:
    def test_the_net_takes_the_vats_minus(self) -> None:
        lines = _lines('סה"כ ללא מע"מ 4,888.62', 'מע"מ 17% 831.07-', "ILS 5,719.69- ETE")
        found = {
            "subtotal": [(4888.62, "4,888.62", lines[0])],
            "vat": [(-831.07, "831.07-", lines[1])],
        }
        triple = unlabelled_total_triple(found, lines)
        assert triple is not None
        assert [part[0] for part in triple] == [-4888.62, -831.07, -5719.69]

    def test_the_total_beats_the_gross(self) -> None:
        lines = _lines(
            'סה"כ ברוטו 5,145.92-',
            "הנחה 257.30",
            'סה"כ ללא מע"מ 4,888.62',
            'מע"מ 17% 831.07-',
            "ILS 5,719.69- ETE",
        )
        totals = find_totals(lines)
        assert totals.total is not None and totals.total.value == -5719.69

    def test_a_positive_vat_leaves_the_net_as_read(self) -> None:
        lines = _lines('סה"כ ללא מע"מ 4,888.62', 'מע"מ 17% 831.07', "ILS 4,057.55")
        found = {"subtotal": [(4888.62, "4,888.62", lines[0])], "vat": [(831.07, "831.07", lines[1])]}
        assert unlabelled_total_triple(found, lines) is None
