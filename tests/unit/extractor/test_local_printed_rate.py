"""A local tax rate no national list holds, printed beside its tax ('GST 8.75% 23.88'): net and tax
that agree through it agree, and a cash-rounded total under them does not rebuild the net."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import agrees

_SLIP = """NORTH & GRANITE GROUP
180 Market Street
RECEIPT
Document No.: 2026-7716
Development hours
1 x 16.38 16.38
AC repair
3 x 56.71 170.13
Software license
1 x 110.31 110.31
Sub-Total 272.94
GST 8.75% 23.88
Rounding Adj. (0.02)
Grand Total 296.80 USD
TENDERED 300.00
CHANGE 3.20
GST Summary Amount Tax
8.75% 272.94 23.88
"""


class TestLocalPrintedRate:
    def test_net_and_tax_at_the_printed_rate_agree(self) -> None:
        net_line, vat_line = Line("Sub-Total 272.94", 1, 0), Line("GST 8.75% 23.88", 1, 1)
        result = {
            "subtotal": Found(272.94, "272.94", net_line, 0.9),
            "vat_amount": Found(23.88, "23.88", vat_line, 0.9),
            "total": Found(296.80, "296.80", Line("Grand Total 296.80", 1, 3), 0.9),
        }
        assert agrees(result)
        assert not agrees({**result, "vat_amount": Found(23.88, "23.88", Line("GST 23.88", 1, 1), 0.9)})

    def test_the_printed_net_stays_beside_a_cash_rounded_total(self) -> None:
        result = extract_with_rules([(1, _SLIP)])
        assert (result.subtotal, result.vat_amount, result.total) == (272.94, 23.88, 296.80)
