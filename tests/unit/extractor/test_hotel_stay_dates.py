"""A hotel bill's check-in and check-out (arrival, departure) dates are the stay's, neither the
issue date nor a due date found by its place beside the issue date."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import document_lines


def _dates(text: str) -> tuple[str | None, str | None]:
    issued, due = find_dates(document_lines([(1, text)]), month_first=False)
    return (issued.value if issued else None, due.value if due else None)


class TestHotelStayDates:
    def test_check_out_is_no_due_date(self) -> None:
        page = "PAYMENT RECEIPT\nDate: 31/12/2017\nCheck In 31/12/2017\nCheck Out 01/01/2018\n"
        assert _dates(page) == ("2017-12-31", None)

    def test_departure_is_no_due_date(self) -> None:
        page = "Hotel Invoice\nInvoice date: 10/05/2024\nArrival 10/05/2024\nDeparture 12/05/2024\n"
        assert _dates(page) == ("2024-05-10", None)
