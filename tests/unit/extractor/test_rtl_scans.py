"""Hebrew scans whose OCR broke the right-to-left order of a row: the rules read the row from where
its words sit, and read dates and ids whose parts came out in the opposite order."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.id_repair import id_from_split, israeli_id_after_letters, split_ids
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.tax_ids import find_vendor_tax_id
from invoiceme_extractor.text import normalize_line

from .wordbox import ocr_page, ocr_word


class TestRowOrderFromBoxes:
    """An OCR cell of a Hebrew row is read right to left from its word boxes, not in the engine's order."""

    def test_number_the_engine_put_first_goes_where_it_is_printed(self) -> None:
        # printed (right to left): גל מזון (1998); the engine gave ')1998( גל מזון'
        page = ocr_page(
            [ocr_word(")1998(", 650, 100, 0), ocr_word("גל", 806, 100, 0), ocr_word("מזון", 740, 100, 0)]
        )
        assert document_lines([page])[0].text == "גל מזון (1998)"

    def test_latin_run_keeps_its_numbers_and_bare_numbers_read_right_to_left(self) -> None:
        page = ocr_page([
            ocr_word("1L378134619615", 490, 100, 0), ocr_word("בנק", 700, 100, 0),
            ocr_word("IBAN", 420, 100, 0),
            ocr_word("14:42", 1000, 300, 1), ocr_word("17/06/25", 1084, 300, 1),
            ocr_word("תאריך:", 1210, 300, 1),
        ])  # fmt: skip
        assert [line.text for line in document_lines([page])] == [
            "בנק IBAN 1L378134619615",
            "תאריך: 17/06/25 14:42",
        ]

    def test_text_layer_rows_keep_their_order(self) -> None:
        page = ocr_page(
            [ocr_word(")1998(", 650, 100, 0), ocr_word("גל", 806, 100, 0), ocr_word("מזון", 740, 100, 0)]
        )
        page = page.model_copy(update={"method": "text_layer"})
        assert document_lines([page])[0].text == "(1998) גל מזון"


class TestMirroredBracketWord:
    """A word in brackets facing outwards is mirrored back anywhere on a Hebrew line."""

    def test_after_latin_noise_or_a_bar(self) -> None:
        assert normalize_line("5x )1998( גל מזון") == "5x (1998) גל מזון"
        assert normalize_line("שם / )1998( שקד סחר") == "שם / (1998) שקד סחר"

    def test_not_on_lines_without_hebrew(self) -> None:
        assert normalize_line("a )b( c") == "a )b( c"


class TestDatesInTheOppositeOrder:
    """A Hebrew row's date whose words, or whose split parts, came out right to left."""

    def test_year_month_day_with_a_hebrew_month(self) -> None:
        found = dates_in("2024 באוקטובר 31")
        assert [(item.value, item.repaired) for item in found] == [(date(2024, 10, 31), False)]

    def test_day_split_off_at_a_lost_separator_is_a_repair(self) -> None:
        found = dates_in("תאריך הוצאה 09.2025 12")
        assert [(item.value, item.repaired) for item in found] == [(date(2025, 9, 12), True)]

    def test_only_real_dates_and_only_hebrew_month_names(self) -> None:
        assert [item.value for item in dates_in("09.2025 12")] == [date(2025, 9, 12)]  # its own cell
        assert dates_in("תקופה 13.2025 12") == []
        assert dates_in("09.2025 1234") == [] and dates_in("09.2025 12.5") == []
        assert dates_in("2024 October 31") == []


class TestIdsInTheOppositeOrder:
    """An Israeli id split in two and read right to left; Latin letters OCR made of a Hebrew label."""

    def test_parts_joined_as_drawn_when_the_check_digit_holds(self) -> None:
        assert id_from_split("586414 511") == "511586414"
        assert split_ids("מורשה: 586414 511") == ["586414 511"]
        assert id_from_split("586415 511") is None  # fails the check digit
        assert split_ids("03 6262737") == []

    def test_split_id_read_beside_its_label_only(self) -> None:
        labelled = document_lines([(1, "חשבונית מס\nמספר עוסק מורשה: 586414 511")])
        found = find_vendor_tax_id(labelled, set())
        assert found is not None and found.value == "511586414"
        unlabelled = document_lines([(1, "חשבונית מס\nהזמנה 586414 511")])
        found = find_vendor_tax_id(unlabelled, set())
        assert found is None or found.value != "511586414"

    def test_letters_before_a_valid_israeli_id(self) -> None:
        assert israeli_id_after_letters("DE 523603736") == "523603736"
        assert israeli_id_after_letters("DE523603736") is None  # a German VAT number as printed
        assert israeli_id_after_letters("DE 523603737") is None


