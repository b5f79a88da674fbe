"""An amount on the same row as a number label, further along ('Nº documento | Total a pagar
3.393,40', a side panel beside the totals): its digits before the decimal comma are no document
number; the value under the label is."""

from __future__ import annotations

from invoiceme_extractor.rules.invoice_number_values import numbers_in


class TestAmountPieces:
    def test_an_amount_with_a_decimal_comma_gives_no_token(self) -> None:
        assert numbers_in("Total a pagar 3.393,40") == []

    def test_an_amount_with_thousands_commas_gives_no_token(self) -> None:
        assert numbers_in("Total 3,393.40") == []

    def test_numbers_beside_a_comma_stay_numbers(self) -> None:
        assert numbers_in("Factura 12345, 2024") == ["12345", "2024"]
        assert numbers_in("2025.123") == ["2025.123"]
