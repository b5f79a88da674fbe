"""A net read alone whose VAT is printed beside it on its own row ('Total before tax' over
'55,155.57 11,031.11', the VAT's and total's labels lost): the amount beside it that is its VAT to
the cent is the VAT, the total their sum."""

from __future__ import annotations

from invoiceme_extractor.rules.exact_rates import vat_by_exact_net
from invoiceme_extractor.rules.lines import Found, Line


class TestVatBesideItsNet:
    def test_the_vat_on_the_net_row(self) -> None:
        lines = [Line("Total before tax", 1, 0), Line("55,155.57 11,031.11", 1, 1)]
        found = vat_by_exact_net(lines, Found(55155.57, "55,155.57", lines[1], 0.9))
        assert found is not None
        total, vat = found
        assert (total.value, vat.value) == (66186.68, 11031.11)

    def test_the_net_itself_or_an_amount_at_no_rate_is_no_vat(self) -> None:
        lines = [Line("Total before tax", 1, 0), Line("55,155.57 11,000.00", 1, 1)]
        assert vat_by_exact_net(lines, Found(55155.57, "55,155.57", lines[1], 0.9)) is None
