"""Rows and cells rebuilt from word boxes, and the label-to-value spots in every direction."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.damaged_titles import cropped_type, misread_title
from invoiceme_extractor.rules.geometry import spots_after_label
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_word, ocr_words, page


class TestRows:
    """Text stored in drawing order comes back as rows of cells in reading order."""

    def test_label_and_value_stored_far_apart_share_a_row(self) -> None:
        layer = page(
            ("INVOICE No:", 1200, 170),
            ("Acme Ltd", 100, 170),
            ("Total 5.00", 100, 900),
            ("F2022-17", 1800, 168),
        )
        lines = document_lines([layer])
        assert [cell.text for cell in lines[0].cells] == ["Acme Ltd", "INVOICE No:", "F2022-17"]
        assert lines[1].text == "Total 5.00"

    def test_hebrew_row_reads_right_to_left(self) -> None:
        layer = page(("37212", 300, 400), ("מספר מסמך", 1500, 400), rtl=True)
        assert [cell.text for cell in document_lines([layer])[0].cells] == ["מספר מסמך", "37212"]


class TestSpots:
    """A label's value is found inline, in the next cell, or in the cell under it."""

    def test_value_under_the_label_in_a_grid(self) -> None:
        layer = page(
            ("Date", 200, 400),
            ("Invoice No.", 800, 400),
            ("Customer", 1400, 400),
            ("01/02/2025", 200, 450),
            ("A-5531", 800, 450),
            ("Client Co", 1400, 450),
        )
        lines = document_lines([layer])
        start = lines[0].text.index("Invoice No.")
        spots = spots_after_label(lines, lines[0], start, start + len("Invoice No."))
        assert [(spot.relation, spot.text) for spot in spots] == [
            ("next_cell", "Customer"),
            ("below", "A-5531"),
        ]

    def test_invoice_number_under_its_label_in_hebrew(self) -> None:
        layer = page(
            ("לכבוד", 300, 420),
            ("תאריך", 900, 420),
            ("מספר מסמך", 1500, 420),
            ("ליאת אברהם", 300, 470),
            ("26/09/2025", 900, 470),
            ("37212", 1550, 470),
            rtl=True,
        )
        result = extract_with_rules([layer])
        assert result.invoice_number == "37212"

    def test_totals_row_under_a_header_row(self) -> None:
        layer = page(
            ("TOTAL HT", 1200, 2850),
            ("TOTAL TVA", 1600, 2850),
            ("TOTAL TTC", 2000, 2850),
            ("Payment within 30 days.", 100, 2880),
            ("100,00", 1200, 2920),
            ("4,90", 1600, 2920),
            ("104,90", 2000, 2920),
        )
        result = extract_with_rules([layer])
        assert (result.subtotal, result.vat_amount, result.total) == (100.0, 4.9, 104.9)

    def test_key_value_block_with_the_value_far_right(self) -> None:
        layer = page(
            ("Rechnungsnummer", 1200, 300),
            ("Acme GmbH", 100, 120),
            ("R-4471", 2000, 302),
            ("Gesamtbetrag", 1200, 900),
            ("99,00 EUR", 2000, 900),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_number, result.total) == ("R-4471", 99.0)


class TestTotalsDecision:
    """The triple that adds up with a plausible VAT rate wins; a sum row beats per-rate rows."""

    def test_amount_due_with_open_items_is_not_the_invoice_total(self) -> None:
        text = (
            "Versicherung AG\nUmsatzsteuerbefreit nach 220,00\nRechnungssumme ohne USt. 220,00\n"
            "Steuerbetrag 0,00\nBruttosumme 220,00\nZahlbetrag 440,00"
        )
        result = extract_with_rules([(1, text)])
        assert (result.subtotal, result.vat_amount, result.total) == (220.0, 0.0, 220.0)

    def test_sum_row_under_a_header_of_per_rate_rows(self) -> None:
        layer = page(
            ("Nettobetrag", 1200, 3000),
            ("MwSt-Betrag", 1600, 3000),
            ("Endbetrag", 2000, 3000),
            ("-4,85", 1200, 3040),
            ("-0,92", 1600, 3040),
            ("-5,77", 2000, 3040),
            ("-2,82", 1200, 3080),
            ("-0,20", 1600, 3080),
            ("-3,02", 2000, 3080),
            ("-7,67", 1200, 3120),
            ("-1,12", 1600, 3120),
            ("-8,79", 2000, 3120),
        )
        result = extract_with_rules([layer])
        assert (result.subtotal, result.vat_amount, result.total) == (-7.67, -1.12, -8.79)


