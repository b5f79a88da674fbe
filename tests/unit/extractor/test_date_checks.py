"""Dates OCR misread into another valid date, caught by what the page's other dates say."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.date_fields import table_header_row
from invoiceme_extractor.rules.date_order import issue_year_by_copy, one_digit_readings, reordered
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.lines import Found, Line, document_lines

from .wordbox import page


class TestDueBeforeIssue:
    """A due date never precedes the issue date: the one confused digit that restores the order is undone."""

    def test_issue_month_misread_is_put_back(self) -> None:
        # 21.03.2024 with its 3 read as 5; due 30 days after the printed issue date
        assert reordered(date(2024, 5, 21), "21.05.2024", date(2024, 4, 20), "20.04.2024", False) == (
            date(2024, 3, 21),
            date(2024, 4, 20),
        )

    def test_due_month_misread_is_put_back(self) -> None:
        # due 24.04.2025 with the month's 4 read as 1 (24.01.2025), issued 25.03.2025
        assert reordered(date(2025, 3, 25), "25.03.2025", date(2025, 1, 24), "24.01.2025", False) == (
            date(2025, 3, 25),
            date(2025, 4, 24),
        )

    def test_dates_in_order_are_kept(self) -> None:
        assert reordered(date(2024, 3, 21), "21.03.2024", date(2024, 4, 20), "20.04.2024", False) is None

    def test_no_single_repair_keeps_the_reading(self) -> None:
        # a year apart and no confused digit closes it
        assert reordered(date(2025, 6, 2), "2.6.2025", date(2024, 1, 2), "2.1.2024", False) is None

    def test_hebrew_page_through_the_rules(self) -> None:
        text = 'נגה מזון בע"מ\nתאריך: 21.05.2024\nתאריך לתשלום: 20.04.2024\nסה"כ לתשלום 100.00'
        result = extract_with_rules([(1, text)])
        assert (result.invoice_date, result.due_date) == ("2024-03-21", "2024-04-20")
        assert result.confidence["invoice_date"] <= 0.6

    def test_english_page_through_the_rules(self) -> None:
        text = "Acme Ltd\nInvoice Date: 14/06/2025\nDue Date: 14/07/2025\nTotal 5.00"
        result = extract_with_rules([(1, text)])
        assert (result.invoice_date, result.due_date) == ("2025-06-14", "2025-07-14")

    def test_text_layer_keeps_a_due_date_before_the_issue_date(self) -> None:
        # a final invoice issued after its payment fell due: the PDF's characters are not misread
        layer = page(
            ("Bau GmbH", 100, 100),
            ("Rechnungsdatum: 30.06.2025", 100, 200),
            ("Fälligkeitsdatum: 20.06.2025", 100, 260),
            ("Gesamtbetrag 500,00 EUR", 100, 400),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2025-06-30", "2025-06-20")


class TestIssueYearByCopy:
    """An issue date a decade or more after the same day and month printed elsewhere (the payment's
    row of a receipt) had its year misread: it takes the copy's year."""

    _ISSUED = Found("2095-07-03", "03/07/2095", Line("תאריך חשבונית: 03/07/2095", 1, 2), 0.9)

    def test_the_copy_gives_the_year(self) -> None:
        moved = issue_year_by_copy(self._ISSUED, [date(2095, 7, 3), date(2025, 7, 3)])
        assert (moved.value, moved.confidence) == ("2025-07-03", 0.6)

    def test_no_copy_or_a_near_year_keeps_it(self) -> None:
        assert issue_year_by_copy(self._ISSUED, [date(2025, 7, 4)]) is self._ISSUED
        near = Found("2025-07-03", "03/07/2025", self._ISSUED.line, 0.9)
        assert issue_year_by_copy(near, [date(2024, 7, 3)]) is near  # a year's renewal, not a misread
        assert issue_year_by_copy(near, [date(2022, 7, 3)]) is near  # a contract's anniversary

    def test_through_the_rules(self) -> None:
        text = (
            'אלון מערכות בע"מ\nתאריך חשבונית: 03/07/2095\nסה"כ 1,442.53\n'
            "אמצעי תשלום תאריך סכום\nמזומן 03/07/2025 1,442.53"
        )
        assert extract_with_rules([(1, text)]).invoice_date == "2025-07-03"


