"""The line items' sum and a VAT included at one of the rates above 21 % (Ireland's 23 %) agree to
the cent: the items are the total and the net follows, as at the standard rates."""

from __future__ import annotations

from invoiceme_extractor.rules.items_totals import amounts_from_items
from invoiceme_extractor.rules.lines import Found, Line


class TestItemsAtHighRates:
    def test_a_vat_included_at_23_percent(self) -> None:
        vat_line = Line("VAT included 3,525.64", 1, 13)
        found: dict[str, Found | None] = {"vat_amount": Found(3525.64, "3,525.64", vat_line, 0.6)}
        amounts_from_items(found, [18803.43, 51.08], [(3525.64, "3,525.64", vat_line)])
        total, net, rate = found["total"], found["subtotal"], found["vat_rate"]
        assert total is not None and total.value == 18854.51
        assert net is not None and net.value == 15328.87
        assert rate is not None and rate.value == 0.23

    def test_no_rate_to_the_cent_gives_nothing(self) -> None:
        vat_line = Line("VAT included 3,500.00", 1, 13)
        found: dict[str, Found | None] = {}
        amounts_from_items(found, [18803.43, 51.08], [(3500.0, "3,500.00", vat_line)])
        assert found.get("total") is None
