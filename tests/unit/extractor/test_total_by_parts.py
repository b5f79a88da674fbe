"""A till slip's total misread by OCR, repaired from the net, tax and rounding printed above it; and
the total paid after cash rounding, not the exact one above the rounding line."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates, classify
from invoiceme_extractor.rules.cash_rounding import rounded_total
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.total_by_parts import digit_variants, total_by_parts


def _lines(text: str) -> list[Line]:
    return [Line(row, 1, index) for index, row in enumerate(text.splitlines())]


def _repair(text: str, total_row: int, value: float, raw: str, confidence: float = 0.8) -> float | None:
    lines = _lines(text)
    total = Found(value, raw, lines[total_row], confidence)
    repaired = total_by_parts(candidates(lines), total, lines)
    return None if repaired is None else repaired[0].value


class TestDigitVariants:
    """Readings of an amount's digits OCR may have changed."""

    def test_a_third_decimal_is_a_stray_digit(self) -> None:
        assert 28.90 in digit_variants(28.97, "28.970")

    def test_two_decimals_drop_nothing(self) -> None:
        assert 28.9 not in digit_variants(28.97, "28.97")  # 7 is read as 1, not dropped

    def test_a_confused_digit_is_replaced(self) -> None:
        assert 100.90 in digit_variants(400.90, "400.90")


class TestTotalByParts:
    """The net, its tax and the rounding are a second reading of the total."""

    def test_net_at_a_standard_rate_plus_rounding_undoes_a_confused_digit(self) -> None:
        slip = "Total Sales (Excluding GST) 95.17\nRounding : 0.02\nTotal Sales (Inclusive of GST) : 400.90"
        assert _repair(slip, 2, 400.90, "400.90") == 100.90

    def test_net_plus_printed_tax_and_rounding_undoes_a_stray_digit(self) -> None:
        slip = "SUB-TOTAL 27.27\nGST 1.64\nROUNDING 0.01\nTOTAL 28.970"
        assert _repair(slip, 3, 28.97, "28.970") == 28.90

    def test_a_total_that_agrees_with_its_parts_stays(self) -> None:
        slip = "SUB-TOTAL 27.27\nGST 1.64\nROUNDING 0.01\nTOTAL 28.90"
        assert _repair(slip, 3, 28.90, "28.90") is None

    def test_a_total_confirmed_by_the_payment_stays(self) -> None:
        slip = "Total Sales (Excluding GST) 95.17\nRounding : 0.02\nTotal Sales (Inclusive of GST) : 400.90"
        assert _repair(slip, 2, 400.90, "400.90", confidence=0.9) is None

    def test_no_parts_no_repair(self) -> None:
        assert _repair("TOTAL 400.90\nCASH 500.00", 0, 400.90, "400.90") is None

    def test_two_readings_that_fit_decide_nothing(self) -> None:
        # 10.00 over a net of 10.00 and no tax printed: 10.60 (6 %), 10.80 (8 %), 10.90 (9 %) all fit
        assert _repair("Subtotal 10.00\nTOTAL 10.00 RM", 1, 10.00, "10.00") is None

    def test_a_printed_tax_is_the_only_tax_tried(self) -> None:
        # 10.60 (6 %) is one digit from 16.60, but the slip prints a tax of 0.50
        assert _repair("SUBTOTAL 10.00\nGST 0.50\nTOTAL 16.60", 2, 16.60, "16.60") is None
        assert _repair("SUBTOTAL 10.00\nGST 0.60\nTOTAL 16.60", 2, 16.60, "16.60") == 10.60


class TestTotalUnderARoundingLine:
    """The exact total above a rounding line is not what is paid: the total under it is."""

    def _rounded(self, text: str, chosen_row: int) -> float | None:
        lines = _lines(text)
        found = candidates(lines)
        exact = next(
            c for c in found["total_strong"] + found.get("total_plain", []) if c[2].index == chosen_row
        )
        result = rounded_total(found, Found(exact[0], exact[1], exact[2], 0.97), lines)
        return None if result is None else result.value

    def test_the_total_under_the_rounding_is_paid(self) -> None:
        slip = "TOTAL INCL GST 269.45\nRounding Adj. (0.05)\nTOTAL 269.40\nCARD ****9173 269.40"
        assert self._rounded(slip, 0) == 269.40

    def test_a_total_that_differs_by_other_than_the_rounding_is_not(self) -> None:
        slip = "TOTAL INCL GST 269.45\nRounding Adj. (0.05)\nTOTAL 269.35"
        assert self._rounded(slip, 0) == 269.45

    def test_a_total_above_the_rounding_line_is_not(self) -> None:
        slip = "Total 269.40\nTOTAL INCL GST 269.45\nRounding Adj. (0.05)"
        assert self._rounded(slip, 1) == 269.45


class TestSalesAndServiceTax:
    """'SST 6%' names the tax as 'GST 6%' does; 'Amount Excl. SST' stays the net."""

    def test_sst_is_a_tax_label(self) -> None:
        assert classify("SST 6% 3.00") == "vat"
        assert classify("Amount Excl. SST 50.00") == "subtotal"
