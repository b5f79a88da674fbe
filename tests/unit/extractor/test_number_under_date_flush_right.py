"""A right-to-left header's values set flush right, labels lost: the document's number under the
date shares the date's right edge, not its left ('30 בינואר 2025' over '8123'), and is still the
number beside the date."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unlabelled_invoice_number import numbers_beside_the_date

from .wordbox import CHAR, ocr_page, ocr_word, page


class TestNumberUnderDateFlushRight:
    def test_the_code_sharing_the_dates_right_edge(self) -> None:
        date, code = "30.01.2025 יום", "8123"
        right = 2300
        lines = document_lines(
            [
                page(
                    (date, right - CHAR * len(date), 370),
                    ("524716743", 990, 370),
                    (code, right - CHAR * len(code), 510),
                    ('שקד בנייה בע"מ', 875, 510),
                    rtl=True,
                )
            ]
        )
        assert [reading.value for reading in numbers_beside_the_date(lines)] == [code]

    def test_a_code_in_another_column_is_not_taken(self) -> None:
        date, code = "30.01.2025 יום", "8123"
        lines = document_lines(
            [page((date, 2300 - CHAR * len(date), 370), (code, 1200, 510), ("שקד", 875, 510), rtl=True)]
        )
        assert not list(numbers_beside_the_date(lines))

    def test_a_label_in_smaller_print_read_as_digits_is_not_taken(self) -> None:
        right = 1854
        words = [
            ocr_word("27.06.25", right - 136, 336, 0, width=136, height=25),
            ocr_word("1507", right - 58, 409, 1, width=58, height=17),  # the number's label, garbled
            ocr_word("1128979", right - 149, 444, 2, width=149, height=32),
        ]
        lines = document_lines([ocr_page(words, width=2480, height=3508)])
        assert "1507" not in [reading.value for reading in numbers_beside_the_date(lines)]


class TestNearestCodeInTheDatesRow:
    """Labels lost over a row of values: the code printed next to the date is the number, not a
    customer's number further along the row ('994737 | INV-21643 | 02.04.2024')."""

    def test_the_code_next_to_the_date_comes_first(self) -> None:
        row = [("994737", 159, 605), ("INV-21643", 514, 605), ("02.04.2024", 868, 605)]
        lines = document_lines([page(*row, ("45 Tage netto", 1222, 605))])
        assert [reading.value for reading in numbers_beside_the_date(lines)][:1] == ["INV-21643"]