class TestOneDigitReadings:
    """The dates a printed date becomes with one digit OCR confuses swapped."""

    def test_month_digit(self) -> None:
        assert date(2024, 3, 21) in one_digit_readings("21.05.2024", False)

    def test_never_the_date_as_read(self) -> None:
        assert date(2024, 5, 21) not in one_digit_readings("21.05.2024", False)


class TestSpecksAroundDates:
    """Specks OCR reads as punctuation beside a date do not hide it."""

    def test_dot_after_the_labels_colon(self) -> None:
        assert [found.value for found in dates_in("Date:.23/10/2024")] == [date(2024, 10, 23)]

    def test_apostrophe_before_a_written_months_year(self) -> None:
        assert [found.value for found in dates_in("08 Mar '2025")] == [date(2025, 3, 8)]

    def test_a_number_before_the_dot_still_is_no_date_start(self) -> None:
        assert dates_in("1.23/10/2024") == []

    def test_comma_for_the_days_period(self) -> None:
        assert [found.value for found in dates_in("8, April 2025")] == [date(2025, 4, 8)]


class TestMisreadHebrewMonth:
    """A three-letter Hebrew month one letter off ('בחרץ' for במרץ) between a day and a year, as a repair."""

    def test_one_letter_off_in_a_three_letter_month(self) -> None:
        (found,) = dates_in("ת. חשבונית: 6 בחרץ 2024")
        assert found.value == date(2024, 3, 6) and found.repaired


class TestDottedDatesAreDayFirst:
    """m/d/y is written with slashes or hyphens: a dotted date on a page read month first is still d.m.y."""

    def test_dotted_date_on_a_month_first_page(self) -> None:
        assert [found.value for found in dates_in("04.08.2024", month_first=True)] == [date(2024, 8, 4)]

    def test_slashed_date_on_a_month_first_page_stays_month_first(self) -> None:
        assert [found.value for found in dates_in("04/08/2024", month_first=True)] == [date(2024, 4, 8)]


class TestLabelStripAboveItsValues:
    """A strip of the header's labels over one row of their values: 'Amount due by' names a due
    date, not a money column, so the row is no table header and 'Tax Point' is the issue date."""

    LABELS = ("Invoice #", "Delivery Date", "PO Date", "Tax Point", "PO Number", "Amount due by")
    VALUES = ("RE-58909", "24-Sep-24", "16-Sep-24", "25-Sep-24", "131004", "25-Oct-24")

    def _page(self, labels: tuple[str, ...]) -> list:
        placed = [("Orion Summit Co.", 100, 200), ("Commercial Invoice", 100, 700)]
        placed += [(label, 100 + 360 * i, 850) for i, label in enumerate(labels)]
        placed += [(value, 100 + 360 * i, 900) for i, value in enumerate(self.VALUES)]
        return [page(*placed)]

    def test_tax_point_under_a_strip_with_a_due_label(self) -> None:
        extraction = extract_with_rules(self._page(self.LABELS))
        assert (extraction.invoice_date, extraction.due_date) == ("2024-09-25", "2024-10-25")

    def test_a_payments_table_header_is_still_one(self) -> None:
        payments = ("Method", "Bank", "Cheque No.", "Date", "Amount")
        rows = {
            labels: next(line for line in document_lines(self._page(labels)) if labels[1] in line.text)
            for labels in (payments, self.LABELS)
        }
        assert table_header_row(rows[payments])
        assert not table_header_row(rows[self.LABELS])
