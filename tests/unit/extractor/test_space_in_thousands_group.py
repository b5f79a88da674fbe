"""A space OCR put inside an amount's last thousands group ('73,40 0.76' for '73,400.76'): the
amount is read whole, not as two small amounts."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import amounts_in, repair_ocr_numbers


class TestSpaceInThousandsGroup:
    def test_the_split_group_is_joined(self) -> None:
        assert repair_ocr_numbers('סה"כ 73,40 0.76') == 'סה"כ 73,400.76'
        assert repair_ocr_numbers("Gesamt 73.4 00,76") == "Gesamt 73.400,76"
        assert amounts_in("Total 1,234,56 7.89") == [(1234567.89, "1,234,567.89")]

    def test_digits_not_making_a_group_are_two_amounts(self) -> None:
        # a quantity '1,5' and a price: two digits around the space, no group of three
        assert repair_ocr_numbers("1,5 2.50") == "1,5 2.50"

    def test_one_mark_throughout_is_two_amounts(self) -> None:
        assert repair_ocr_numbers("12.50 3.40") == "12.50 3.40"
        assert repair_ocr_numbers("1,234 5,67") == "1,234 5,67"
