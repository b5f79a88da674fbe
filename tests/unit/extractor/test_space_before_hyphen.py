"""A number's capital prefix OCR set apart from its hyphen ('FAC -48077' for FAC-48077): one number,
not a bare '-48077'."""

from __future__ import annotations

from invoiceme_extractor.rules.invoice_number_values import numbers_in


class TestSpaceBeforeHyphen:
    def test_the_prefix_joins_its_digits(self) -> None:
        assert numbers_in("Tax ID 92-2752074 FAC -48077") == ["92-2752074", "FAC-48077"]

    def test_a_negative_amount_is_no_number(self) -> None:
        assert "TOTAL-4807.00" not in numbers_in("TOTAL -4807.00")

    def test_a_word_before_a_minus_is_left_apart(self) -> None:
        assert numbers_in("Net -123") == ["-123"]
