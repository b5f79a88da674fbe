"""A Hebrew page whose total OCR read with its 8 as a dollar sign ('$06.82' for 806.82, twice: a
fresh draw's scan, seed 41) is in shekels: a '$' glued to digits on a line that names shekels is no
mark, a tie between shekels and another currency on a Hebrew page goes to shekels, and a sign glued
to the total's tail is the total's lost first digit."""

from __future__ import annotations

from invoiceme_extractor.rules.currency_noise import without_invented_marks
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.references import find_currency
from invoiceme_extractor.rules.total_currency import currency_of_total


def test_a_dollar_glued_to_digits_on_a_shekel_line_is_no_mark() -> None:
    assert "$" not in without_invented_marks('ש"ח $06.82 לתשלום', "he")
    assert "$" in without_invented_marks("$06.82 123.07 683.75 18%", "he")  # the line names no shekels
    assert "$" in without_invented_marks('ש"ח $06.82 לתשלום', "en")


def test_a_tie_on_a_hebrew_page_goes_to_shekels() -> None:
    lines = [
        Line("חשבונית מס 69466", 1, 0),
        Line("$06.82 123.07 683.75 18%", 1, 1),
        Line('לתשלום 806.82 ש"ח', 1, 2),
    ]
    assert find_currency(lines, "he").value == "ILS"
    assert find_currency(lines, "en").value == "USD"


def test_a_sign_glued_to_the_totals_tail_marks_no_currency() -> None:
    line = Line("18% 683.75 123.07 $06.82", 1, 5)
    doubtful = Found("ILS", 'ש"ח', line, 0.75)
    assert currency_of_total(doubtful, Found(806.82, "", line, 0.8)).value == "ILS"
    assert currency_of_total(doubtful, Found(6.82, "$06.82", line, 0.8)).value == "USD"  # the whole total
