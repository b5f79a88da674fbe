"""A footer row 'Name | VAT label: id' whose label opens its own cell: with no name chosen from the
header (a logo only), the cell before the label's is the issuer's name."""

from __future__ import annotations

from invoiceme_extractor.rules.full_names import name_beside_tax_id
from invoiceme_extractor.rules.lines import Found, document_lines

from .wordbox import page


def _tax_id_found(*placed: tuple[str, int, int], raw: str, rtl: bool = False) -> Found:
    lines = document_lines([page(*placed, rtl=rtl)])
    line = next(line for line in lines if raw in line.text)
    return Found(raw.replace("-", ""), raw, line, 0.97)


class TestNameCellBeforeTaxLabel:
    def test_the_cell_before_a_hebrew_label_is_the_name(self) -> None:
        tax_id = _tax_id_found(
            ("אלון בנייה", 1900, 3170), ("עוסק מורשה מס' 172-701-153", 900, 3170), raw="172-701-153", rtl=True
        )
        found = name_beside_tax_id(None, tax_id)
        assert found is not None and found.value == "אלון בנייה"

    def test_an_english_footer_row(self) -> None:
        tax_id = _tax_id_found(
            ("Harbor Works Ltd", 100, 3170), ("VAT No. GB123456789", 900, 3170), raw="GB123456789"
        )
        found = name_beside_tax_id(None, tax_id)
        assert found is not None and found.value == "Harbor Works Ltd"

    def test_a_label_alone_opening_the_row_names_nobody(self) -> None:
        tax_id = _tax_id_found(
            ("VAT No. GB123456789", 100, 3170), ("12 Elm Street", 900, 3170), raw="GB123456789"
        )
        assert name_beside_tax_id(None, tax_id) is None
