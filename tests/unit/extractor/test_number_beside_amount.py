"""An amount on the same row as a number label, further along ('Nº documento | Total a pagar
3.393,40', a side panel beside the totals): its digits before the decimal comma are no document
number; the value under the label is."""

from __future__ import annotations

from invoiceme_extractor.rules.invoice_number_values import numbers_in, numbers_in_spots
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


class TestAmountPieces:
    def test_an_amount_with_a_decimal_comma_gives_no_token(self) -> None:
        assert numbers_in("Total a pagar 3.393,40") == []

    def test_an_amount_with_thousands_commas_gives_no_token(self) -> None:
        assert numbers_in("Total 3,393.40") == []

    def test_numbers_beside_a_comma_stay_numbers(self) -> None:
        assert numbers_in("Factura 12345, 2024") == ["12345", "2024"]
        assert numbers_in("2025.123") == ["2025.123"]


class TestDigitSplitOff:
    """A number under its label with its first or last digit split off by OCR ('1 90881 8'): read joined."""

    def test_the_split_number_under_its_label_is_read_joined(self) -> None:
        lines = document_lines([page(("QUITTUNG Dokument-Nr.", 977, 146), ("1 90881 8", 1103, 217))])
        label = lines[0]
        start = label.text.index("Dokument-Nr.")
        values = [r.value for r in numbers_in_spots(lines, label, start, start + len("Dokument-Nr."))]
        assert values[:1] == ["1908818"]

    def test_two_numbers_of_several_digits_stay_apart(self) -> None:
        lines = document_lines([page(("Dokument-Nr.", 977, 146), ("12 90881", 977, 217))])
        values = [r.value for r in numbers_in_spots(lines, lines[0], 0, len("Dokument-Nr."))]
        assert "1290881" not in values

    def test_a_number_in_thousands_groups_under_its_label_is_read_joined(self) -> None:
        # 'Reçu' over '91 636' (a fresh draw's French scan, seed 41): French groups digits by three
        lines = document_lines([page(("Reçu N°", 977, 146), ("91 636", 977, 217))])
        values = [r.value for r in numbers_in_spots(lines, lines[0], 5, 7)]
        assert values[:1] == ["91636"]
