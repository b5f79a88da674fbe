"""A till slip's total rounded for cash (161.68 -> 161.70): its net is found in the VAT breakdown row
whose printed rate makes the rest of the amount before rounding the net's VAT to the cent."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rounded_parts import fill_parts_before_rounding


def _page(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestPartsBeforeCashRounding:
    def test_the_breakdown_row_gives_net_and_vat(self) -> None:
        lines = _page(
            'סה"כ כולל מע"מ 161.68', "עיגול 0.02", 'סה"כ לתשלום NIS 161.70', "23249 | 138.19 | A @ 17%"
        )
        result: dict[str, Found | None] = {"total": Found(161.70, "161.70", lines[2], 0.9), "subtotal": None}
        fill_parts_before_rounding(result, {"total_strong": [(161.68, "161.68", lines[0])]}, lines)
        assert result["subtotal"] is not None and result["subtotal"].value == 138.19
        assert result["vat_amount"] is not None and result["vat_amount"].value == 23.49

    def test_a_row_printing_another_rate_gives_nothing(self) -> None:
        lines = _page('סה"כ כולל מע"מ 161.68', 'סה"כ לתשלום NIS 161.70', "23249 | 138.19 | A @ 18%")
        result: dict[str, Found | None] = {"total": Found(161.70, "161.70", lines[1], 0.9), "subtotal": None}
        fill_parts_before_rounding(result, {"total_strong": [(161.68, "161.68", lines[0])]}, lines)
        assert result["subtotal"] is None
