"""A date whose day and month OCR ran together, one separator lost ('272.2025' for 27.2.2025,
'0407/2025' for 04/07/2025): read as a weak guess on a page where no date reads otherwise, when
only one split of the digits makes a date ('62.2025' for 6.2.2025; not '12.2025', a month)."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lost_separators import dates_with_a_separator_lost


class TestOneSeparatorLost:
    def test_the_one_split_that_makes_a_date(self) -> None:
        assert [d.value for d in dates_with_a_separator_lost("272.2025", False)] == [date(2025, 2, 27)]
        assert [d.value for d in dates_with_a_separator_lost("0407/2025", False)] == [date(2025, 7, 4)]
        assert [d.value for d in dates_with_a_separator_lost("0407/2025", True)] == [date(2025, 4, 7)]
        assert all(d.repaired for d in dates_with_a_separator_lost("272.2025", False))

    def test_two_splits_or_no_year_read_nothing(self) -> None:
        assert dates_with_a_separator_lost("112.2025", False) == []  # 11.2 or 1.12
        assert dates_with_a_separator_lost("1400/28", False) == []
        assert dates_with_a_separator_lost("9999/2025", False) == []

    def test_a_one_digit_day_and_month_run_together(self) -> None:
        # a dev photo's '62.2025' for 6.2.2025; two digits up to 12 are a month and its year
        assert [d.value for d in dates_with_a_separator_lost("62.2025", False)] == [date(2025, 2, 6)]
        assert dates_with_a_separator_lost("Leistungszeitraum 12.2025", False) == []
        assert dates_with_a_separator_lost("07.2025", False) == []

    def test_a_page_without_another_date(self) -> None:
        text = "Cedar Supplies\nTax Invoice\nDate of Invoice\n272.2025\nAmount Due 1217.29"
        result = extract_with_rules([(1, text)])
        assert result.invoice_date == "2025-02-27"
        assert result.confidence["invoice_date"] < 0.5
