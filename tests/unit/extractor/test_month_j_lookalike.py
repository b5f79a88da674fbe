"""A till slip's spaceless date whose month's J OCR read as a 3 or a bracket ('063UL2025' for
06JUL2025): read as that date, said as a repair."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.month_lookalikes import with_month_j_restored


class TestMonthJLookalike:
    def test_the_j_put_back(self) -> None:
        assert with_month_j_restored("14:07 063UL2025 S46") == "14:07 06JUL2025 S46"
        assert with_month_j_restored("06)UN2024") == "06JUN2024"

    def test_the_date_is_a_repair(self) -> None:
        found = dates_in("14:07 063UL2025 S46 T4 R782587461")
        assert [str(item.value) for item in found] == ["2025-07-06"]
        assert found[0].repaired

    def test_a_one_digit_day_or_a_longer_token_stays(self) -> None:
        assert with_month_j_restored("13UN2024") == "13UN2024"
        assert with_month_j_restored("SKU 123UN2024X") == "SKU 123UN2024X"

    def test_the_slip_reads_its_date(self) -> None:
        text = "ATLAS WORKS LLC\nRECEIPT\nInv. No: C440089\nTotal 351.32\n14:07 063UL2025 S46 T4 R782587461"
        assert str(extract_with_rules([(1, text)]).invoice_date) == "2025-07-06"
