"""Net and total both read with their currency sign as a leading 1 add up still; the signs are
dropped from both, unless the VAT as read is already a quarter-percent step of the net to the cent: a
local rate no list holds (6.25 % of 159.16 = 9.95) is no reason to drop a real leading 1."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_agreement import both_signs_misread
from invoiceme_extractor.rules.lines import Line


def _at(text: str, index: int) -> Line:
    return Line(text, 1, index)


class TestBothSignsMisreadExact:
    def test_both_signs_dropped_at_a_rate_to_the_cent(self) -> None:
        triple = (
            (110000.0, "110,000.00", _at("Subtotal 110,000.00", 0)),
            (1700.0, "1,700.00", _at("VAT 17% 1,700.00", 1)),
            (111700.0, "111,700.00", _at("Total 111,700.00", 2)),
        )
        repaired = both_signs_misread(triple)
        assert repaired is not None
        net, _, total = repaired
        assert net is not None and net[0] == 10000.0
        assert total is not None and total[0] == 11700.0

    def test_a_local_rate_keeps_the_leading_one(self) -> None:
        triple = (
            (159.16, "159.16", _at("Subtotal 159.16", 0)),
            (9.95, "9.95", _at("VAT 9.95", 1)),
            (169.11, "169.11", _at("Amount Due 169.11", 2)),
        )
        assert both_signs_misread(triple) is None  # 9.95 is 6.25 % of 159.16 to the cent
