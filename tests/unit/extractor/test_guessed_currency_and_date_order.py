"""A currency guessed from a mark OCR may have invented ('$5715 Marseille': a postal code's 5 read as
a dollar sign) does not make a page's dates month first: '03/01/2025' on a French page is 3 January."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.currency_noise import sure_code
from invoiceme_extractor.rules.lines import Found, Line

_PAGE = "\n".join(
    [
        "LUMIERE",
        "Facture",
        "Date 03/01/2025",
        "Martin SA",
        "53 boulevard Voltaire, $5715 Marseille",
        "Total 1 200,00",
    ]
)


class TestGuessedCurrency:
    def test_a_guess_gives_no_code(self) -> None:
        line = Line("$5715 Marseille", 1, 0)
        assert sure_code(Found("USD", "$", line, 0.45)) is None

    def test_a_whole_mark_gives_its_code(self) -> None:
        line = Line("Total $1,200.00", 1, 0)
        assert sure_code(Found("USD", "$", line, 0.95)) == "USD"

    def test_the_dates_stay_day_first(self) -> None:
        assert extract_with_rules([(1, _PAGE)]).invoice_date == "2025-01-03"

    def test_a_dollar_page_still_reads_month_first(self) -> None:
        page = _PAGE.replace("Total 1 200,00", "Total $1,200.00 USD")
        assert extract_with_rules([(1, page)]).invoice_date == "2025-03-01"
