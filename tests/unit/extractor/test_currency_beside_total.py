"""The currency marked beside the total decides when the page's marks leave it in doubt (a '$' OCR
made of an 8 among a till slip's items, 'S$.L.U.'); a currency read surely stays."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.total_currency import currency_of_total


def _found(value: object, raw: str, text: str, confidence: float) -> Found:
    return Found(value, raw, Line(text, 1, 0), confidence)


class TestCurrencyBesideTotal:
    def test_the_totals_mark_settles_a_doubt(self) -> None:
        doubtful = _found("USD", "$", "1x $1.52 $1.82", 0.75)
        total = _found(256.30, "256.30", "TOTAL 256.30 NIS", 0.9)
        found = currency_of_total(doubtful, total)
        assert found is not None and found.value == "ILS"

    def test_a_sure_currency_stays(self) -> None:
        sure = _found("EUR", "EUR", "All amounts in EUR", 0.95)
        total = _found(256.30, "256.30", "TOTAL $256.30", 0.9)
        assert currency_of_total(sure, total) == sure

    def test_a_restated_total_says_nothing_new(self) -> None:
        doubtful = _found("USD", "USD", "Subtotal 100.00 USD", 0.75)
        total = _found(118.0, "118.00", "Total 118.00 USD (≈ 109.00 EUR)", 0.9)
        assert currency_of_total(doubtful, total) == doubtful

    def test_a_total_taken_from_a_conversion_line_says_nothing(self) -> None:
        # the page's total was garbled and the line converting it into dollars was taken instead
        doubtful = _found("ILS", "₪", "כבל רשת 4 34.00 ₪136.00", 0.6)
        total = _found(8306.97, "8,306.97", "לידיעה: 8,306.97 USD (שער-0.2677)", 0.7)
        assert currency_of_total(doubtful, total) == doubtful


class TestCurrencyBesideTheAmountDue:
    """A total read off a sum row with no mark: the amount-due line under it that reads the same
    amount, or its tail with the head lost ('02.55' for 7,002.55), gives the currency."""

    def test_the_due_lines_mark_under_a_sum_row(self) -> None:
        lines = [
            Line('סה"ב. 6,129.86 872.69 7,002.55', 1, 0),
            Line('סה"כ לתשלום 02.55 ש"ח (USD )1,808.66', 1, 1),
            Line("ליריפה: USD 1,833.97 (ספר", 1, 2),
        ]
        doubtful = Found("USD", "USD", lines[2], 0.75)
        total = Found(7002.55, "7,002.55", lines[0], 0.9)
        found = currency_of_total(doubtful, total, lines)
        assert found is not None and found.value == "ILS" and found.line is lines[1]

    def test_a_due_line_of_another_amount_says_nothing(self) -> None:
        lines = [Line('סה"ב. 6,129.86 872.69 7,002.55', 1, 0), Line('סה"כ לתשלום 12.55 ש"ח', 1, 1)]
        doubtful = Found("USD", "USD", lines[0], 0.75)
        assert currency_of_total(doubtful, Found(7002.55, "7,002.55", lines[0], 0.9), lines) == doubtful
