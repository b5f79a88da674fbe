"""A VAT line read whole ('IVA incluido 21% 8.879,33'): no VAT is looked for by arithmetic alone, so
an item's amount about 7 % of another's ('3.390,72' beside '47.771,12', a column headed 'Subtotal')
is not taken for the VAT."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_agreement import is_standard_rate
from invoiceme_extractor.rules.amount_candidates import Candidates
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.receipt_totals import printed_vat_lines, unlabelled_vat_triple


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


_LINES = _lines(
    "Alojamiento 2 23.885,56 € 47.771,12 €",
    "Toner 12 282,56 € 3.390,72 €",
    "Total 51.161,84 EUR",
    "IVA incluido 21% 8.879,33 €",
)


def _found(with_vat_line: bool) -> Candidates:
    found: Candidates = {
        "subtotal": [(47771.12, "47.771,12", _LINES[0]), (3390.72, "3.390,72", _LINES[1])],
        "total_plain": [(51161.84, "51.161,84", _LINES[2])],
    }
    if with_vat_line:
        found["vat"] = [(8879.33, "8.879,33", _LINES[3])]
    return found


class TestVatLineRead:
    def test_the_vat_line_with_its_rate_is_printed(self) -> None:
        assert printed_vat_lines(_found(True)) == [(8879.33, "8.879,33", _LINES[3])]

    def test_no_vat_by_arithmetic_beside_a_vat_line_read(self) -> None:
        assert unlabelled_vat_triple(_found(True), _LINES, is_standard_rate) is None

    def test_without_the_vat_line_arithmetic_still_finds_one(self) -> None:
        assert unlabelled_vat_triple(_found(False), _LINES, is_standard_rate) is not None
