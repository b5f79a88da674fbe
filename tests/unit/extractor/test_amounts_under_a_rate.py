"""A scan that lost the totals' labels and the VAT amount but kept the VAT line's rate: the two
amounts under 'VAT 18%' whose difference is the rate's share of the smaller are the net and the
total (said as a guess)."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_pair import CONFIDENCE, amounts_by_printed_rate, net_and_gross


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestNetAndGross:
    def test_the_pair_the_rate_joins(self) -> None:
        assert net_and_gross([49.5, 58.41], 0.18) == (49.5, 58.41)

    def test_amounts_the_rate_does_not_join(self) -> None:
        assert net_and_gross([49.5, 58.0], 0.18) is None


class TestAmountsByPrintedRate:
    def test_net_vat_and_total_from_the_rows_under_the_rate(self) -> None:
        found: dict[str, Found | None] = {}
        amounts_by_printed_rate(found, _lines("TAX INVOICE", "VAT 18%", "49.50 ILS      58.41 ILS", "Thanks"))
        values = {name: item.value for name, item in found.items() if item is not None}
        assert values == {"subtotal": 49.5, "vat_amount": 8.91, "total": 58.41, "vat_rate": 0.18}
        assert all(item is not None and item.confidence == CONFIDENCE for item in found.values())

    def test_a_total_already_read_is_kept(self) -> None:
        lines = _lines("VAT 18%", "49.50 ILS      58.41 ILS", "Total 60.00")
        found: dict[str, Found | None] = {"total": Found(60.0, "60.00", lines[2], 0.9)}
        amounts_by_printed_rate(found, lines)
        assert found["total"] is not None and found["total"].value == 60.0
        assert "subtotal" not in found

    def test_a_vat_line_with_its_amount_is_no_rate_alone(self) -> None:
        found: dict[str, Found | None] = {}
        amounts_by_printed_rate(found, _lines("VAT 18% 8.91", "49.50 ILS      58.41 ILS"))
        assert found == {}
