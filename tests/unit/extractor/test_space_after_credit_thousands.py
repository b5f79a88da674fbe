"""A space OCR put after the thousands comma of a credit's amount ('-13, 256.48'): the minus sign,
like a currency sign, says it is one amount, not a list of two numbers."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import amounts_in, repair_ocr_numbers


class TestSpaceAfterCreditThousands:
    def test_a_negative_amount_is_joined(self) -> None:
        assert repair_ocr_numbers("Total Due | -13, 256.48") == "Total Due | -13,256.48"
        assert amounts_in("-13, 256.48") == [(-13256.48, "-13,256.48")]

    def test_numbers_without_a_sign_or_after_a_range_stay_apart(self) -> None:
        assert repair_ocr_numbers("items 13, 256.48") == "items 13, 256.48"
        assert repair_ocr_numbers("1-13, 256.48") == "1-13, 256.48"


class TestSpaceAfterThousandsInBrackets:
    """The same space inside an accounting negative's brackets ('(18, 606.87)'): the brackets close
    right after the cents, so the two groups are one amount."""

    def test_a_bracketed_amount_is_joined(self) -> None:
        assert repair_ocr_numbers("(18, 606.87)") == "(18,606.87)"
        assert repair_ocr_numbers("Monthly maintenance 1.5 1,637.90 (2, 456.85)").endswith("(2,456.85)")

    def test_an_unclosed_bracket_stays_apart(self) -> None:
        assert repair_ocr_numbers("(2, 456.85 units") == "(2, 456.85 units"


class TestSpaceAfterThousandsBeforeATrailingMinus:
    """The same space in a credit's amount whose minus is printed after it ('28, 742.85-'): no list of
    numbers ends so."""

    def test_the_amount_is_joined(self) -> None:
        line = "Papel A4 2 11.61 10% 23 ..22- 28, 742.85-"
        assert repair_ocr_numbers(line).endswith(" 28,742.85-")
        assert amounts_in("28, 742.85-") == [(-28742.85, "28,742.85-")]

    def test_glued_to_a_word_it_stays_apart(self) -> None:
        assert repair_ocr_numbers("a 12, 345.67-x") == "a 12, 345.67-x"