class TestCreditNoteSignLost:
    """A credit note's total whose minus OCR lost: the subtotal is the parts' difference, negative."""

    def test_subtotal_from_the_magnitudes_with_the_printed_minus(self) -> None:
        from invoiceme_extractor.rules.totals import find_totals

        text = 'חשבונית זיכוי\nמס ערך מוסף 17%\n-10,623.66\nסה"כ\n73,115.76'
        totals = find_totals(document_lines([(1, text)]))
        assert totals.subtotal is not None and totals.subtotal.value == -62492.10

    def test_same_signs_unchanged(self) -> None:
        from invoiceme_extractor.rules.totals import find_totals

        totals = find_totals(document_lines([(1, 'מע"מ 17%\n1,700.00\nסה"כ\n11,700.00')]))
        assert totals.subtotal is not None and totals.subtotal.value == 10000.00


class TestValueBeforeItsLabelPastCrumbs:
    """A label closing its row reads the value before it past an OCR crumb between the two."""

    def test_total_two_cells_before_the_label(self) -> None:
        from invoiceme_extractor.rules import extract_with_rules

        # drawn left to right: לתשלום ... 0000 ... ILS 4,862.24 (read right to left: value first)
        words = [
            ocr_word("קבלה", 900, 40, 0),
            ocr_word("לתשלום", 100, 300, 1),
            ocr_word("0000", 500, 300, 1),
            ocr_word("ILS", 900, 300, 1),
            ocr_word("4,862.24", 956, 300, 1),
        ]
        assert extract_with_rules([ocr_page(words)]).total == 4862.24


class TestDueDateYearMisread:
    """A due date years from the issue date had its year misread: the same day in the issue's year."""

    def test_year_years_away_moved_to_the_issue_year_or_the_next(self) -> None:
        from invoiceme_extractor.rules.date_order import due_in_issue_year

        assert due_in_issue_year(date(2024, 10, 14), date(2094, 10, 28)) == date(2024, 10, 28)
        assert due_in_issue_year(date(2024, 12, 20), date(2054, 1, 19)) == date(2025, 1, 19)
        assert due_in_issue_year(date(2024, 10, 14), date(2025, 1, 13)) is None  # plausible as read

    def test_an_issue_date_years_after_its_due_date_is_the_misread_one(self) -> None:
        from invoiceme_extractor.rules.date_order import due_in_issue_year, issue_in_due_year

        assert due_in_issue_year(date(2094, 8, 18), date(2024, 8, 27)) is None
        assert issue_in_due_year(date(2094, 8, 18), date(2024, 8, 27)) == date(2024, 8, 18)
        assert issue_in_due_year(date(2094, 12, 20), date(2025, 1, 19)) == date(2024, 12, 20)
        assert issue_in_due_year(date(2024, 10, 14), date(2094, 10, 28)) is None  # the due date's

    def test_both_dates_through_the_extractor(self) -> None:
        from invoiceme_extractor.rules import extract_with_rules

        def read(confidence: float) -> tuple[str | None, str | None]:
            text = "Invoice date: 18-08-2094\nDue date: 27-08-2024\nTotal 100.00"
            words = [
                ocr_word(part, 100 + 200 * i, 100 + 40 * n, n, confidence=confidence)
                for n, row in enumerate(text.split("\n"))
                for i, part in enumerate(row.split(" "))
            ]
            found = extract_with_rules([ocr_page(words)])
            return found.invoice_date, found.due_date

        assert read(0.9) == ("2024-08-18", "2024-08-27")  # OCR read the issue date: moved
        assert read(1.0)[0] == "2094-08-18"  # a text layer's characters are the PDF's: kept


class TestCurrencyStatedInWords:
    """A currency the page states in words decides, whatever marks OCR made of the amounts' signs."""

    def test_hebrew_statements_and_a_currency_label(self) -> None:
        from invoiceme_extractor.rules.references import find_currency

        for text in ('הדרכת צוות $42.17\nמטבע: ש"ח', 'תשלום $361\nהסכומיס בש"ח', "Item $4.00\nCurrency: EUR"):
            found = find_currency(document_lines([(1, text)]), "he" if "ש" in text else "en")
            assert found is not None and found.value == ("EUR" if "EUR" in text else "ILS")

    def test_amounts_in_some_other_word_states_nothing(self) -> None:
        from invoiceme_extractor.rules.references import find_currency

        found = find_currency(document_lines([(1, "Item $4.00\nAmounts in total 4.00")]), "en")
        assert found is not None and found.value == "USD"
