"""A space OCR put before the decimal mark of an amount with thousands groups ('18.885 ,53' for
'18.885,53'): the mark differs from the groups' one, so the cents belong to the amount."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import money_in, repair_ocr_numbers


class TestSpaceBeforeDecimalMark:
    def test_the_cents_are_joined_to_the_grouped_amount(self) -> None:
        assert repair_ocr_numbers("Importe total 18.885 ,53") == "Importe total 18.885,53"
        assert money_in("Total 1,234 .56") == [(1234.56, "1,234.56")]

    def test_the_same_mark_as_the_groups_is_left_apart(self) -> None:
        # '1.234 .56': a point after point-groups may be a list, not one amount's decimals
        assert repair_ocr_numbers("1.234 .56") == "1.234 .56"

    def test_an_amount_without_groups_is_left_apart(self) -> None:
        assert repair_ocr_numbers("Qty 885 ,53") == "Qty 885 ,53"
