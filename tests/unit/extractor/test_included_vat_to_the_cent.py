"""Prices with VAT: the net printed is the gross less its VAT, so the VAT is the rate's share of the
gross to the cent rather than the rate times the net (4,707.67 + 941.54 = 5,649.21; 20 % of the net
is 941.534, the share of the gross 941.535). A total a photo misread ('$5,640.21' for £5,649.21) is
then repaired to the parts' sum instead of the net being bent to fit it."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_agreement import vat_to_the_cent
from invoiceme_extractor.rules.exact_rates import included_exact_rate
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestIncludedVatToTheCent:
    def test_the_share_of_the_gross_is_exact(self) -> None:
        assert included_exact_rate(941.54, 4707.67) == 0.2
        assert included_exact_rate(941.60, 4707.67) is None

    def test_the_vat_agrees_to_the_cent(self) -> None:
        line = Line("VAT 941.54", 1, 0)
        assert vat_to_the_cent((941.54, "941.54", line), 4707.67)

    def test_a_misread_total_is_repaired_to_the_sum(self) -> None:
        lines = _lines("Amount excl. VAT 4,707.67", "VAT 941.54", "Total incl. VAT $5,640.21")
        totals = find_totals(lines)
        assert totals.subtotal is not None and totals.subtotal.value == 4707.67
        assert totals.total is not None and totals.total.value == 5649.21
        assert totals.total.confidence < 0.9
