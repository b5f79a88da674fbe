"""The items' sum and a VAT read add up, to the cent, to the total read while the net read does not:
three readings agree whatever the rate (a US sales tax of 8.75 %), so the items' sum is the net."""

from __future__ import annotations

from invoiceme_extractor.rules.items_vat_total import net_by_items_and_vat
from invoiceme_extractor.rules.lines import Found, Line

_ITEMS = [21.30, 13128.72, 2456.85]  # 15,606.87


def _found(net: float) -> dict[str, Found | None]:
    line = Line("(16,972.47) USD", 1, 20)
    return {
        "subtotal": Found(net, f"{net:,.2f}", Line("Subtotal", 1, 16), 0.65),
        "vat_amount": Found(1365.60, "1,365.60", Line("(1,365.60)", 1, 18), 0.65),
        "total": Found(16972.47, "16,972.47", line, 0.65),
    }


class TestItemsAndVatMakeTheTotal:
    def test_the_items_sum_is_the_net(self) -> None:
        found = _found(18606.87)  # '(18, 606.87)': a 5 read as 8
        vat_line = Line("(1,365.60)", 1, 18)
        net_by_items_and_vat(found, list(_ITEMS), [(1365.60, "1,365.60", vat_line)])
        assert found["subtotal"] is not None and found["subtotal"].value == 15606.87
        assert found["vat_rate"] is not None and found["vat_rate"].value == 0.0875
        assert found["subtotal"].confidence < 0.9

    def test_amounts_that_add_up_are_kept(self) -> None:
        found = _found(15606.87)
        before = found["subtotal"]
        net_by_items_and_vat(found, [21.30, 13128.72, 2000.00], [(1365.60, "1,365.60", Line("x", 1, 18))])
        assert found["subtotal"] is before

    def test_no_vat_that_makes_the_sum_changes_nothing(self) -> None:
        found = _found(18606.87)
        net_by_items_and_vat(found, list(_ITEMS), [(1300.00, "1,300.00", Line("x", 1, 18))])
        assert found["subtotal"] is not None and found["subtotal"].value == 18606.87
