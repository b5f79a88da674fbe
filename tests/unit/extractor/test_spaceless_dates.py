"""A till slip's 'Date of Invoice: 1QAPR2024': a spaceless day-month-year whose 0 OCR read as Q is
still a date."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.dates import dates_in

_SLIP = (
    "Maple Partners LLC\nSales Receipt\nDate of Invoice: 1QAPR2024 09:05\n"
    "Receipt No.: 5494261\nBalance Due 74.80"
)


class TestSpacelessLetterDay:
    def test_the_slip_reads_its_date(self) -> None:
        assert str(extract_with_rules([(1, _SLIP)]).invoice_date) == "2024-04-10"

    def test_a_q_for_zero_in_a_spaceless_date(self) -> None:
        found = dates_in("Date of Invoice: 1QAPR2024 09:05")
        assert [str(item.value) for item in found] == ["2024-04-10"]
        assert found[0].repaired

    def test_letters_alone_before_a_month_are_no_day(self) -> None:
        assert dates_in("Sept 2024") == []
        assert dates_in("Oct 2024") == []


class TestHyphenatedLetterDay:
    """'Qi-Nov-2017 11:20:04AM': a till slip's hyphenated date whose day 01 OCR read as 'Qi'."""

    def test_letters_for_the_day_before_a_hyphenated_month(self) -> None:
        found = dates_in("Qi-Nov-2017 11:20:04AM")
        assert [str(item.value) for item in found] == ["2017-11-01"]
        assert found[0].repaired
        assert [str(item.value) for item in dates_in("2i-Mar-2018")] == ["2018-03-21"]

    def test_a_dotted_i_for_1_in_a_numeric_date(self) -> None:
        found = dates_in("09: 06PK 567485 Oi-11-17")
        assert [str(item.value) for item in found] == ["2017-11-01"]
        assert found[0].repaired

    def test_a_lone_i_or_a_word_before_a_month_is_no_day(self) -> None:
        assert dates_in("i Nov 2017") == []
        assert dates_in("Hi-Nov-2017") == []


class TestSpacelessSpanishDate:
    """'11dediciembre de 2024': OCR lost the spaces around 'de' between the day and the month."""

    def test_the_day_glued_to_de_and_the_month(self) -> None:
        assert [str(item.value) for item in dates_in("11dediciembre de 2024")] == ["2024-12-11"]

    def test_a_month_word_starting_with_de_stays_itself(self) -> None:
        assert [str(item.value) for item in dates_in("3 dec 2024")] == ["2024-12-03"]
