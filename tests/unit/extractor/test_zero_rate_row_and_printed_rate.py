"""A VAT block of a charged rate and a 0 % row ('מע"מ 18% 609.66 / מע"מ 0% 0.00'): the VAT is the
charged one; and a rate printed beside a VAT read alone is the only rate its net may be found at
(609.66 is 27 % of an item's 2,258.01, but the page says 18 %)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.exact_rates import total_by_exact_rate
from invoiceme_extractor.rules.lines import Found, document_lines

_INVOICE = """תמר מזון
חשבונית מס 9260028
תאריך מסמך: 7 בנובמבר 2025
56934 הדרכת צוות 33 2,258.01 387.02
57065 התקנת ציוד 10 190.04 1,900.40
סכום לפני מע"מ - 5,28742
מע"מ 18% 609.66
מע"מ 0% 0.00
סה"כ לתשלום 8
"""


class TestZeroRateRowAndPrintedRate:
    def test_the_charged_vat_beats_the_zero_rate_row(self) -> None:
        assert extract_with_rules([(1, _INVOICE)]).vat_amount == 609.66

    def test_no_net_at_a_rate_the_page_does_not_print(self) -> None:
        lines = document_lines([(1, _INVOICE)])
        vat_line = next(line for line in lines if "18%" in line.text)
        assert total_by_exact_rate(lines, Found(609.66, "609.66", vat_line, 0.8)) is None

    def test_a_net_at_the_printed_rate_is_found(self) -> None:
        lines = document_lines([(1, "Item 1 228.12\nVAT 18% 41.06\n")])
        total, net = total_by_exact_rate(lines, Found(41.06, "41.06", lines[1], 0.8)) or (None, None)
        assert net is not None and total is not None and (net.value, total.value) == (228.12, 269.18)
