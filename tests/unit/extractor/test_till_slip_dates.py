"""Till slip dates: a price that looks like a month-first date ('2.13.12') proves no page's order,
and a year no era prints ('08/10/2601') takes the year of a clean copy of the same day and month."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.day_first_pages import prefers_month_first
from invoiceme_extractor.rules.lines import document_lines


class TestDateOrder:
    def test_a_dotted_price_proves_no_month_first_page(self) -> None:
        texts = ["Date: 06/08/2017", "0.C. WHITE 2.13.12 06 25.56"]
        assert prefers_month_first(texts, "en", None) is False

    def test_a_slashed_date_still_proves_it(self) -> None:
        assert prefers_month_first(["Date: 06/18/2017"], "en", None) is True


class TestRepairedYearByCopy:
    """A year no era prints ('2601') is a guess; the same day and month printed cleanly give it."""

    def test_the_clean_copy_gives_the_year(self) -> None:
        issued, _ = find_dates(document_lines([(1, "Date: 08/10/2601\nDD: 08/10/2017 10:49")]), False)
        assert issued is not None and issued.value == "2017-10-08"
