"""An Irish VAT number's check letter L read by OCR as the digit 1 ('IE10145021' for IE1014502L):
the one reading with the letter back that passes the check (only asked of what OCR read)."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_repair import repair_vat_lookalike


class TestIrishCheckLetterLAsOne:
    def test_the_l_is_read_back(self) -> None:
        assert repair_vat_lookalike("IE10145021") == "IE1014502L"

    def test_a_well_formed_number_is_left_alone(self) -> None:
        assert repair_vat_lookalike("IE1014502L") is None