class TestDatesByCell:
    """Each date label finds its own date, whatever the column order of a grid."""

    def test_due_date_column_before_the_invoice_date_column(self) -> None:
        layer = page(
            ("Due date", 200, 400),
            ("Invoice date", 800, 400),
            ("Delivered", 1400, 400),
            ("30/04/2025", 200, 450),
            ("01/04/2025", 800, 450),
            ("28/03/2025", 1400, 450),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2025-04-01", "2025-04-30")

    def test_another_dates_value_under_its_label_is_not_unlabelled(self) -> None:
        """A service period under its label, then the issue date whose label OCR lost: the
        period's first date is the period's, not the first unlabelled date on the page."""
        layer = page(
            ("Service Period", 1400, 400),
            ("01/11/2024 - 30/11/2024", 1400, 450),
            ("05/12/2024", 1400, 560),
            ("Total 5.00", 100, 900),
        )
        assert extract_with_rules([layer]).invoice_date == "2024-12-05"

    def test_unlabelled_period_is_not_the_issue_date(self) -> None:
        """Labels OCR lost: a range of dates is a period, the single date after it the issue date."""
        layer = page(
            ("01/05/2025 - 31/05/2025", 100, 400), ("12/05/2025", 900, 400), ("Total 5.00", 100, 900)
        )
        assert extract_with_rules([layer]).invoice_date == "2025-05-12"

    def test_two_columns_values_joined_in_one_cell(self) -> None:
        """OCR joined the values of two columns into one cell: each label takes the date under it."""
        words = [
            ocr_word("Billing", 600, 300, 0),
            ocr_word("Date", 700, 300, 0),
            ocr_word("Payment", 1000, 300, 0),
            ocr_word("Due", 1100, 300, 0),
            ocr_word("By", 1150, 300, 0),
            ocr_word("5th", 560, 360, 1),
            ocr_word("December", 610, 360, 1),
            ocr_word("2024", 720, 360, 1),
            ocr_word("|", 790, 360, 1),
            ocr_word("4th", 810, 360, 1),
            ocr_word("January", 860, 360, 1),
            ocr_word("2025", 960, 360, 1),
            ocr_word("Total", 100, 900, 2),
            ocr_word("5.00", 200, 900, 2),
        ]
        result = extract_with_rules([ocr_page(words)])
        assert (result.invoice_date, result.due_date) == ("2024-12-05", "2025-01-04")

    def test_header_labels_joined_in_one_cell_claim_no_date(self) -> None:
        """'Datum der Rechnung' and 'Lieferdatum' read as one cell: the date under it is not taken
        as the delivery date's (and so still read as the page's first date)."""
        layer = page(
            ("Datum der Rechnung Lieferdatum", 100, 400),
            ("21.10.25", 100, 450),
            ("16.10.25", 500, 450),
            ("Summe 5,00", 100, 900),
        )
        assert extract_with_rules([layer]).invoice_date == "2025-10-21"

    def test_change_due_is_no_due_date_label(self) -> None:
        """A receipt's 'Change Due' over its footer's date: the date is the receipt's, not a due date."""
        layer = page(
            ("Total 428.10", 100, 300),
            ("Change Due", 100, 350),
            ("21.90", 600, 350),
            ("2024-09-05 07:17 S75 T1", 100, 400),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2024-09-05", None)

    def test_label_joined_with_another_over_joined_values(self) -> None:
        """'Service Period | Due Date' read as one cell over '01/05/2025 - 31/05/2025 | 29/06/2025':
        the due date is the one under the due label's own words."""
        words = [
            ocr_word("Invoice", 100, 300, 0),
            ocr_word("Date", 200, 300, 0),
            ocr_word("Service", 600, 300, 0),
            ocr_word("Period", 700, 300, 0),
            ocr_word("|", 790, 300, 0),
            ocr_word("Due", 810, 300, 0),
            ocr_word("Date", 860, 300, 0),
            ocr_word("15/06/2025", 100, 360, 1),
            ocr_word("01/05/2025", 560, 360, 1),
            ocr_word("-", 690, 360, 1),
            ocr_word("31/05/2025", 710, 360, 1),
            ocr_word("|", 840, 360, 1),
            ocr_word("29/06/2025", 860, 360, 1),
            ocr_word("Total", 100, 900, 2),
            ocr_word("5.00", 200, 900, 2),
        ]
        result = extract_with_rules([ocr_page(words)])
        assert (result.invoice_date, result.due_date) == ("2025-06-15", "2025-06-29")

    def test_period_after_a_due_label_is_not_its_value(self) -> None:
        """Rows printed value then label, a service period in the next column: the due label's
        value is the date before it, not the period's first day."""
        layer = page(
            ("October 13, 2025", 100, 400),
            ("Date:", 600, 400),
            ("Service Period", 1100, 400),
            ("November 27, 2025", 100, 450),
            ("Payment Due By:", 600, 450),
            ("September 1, 2025 - September 30, 2025", 1100, 450),
            ("Total 5.00", 100, 900),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2025-10-13", "2025-11-27")

    def test_date_before_its_label_without_a_colon(self) -> None:
        """Rows printed value then label, the closing label read without its colon."""
        layer = page(
            ("25/01/2024", 100, 400),
            ("Order Date:", 600, 400),
            ("03/04/2024", 1100, 400),
            ("Due Date:", 1600, 400),
            ("03/02/2024", 100, 450),
            ("Invoice Date", 600, 450),
            ("Client Co", 1100, 450),
            ("A", 1600, 450),
            ("Total 5.00", 100, 900),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2024-02-03", "2024-04-03")


class TestInvoiceNumberPlacements:
    """The number beside its label on either side, under a bare 'Nº', and never another document's."""

    def test_rows_printed_value_then_label(self) -> None:
        layer = page(
            ("INV-48211", 100, 500),
            ("Inv. No:", 600, 500),
            ("37-453919-5", 1200, 500),
            ("VAT No.:", 1700, 500),
            ("Total 5.00", 100, 900),
        )
        assert extract_with_rules([layer]).invoice_number == "INV-48211"

    def test_hebrew_label_on_the_far_side(self) -> None:
        layer = page(
            ("עוסק מורשה 515747269", 1500, 300), ("7966812", 900, 300), ("מספר מסמך", 300, 300), rtl=True
        )
        assert extract_with_rules([layer]).invoice_number == "7966812"

    def test_address_beside_the_label_is_not_its_value(self) -> None:
        layer = page(
            ("מס' חשבונית", 1500, 550),
            ("שדרות רוטשילד 151, תל אביב", 300, 550),
            ("7737012", 1550, 610),
            rtl=True,
        )
        assert extract_with_rules([layer]).invoice_number == "7737012"

    def test_bare_number_sign_over_its_value(self) -> None:
        layer = page(
            ("Recibo", 100, 500),
            ("Nº", 100, 680),
            ("Fecha de emisión", 700, 680),
            ("A-18028", 100, 770),
            ("2 noviembre 2025", 700, 770),
        )
        assert extract_with_rules([layer]).invoice_number == "A-18028"

    @pytest.mark.parametrize("label", ["N2:", "N®", "N²:"])
    def test_bare_number_sign_as_ocr_reads_its_ordinal(self, label: str) -> None:
        # a till slip's 'Nº: 30/9722' scanned as 'N2: 30/9722'
        layer = page(("TICKET", 100, 300), ("Cajero: 40", 100, 400), (f"{label} 30/9722", 100, 500))
        assert extract_with_rules([layer]).invoice_number == "30/9722"

    def test_specks_between_the_label_and_its_number_before_the_next_label(self) -> None:
        # 'Document Number: | - | +. 16667 | Tax Number 519 855 472': the row's rest held a tax id label
        layer = page(
            ("Document Number:", 100, 300),
            ("-", 560, 300),
            ("+. 16667", 700, 300),
            ("Tax Number 519 855 472", 1300, 300),
            ("Total 5.00", 100, 900),
        )
        assert extract_with_rules([layer]).invoice_number == "16667"

    def test_n2_without_a_colon_is_no_label(self) -> None:
        layer = page(("TICKET", 100, 300), ("N2 30/9722", 100, 500))
        assert extract_with_rules([layer]).invoice_number is None

    def test_crumb_between_the_label_and_its_number_is_passed_over(self) -> None:
        # 'מספר: | 0/9 | 69427': a speck read as '0/9' in a cell of its own; and 'No: | 1.5 | 48211'
        words = [
            ocr_word("מספר:", 1400, 300, 0),
            ocr_word("0/9", 1200, 300, 0),
            ocr_word("69427", 900, 300, 0),
        ]
        assert extract_with_rules([ocr_page(words)]).invoice_number == "69427"
        layer = page(("Invoice No:", 100, 300), ("1.5", 500, 300), ("48211", 800, 300))
        assert extract_with_rules([layer]).invoice_number == "48211"

    def test_specks_around_a_label_after_its_value_are_passed_over(self) -> None:
        # a key/value grid printed 'value  label' on a scan: '2275473 | . | Nº documento: | _'
        words = [
            ocr_word("2275473", 180, 470, 0),
            ocr_word(".", 560, 490, 0),
            ocr_word("Nº", 860, 470, 0),
            ocr_word("documento:", 920, 470, 0),
            ocr_word("_", 2060, 470, 0),
            ocr_word("Total", 180, 1400, 1),
            ocr_word("5.00", 600, 1400, 1),
        ]
        assert extract_with_rules([ocr_page(words)]).invoice_number == "2275473"

    def test_weak_label_with_a_crumb_reads_the_next_cell(self) -> None:
        # 'Ref: -' | '-B882325' and 'מס' -' | '7731': a dash OCR made of a speck after the bare label
        layer = page(("Ref: -", 100, 300), ("-B882325", 500, 300), ("Total 5.00", 100, 900))
        assert extract_with_rules([layer]).invoice_number == "B882325"
        hebrew = page(("מס' -", 1500, 300), ("77310", 900, 300), ('סה"כ 5.00', 1500, 900), rtl=True)
        assert extract_with_rules([hebrew]).invoice_number == "77310"

    def test_the_invoice_a_receipt_pays_is_not_its_number(self) -> None:
        layer = page(("Sales Receipt", 1200, 120), ("RE-81620", 1200, 230), ("For invoice: 32550", 100, 900))
        assert extract_with_rules([layer]).invoice_number == "RE-81620"


class TestBidiMixedCells:
    """A Hebrew page's cell mixing Hebrew and Latin words reads right to left, Latin runs intact."""

    def test_latin_name_with_hebrew_legal_form(self) -> None:
        layer = page(('בע"מ Orion Consulting', 1500, 100), ("חשבונית מס", 200, 100), ('סה"כ 5.00', 200, 900))
        assert extract_with_rules([layer]).vendor_name == 'Orion Consulting בע"מ'


class TestTitleAndNeighbours:
    """A grid label beside a tax-id label still finds its own value; the title's cell lends its number."""

    def test_number_label_next_to_a_tax_id_label(self) -> None:
        layer = page(
            ("Rechnung Nr.", 177, 334),
            ("USt-ID", 1100, 334),
            ("F-30006", 177, 388),
            ("DE275300278", 1100, 388),
        )
        assert extract_with_rules([layer]).invoice_number == "F-30006"

    def test_number_under_the_receipt_title(self) -> None:
        layer = page(
            ("ברוש מערכות", 1838, 230),
            ("קבלה", 177, 208),
            ("רחוב ז'בוטינסקי 71", 1894, 324),
            ("6829834", 177, 321),
            ("בגין חשבונית 90801", 1976, 906),
            rtl=True,
        )
        big = [w.model_copy(update={"height": 84}) if w.text == "קבלה" else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).invoice_number == "6829834"


class TestCroppedTitles:
    """Large title print loses letters at a band's edge under OCR; what is left still names the type."""

    def test_cropped_titles(self) -> None:
        assert cropped_type("echnungskorrekt") == "credit_note"
        assert cropped_type("AX INVOICE") == "tax_invoice"
        assert cropped_type("actura simplificada") == "receipt"
        assert cropped_type("Acme") is None

    def test_cropped_title_is_neither_the_type_nor_the_vendor_wrongly(self) -> None:
        layer = page(("Vista Supplies Group", 100, 91), ("AX INVOICE", 1400, 91), ("Total 5.00", 100, 900))
        big = [w.model_copy(update={"height": 44}) if w.top == 91 else w for w in layer.words]
        result = extract_with_rules([layer.model_copy(update={"words": big})])
        assert (result.document_type, result.vendor_name) == ("tax_invoice", "Vista Supplies Group")


class TestMisreadTitles:
    """A whole title with a letter or two misread is still no vendor name."""

    def test_near_titles(self) -> None:
        assert misread_title("חשבע עסקה")  # 'חשבון עסקה'
        assert misread_title("Tax lnvoice")
        assert not misread_title("חשבונאות עסקית")
        assert not misread_title("Rimon Trading")
        assert not misread_title("קבלה")  # short titles are left to the exact patterns

    def test_a_misread_title_in_large_print_is_not_the_vendor(self) -> None:
        words = [  # each line's words left to right, as a Hebrew line is printed
            *ocr_words("עסקה חשבע", 900, 120, 0, height=48),
            *ocr_words("שירותים דקל", 100, 80, 1, height=30),
            *ocr_words("נתניה 148 הרצל רחוב", 100, 130, 2),
            *ocr_words('474.01 סה"כ', 100, 900, 3),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "דקל שירותים"


class TestLineItemCells:
    """A quantity cell and a price cell never merge into one space-grouped amount."""

    def test_quantity_beside_a_decimal_comma_price(self) -> None:
        layer = page(
            ("Leistung", 200, 1227),
            ("Anz.", 900, 1227),
            ("Preis", 1300, 1227),
            ("Summe", 1800, 1227),
            ("Kaffee", 200, 1312),
            ("1", 900, 1312),
            ("162,92", 1300, 1312),
            ("162,92", 1800, 1312),
        )
        items = extract_with_rules([layer]).line_items
        assert [(item.description, item.amount) for item in items] == [("Kaffee", 162.92)]


class TestUnknownNumberNoun:
    """A '<noun> No.' label we have no word for names the document's number, unless the noun is one of
    the other numbers an invoice prints."""

    def test_voucher_number(self) -> None:
        layer = page(
            ("Acme Ltd", 100, 100),
            ("Phone No.: 03-5551234", 100, 200),
            ("Voucher No.:", 100, 300),
            ("V-20931", 700, 300),
            ("Total 5.00", 100, 900),
        )
        assert extract_with_rules([layer]).invoice_number == "V-20931"


class TestDueDateByPosition:
    def test_unknown_due_label_beside_the_invoice_date(self) -> None:
        layer = page(
            ("Acme Ltd", 100, 100),
            ("Invoice date: 01/04/2025", 100, 300),
            ("Settle before: 30/04/2025", 100, 350),
            ("Total 5.00", 100, 900),
        )
        result = extract_with_rules([layer])
        assert (result.invoice_date, result.due_date) == ("2025-04-01", "2025-04-30")


class TestMergedHeaderCells:
    """Two header labels OCR read as one cell: each label's value is the one under its own part."""

    def test_hebrew_number_label_sharing_a_cell_with_the_date_label(self) -> None:
        words = [
            ocr_word("הזמנה", 1500, 300, 0), ocr_word("מס'", 1440, 300, 0),
            ocr_word("חשבונית", 1150, 300, 0), ocr_word("מס", 1110, 300, 0), ocr_word("מספר", 1050, 300, 0),
            ocr_word("תאריך", 980, 300, 0), ocr_word("הוצאה", 910, 300, 0),
            ocr_word("270168", 1440, 340, 1), ocr_word("64095", 1120, 340, 1),
            ocr_word("08/06/25", 930, 340, 1),
        ]  # fmt: skip
        assert extract_with_rules([ocr_page(words)]).invoice_number == "64095"

    def test_english_number_label_sharing_a_cell_with_the_date_label(self) -> None:
        words = [
            ocr_word("Invoice", 100, 300, 0), ocr_word("No.", 196, 300, 0),
            ocr_word("Issue", 244, 300, 0), ocr_word("Date", 316, 300, 0),
            ocr_word("A-77", 100, 340, 1), ocr_word("08/06/2025", 220, 340, 1),
        ]  # fmt: skip
        assert extract_with_rules([ocr_page(words)]).invoice_number == "A-77"


class TestCaptionsOverAmounts:
    """A totals block printing each label alone over its amount, the amount at the block's far edge."""

    def test_captions_over_amounts_at_the_far_edge(self) -> None:
        layer = page(
            ("Description Qty Amount", 200, 300),
            ("Office desk 1 3,615.51", 200, 350),
            ("Amount excl. VAT", 1200, 500),
            ("3,615.51 USD", 1750, 540),
            ("VAT 20%", 1200, 600),
            ("723.10 USD", 1778, 640),
            ("Total due", 1200, 700),
            ("4,338.61 USD", 1750, 740),
        )
        extraction = extract_with_rules([layer])
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (3615.51, 723.10, 4338.61)
        assert extraction.confidence["total"] >= 0.9

    def test_a_lone_label_over_a_line_of_words_takes_nothing(self) -> None:
        layer = page(
            ("Office desk 1 3,615.51", 200, 350),
            ("Total due", 1200, 500),
            ("Payable within 30 days", 1500, 540),
        )
        lines = document_lines([layer])
        from invoiceme_extractor.rules.amount_candidates import candidates

        assert candidates(lines).get("total_strong", []) == []


class TestValuesJoinedUnderTheLabel:
    """A row of values under a row of labels, the last two values joined into one cell by OCR (the
    gap between the columns narrow): the number under its label is read past the dates beside it."""

    def test_the_number_after_a_period_in_one_cell(self) -> None:
        words = [
            *ocr_words("ACME TRADING LTD", 100, 100, 0, height=40),
            *ocr_words("Issue Date", 100, 300, 1),
            *ocr_words("Service Period", 650, 300, 1),
            *ocr_words("Invoice No.", 900, 300, 1),
            *ocr_words("22/12/2024", 100, 340, 2),
            *ocr_words("30/11/2024 - 1/11/2024 55059", 700, 340, 2),
            *ocr_words("Item Qty Price Amount", 100, 500, 3),
            *ocr_words("Consulting 1 100.00 100.00", 100, 540, 4),
            *ocr_words("Total 100.00", 100, 700, 5),
        ]
        assert extract_with_rules([ocr_page(words)]).invoice_number == "55059"

    def test_a_street_number_under_the_label_is_still_no_value(self) -> None:
        words = [
            *ocr_words("ACME TRADING LTD", 100, 100, 0, height=40),
            *ocr_words("Invoice No.", 900, 300, 1),
            *ocr_words("12 Long Harbour Road 151", 800, 340, 2),
            *ocr_words("Total 100.00", 100, 700, 3),
        ]
        assert extract_with_rules([ocr_page(words)]).invoice_number != "151"
