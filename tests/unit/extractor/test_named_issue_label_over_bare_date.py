"""A date under a bare 'Date' label may be another date's whose qualifier OCR lost ('Order Date' read
as 'Date'): a label that names the document or its issue ('Invoice Date', 'Rechnungsdatum') decides
when the two disagree; a bare 'Date' alone still gives the issue date."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import document_lines


def _issued(text: str) -> str | None:
    issued, _ = find_dates(document_lines([(1, text)]), month_first=False)
    return issued.value if issued else None


class TestNamedIssueLabelOverBareDate:
    def test_invoice_date_beats_a_bare_date_above_it(self) -> None:
        assert _issued("Order ID: OD3041\nDate: 15-10-2015\nInvoice Date: 20-10-2015\n") == "2015-10-20"

    def test_german_compound_label(self) -> None:
        assert _issued("Datum: 01.03.2024\nRechnungsdatum: 04.03.2024\n") == "2024-03-04"

    def test_a_bare_date_alone_is_the_issue_date(self) -> None:
        assert _issued("Date: 15-10-2015\nShipped: 17-10-2015\n") == "2015-10-15"
