"""Net and VAT whose decimal points OCR lost ('1035428 | 238148 | 12735.76'): read as cents they add
up to the total to the cent at a VAT rate, so they are the total's parts; bare numbers that do not
(an order number, a quantity) are not."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.points_lost import parts_with_points_lost


def _page(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestPointsLostNetAndVat:
    def test_the_bare_numbers_are_net_and_vat(self) -> None:
        lines = _page("VAT rate | Net | VAT | Gross", "1035428 | 238148 | 12735.76", "12,735.76 EUR")
        parts = parts_with_points_lost(lines, Found(12735.76, "12,735.76", lines[2], 0.5))
        assert parts is not None and (parts[0].value, parts[1].value) == (10354.28, 2381.48)

    def test_net_and_vat_each_on_its_own_row_of_a_totals_column(self) -> None:
        """A totals block read as a column: label rows between the bare amounts and the total."""
        lines = _page("Sous-total HT", "4217366", "TVA 20 %", "843473", "Montant TTC", "50 608,39")
        parts = parts_with_points_lost(lines, Found(50608.39, "50 608,39", lines[5], 0.5))
        assert parts is not None and (parts[0].value, parts[1].value) == (42173.66, 8434.73)
        assert (parts[0].line.index, parts[1].line.index) == (1, 3)

    def test_rows_too_far_from_the_total_are_not_its_parts(self) -> None:
        lines = _page("4217366", "843473", *(["Merci"] * 4), "50 608,39")
        assert parts_with_points_lost(lines, Found(50608.39, "50 608,39", lines[6], 0.5)) is None

    def test_numbers_that_add_up_at_no_rate_are_not(self) -> None:
        lines = _page("Order 1035428 | Ref 238148", "12,735.76 EUR")
        assert parts_with_points_lost(lines, Found(12735.76, "12,735.76", lines[1], 0.5)) is None
        lines = _page("1100000 | 173576 | 12735.76")
        assert parts_with_points_lost(lines, Found(12735.76, "12,735.76", lines[0], 0.5)) is None
