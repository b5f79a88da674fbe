"""The rules on small text cases: each label, number form and date form."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import parse_amount
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.text import looks_visual_order, normalize_line, to_logical_order


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestAmounts:
    """Thousands separators, decimal commas and signs parse to the same number."""

    @pytest.mark.parametrize(
        ("raw", "value"),
        [
            ("1,234.56", 1234.56),
            ("1.234,56", 1234.56),
            ("1'234.50", 1234.5),
            ("12,50", 12.5),
            ("1,234", 1234.0),
            ("-1,180.00", -1180.0),
            ("(99.90)", -99.9),
            ("250", 250.0),
            ("12 500.00", 12500.0),
            ("5,048,13", 5048.13),  # OCR: '5.048,13' with its thousands point read as a comma
            ("1.060.11", 1060.11),
            ("1,234,567", 1234567.0),
        ],
    )
    def test_forms(self, raw: str, value: float) -> None:
        assert parse_amount(raw) == value

    @pytest.mark.parametrize(
        ("line", "total", "currency"),
        [
            ('סה"כ לתשלום 12,500.00 ₪', 12500.0, "ILS"),
            ('לתשלום: 980.50 ש"ח', 980.5, "ILS"),
            ("Total NIS 1,050.00", 1050.0, "ILS"),
            ("Amount Due $3,210.99", 3210.99, "USD"),
            ("Grand Total € 1.234,56", 1234.56, "EUR"),
            ("Gesamtbetrag 99,00 EUR", 99.0, "EUR"),
            ("סה״כ כולל מע״מ 590.00 ₪", 590.0, "ILS"),
            ('לתשלום N"W6,377.85', 6377.85, "ILS"),  # OCR: ש"ח as Latin, glued to the amount
            ('לתשלום n"wi,084.23', 1084.23, "ILS"),  # ... and the amount's 1 read as i
        ],
    )
    def test_total_labels_and_currency_marks(self, line: str, total: float, currency: str) -> None:
        result = extract(f"Vendor Ltd\n{line}")
        assert (result.total, result.currency) == (total, currency)


class TestTotalsLogic:
    """Subtotal, VAT and total are chosen so they add up; amount due after a payment is not the total."""

    def test_subtotal_vat_total_in_english(self) -> None:
        result = extract("Acme Ltd\nSubtotal 1,000.00\nVAT 18% 180.00\nTotal 1,180.00")
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            1000.0,
            180.0,
            1180.0,
            0.18,
        )

    def test_hebrew_totals(self) -> None:
        result = extract('אור בע"מ\nסה"כ לפני מע"מ 2,000.00 ₪\nמע"מ 17% 340.00 ₪\nסה"כ לתשלום 2,340.00 ₪')
        assert (result.subtotal, result.vat_amount, result.total) == (2000.0, 340.0, 2340.0)

    def test_balance_due_after_payment_is_not_the_total(self) -> None:
        text = "Acme Ltd\nSubtotal 100.00\nVAT 20.00\nTotal 120.00\nPaid 50.00\nBalance due 70.00"
        assert extract(text).total == 120.0

    def test_missing_vat_is_derived(self) -> None:
        result = extract("Acme Ltd\nNet amount 200.00\nTotal 236.00")
        assert result.vat_amount == 36.0 and result.confidence["vat_amount"] < 0.7

    def test_total_lost_by_ocr_is_derived_from_subtotal_and_vat(self) -> None:
        result = extract('אור בע"מ\nסה"כ ללא מע"מ 1,000.00 ₪\nמע"מ 17% 170.00 ₪\nסה"כ כולל מע"מ 1 ש"ח')
        assert (result.subtotal, result.vat_amount, result.total) == (1000.0, 170.0, 1170.0)

    def test_vat_and_total_that_agree_through_a_rate_give_the_subtotal(self) -> None:
        result = extract("Acme Ltd\nSubtotal ...... garbled\nVAT 20% 200.00\nGrand Total 1,200.00")
        assert (result.subtotal, result.vat_amount, result.total) == (1000.0, 200.0, 1200.0)

    def test_small_sums_agreeing_by_chance_are_not_totals(self) -> None:
        result = extract("Acme Ltd\nRabatt netto 0.08\nMwSt 0.02\nGesamtbetrag 529.87")
        assert result.total == 529.87

    def test_vat_number_is_not_a_vat_amount(self) -> None:
        assert extract("Acme Ltd\nVAT No. 514321678\nTotal 50.00").vat_amount is None


class TestDates:
    """Numeric and written dates; the language and the page settle ambiguous day/month order."""

    @pytest.mark.parametrize(
        ("text", "iso"),
        [
            ("15/03/2025", "2025-03-15"),
            ("15.03.25", "2025-03-15"),
            ("2025-03-15", "2025-03-15"),
            ("March 15, 2025", "2025-03-15"),
            ("15 March 2025", "2025-03-15"),
            ("15-Mar-2025", "2025-03-15"),
            ("15 במרץ 2025", "2025-03-15"),
            ("15. März 2025", "2025-03-15"),
            ("ת. חשבונית: .02.03.2024", "2024-03-02"),  # a stray dot stuck to it
        ],
    )
    def test_forms(self, text: str, iso: str) -> None:
        assert dates_in(text)[0].value.isoformat() == iso

    def test_a_dot_after_a_digit_is_no_stray_dot(self) -> None:
        assert "2024-03-02" not in [d.value.isoformat() for d in dates_in("12.02.03.2024")]

    def test_ambiguous_date_is_day_first_in_hebrew(self) -> None:
        assert extract('חשבונית מס\nתאריך: 03/04/2025\nסה"כ 10.00 ₪').invoice_date == "2025-04-03"

    def test_ambiguous_date_is_month_first_for_us_dollars(self) -> None:
        assert extract("Acme Inc.\nInvoice Date: 03/04/2025\nTotal $10.00").invoice_date == "2025-03-04"

    def test_unambiguous_date_on_page_decides_the_order(self) -> None:
        text = "Acme Inc.\nInvoice Date: 03/04/2025\nDue Date: 12/28/2025\nTotal $10.00"
        assert extract(text).invoice_date == "2025-03-04"

    def test_due_date_is_told_apart(self) -> None:
        result = extract("Acme Ltd\nDue Date: 30/04/2025\nInvoice Date: 01/04/2025\nTotal 5.00")
        assert (result.invoice_date, result.due_date) == ("2025-04-01", "2025-04-30")


class TestIdentifiers:
    """Invoice, tax and allocation numbers from their labels; the vendor's id, not the customer's."""

    @pytest.mark.parametrize(
        ("line", "number"),
        [
            ("Invoice No. INV-2025-001", "INV-2025-001"),
            ("Invoice #: 4471", "4471"),
            ("Invoice Number: A-77", "A-77"),
            ("מספר חשבונית: 12345", "12345"),
            ("חשבונית מס מספר 8812", "8812"),
            ("Rechnungsnummer: R18-31", "R18-31"),
            ("‘on מסמך 90337 תאריך הפקה 12.06.25", "90337"),  # OCR lost "מס'" before "מסמך"
        ],
    )
    def test_invoice_number_labels(self, line: str, number: str) -> None:
        assert extract(f"Acme Ltd\n{line}\nTotal 10.00").invoice_number == number

    @pytest.mark.parametrize(
        ("line", "tax_id"),
        [
            ("ח.פ. 514321678", "514321678"),
            ("ע.מ: 51-432167-8", "514321678"),
            ("עוסק מורשה 514321678", "514321678"),
            ("VAT No. DE123456789", "DE123456789"),
            ("VAT No. FRO32688403", "FR032688403"),
            ("USt-IdNr.: DE 136 695 976", "DE136695976"),
        ],
    )
    def test_tax_id_labels(self, line: str, tax_id: str) -> None:
        assert extract(f"Acme Ltd\n{line}\nTotal 10.00").vendor_tax_id == tax_id

    def test_customer_tax_id_is_not_the_vendors(self) -> None:
        text = 'אור בע"מ\nח.פ. 514321678\nלכבוד\nגל סחר בע"מ\nח.פ. 520000001\nסה"כ 10.00 ₪'
        assert extract(text).vendor_tax_id == "514321678"

    def test_hebrew_id_whose_label_ocr_garbled(self) -> None:
        text = 'אור בע"מ\nרחוב הרצל 12, תל אביב\nny 514321678\nלכבוד\nגל סחר בע"מ\nסה"כ 10.00 ₪'
        assert extract(text).vendor_tax_id == "514321678"

    @pytest.mark.parametrize(
        "line",
        [
            "ny 514321679",  # fails the check digit
            "טל' 035551233",  # a landline number (passes the check digit)
            "מספר הקצאה 514321678",
        ],
    )
    def test_unlabelled_nine_digits_that_are_not_an_id(self, line: str) -> None:
        assert extract(f'אור בע"מ\nרחוב הרצל 12, תל אביב\n{line}\nסה"כ 10.00 ₪').vendor_tax_id is None

    def test_unlabelled_id_of_the_customer_is_not_the_vendors(self) -> None:
        text = 'אור בע"מ\nרחוב הרצל 12\nלכבוד\nגל סחר בע"מ\nny 514321678\nסה"כ 10.00 ₪'
        assert extract(text).vendor_tax_id is None

    def test_english_documents_need_a_label_or_a_check_digit_in_the_header(self) -> None:
        assert extract("Acme Ltd\nny 514321679\nTotal 10.00").vendor_tax_id is None  # check digit fails
        unlabelled = extract("Acme Ltd\nny 514321678\nTotal 10.00")  # an Israeli id, its label unknown
        assert unlabelled.vendor_tax_id == "514321678"
        assert unlabelled.confidence["vendor_tax_id"] <= 0.6

    def test_number_right_after_the_title(self) -> None:
        assert extract("TAX INVOICE 2024-117\nAcme Ltd\nTotal 5.00").invoice_number == "2024-117"
        assert extract("INVOICE\nAcme Ltd\nTotal 5.00").invoice_number is None

    def test_vendor_beside_a_joined_bill_to_column(self) -> None:
        result = extract(
            "INVOICE\nCedar Labs Ltd      Bill To: Atlas Trading LLC\nVAT No. GB123456789\nTotal 5.00"
        )
        assert result.vendor_name == "Cedar Labs Ltd"

    def test_allocation_number(self) -> None:
        assert extract('אור בע"מ\nמספר הקצאה: 123456789').allocation_number == "123456789"


class TestVendorAndType:
    """Vendor from the header (skipping titles, addresses and labels); document type from the title."""

    def test_vendor_skips_title_and_address(self) -> None:
        assert (
            extract("TAX INVOICE\n12 Harbor Road\nCedar Labs Ltd\nTotal 5.00").vendor_name == "Cedar Labs Ltd"
        )

    def test_vendor_from_seller_block(self) -> None:
        assert extract("Rechnung\nVerkäufer\nName: Muster GmbH\nTotal 5.00").vendor_name == "Muster GmbH"

    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("חשבונית מס", "tax_invoice"),
            ("חשבונית מס/קבלה", "tax_invoice_receipt"),
            ("קבלה", "receipt"),
            ("חשבונית זיכוי", "credit_note"),
            ("חשבונית עסקה", "invoice"),
            ("TAX INVOICE", "tax_invoice"),
            ("Credit Note", "credit_note"),
            ("INVOICE", "invoice"),
            ("RECEIPT", "receipt"),
        ],
    )
    def test_document_types(self, title: str, kind: str) -> None:
        assert extract(f"{title}\nAcme\nTotal 1.00").document_type == kind


class TestOcrLineRepairs:
    """OCR damage to Hebrew abbreviations is undone before any rule reads the line."""

    def test_doubled_gershayim(self) -> None:
        assert normalize_line("7,462.08 ש'\"ח 12 מע\"'מ") == '7,462.08 ש"ח 12 מע"מ'

    def test_shekel_as_latin_split_from_amount(self) -> None:
        assert normalize_line('N"W6,377.85 n*w 5 n"wi,084.23') == 'ש"ח 6,377.85 ש"ח 5 ש"ח 1,084.23'

    def test_english_words_kept(self) -> None:
        assert normalize_line('renew"s nh"w Now') == 'renew"s nh"w Now'


class TestVisualOrderHebrew:
    """A PDF text layer in visual order is turned back into reading order before parsing."""

    def test_reversed_line_is_detected_and_fixed(self) -> None:
        visual = 'םולשתל כ"הס 1,180.00'
        assert looks_visual_order(visual)
        assert to_logical_order(visual) == '1,180.00 סה"כ לתשלום'

    def test_extraction_reads_visual_order_text(self) -> None:
        assert extract('מ"עב רוא\n1,180.00 םולשתל כ"הס').total == 1180.0


class TestLineItems:
    """Table rows under a header, and receipt rows whose numbers multiply out."""

    def test_table_rows(self) -> None:
        text = (
            "Acme Ltd\nDescription Qty Unit Price Amount\nConsulting 2 150.00 300.00\nHosting 1 50.00 50.00\n"
            "Subtotal 350.00"
        )
        items = extract(text).line_items
        assert [(i.description, i.quantity, i.unit_price, i.amount) for i in items] == [
            ("Consulting", 2, 150.0, 300.0),
            ("Hosting", 1, 50.0, 50.0),
        ]

    def test_receipt_rows_with_the_name_above(self) -> None:
        text = "Shop\nCloud hosting\n3 x $10.00 $-30.00\nTraining\n1 x $5.00 $-5.00\nTotal $-35.00"
        items = extract(text).line_items
        assert [(i.description, i.amount) for i in items] == [("Cloud hosting", -30.0), ("Training", -5.0)]

    def test_one_price_rows_of_a_till_slip_count_beside_multiplied_ones(self) -> None:
        # One of an article prints as 'name price'; the run's multiplied row says it is the item list.
        text = (
            "Atlas Logistics LLC\nRegistration Number: 39-886329-0\nCashier: 35\n----------\n"
            "Network cable 36.00\nAC repair 4.00 EUR\nCleaning supplies\n3 x 21.00 63.00\nSandwich\n4.33\n"
            "Item count 6\nAmount Due 107.33\n----------\nVISA ****3840 107.33"
        )
        items = extract(text).line_items
        assert [(i.description, i.quantity, i.amount) for i in items] == [
            ("Network cable", None, 36.0),
            ("AC repair", None, 4.0),
            ("Cleaning supplies", 3, 63.0),
            ("Sandwich", None, 4.33),
        ]

    def test_one_price_rows_alone_are_not_items(self) -> None:
        # Without a header, a row that multiplies out or a total that is their sum, 'Delivery 12.00'
        # may be anything.
        text = "Shop\nDelivery 12.00\nService call 40.00\nTotal 60.00"
        assert extract(text).line_items == []

    def test_one_price_rows_that_add_up_to_the_total_are_items(self) -> None:
        # a till slip: each item once, no quantities, a count line, then the total they sum to
        text = "Shop\nTill: 5\nAC repair 36.49\nSandwich 31.00\nITEMS 2\nGrand Total 67.49 NIS\nCASH 100.00"
        items = extract(text).line_items
        assert [(i.description, i.amount) for i in items] == [("AC repair", 36.49), ("Sandwich", 31.0)]
        straight_on = "Shop\nDelivery 12.00\nService call 40.00\nTotal 52.00"
        assert [i.amount for i in extract(straight_on).line_items] == [12.0, 40.0]

    def test_a_date_range_is_no_item(self) -> None:
        # '2024-01-01 - 2024-01-31' read as 1 x -2024 = 2024 had closed the run before the table
        text = (
            "Shop\nService Period 2024-01-01 - 2024-01-31\nTax Point 2024-02-09\n"
            "Description Qty Unit Cost Amount\nCloud hosting 1 9,196.10 9,196.10\n"
            "Logo design 3 32.00 96.00\nBalance Due 9,292.10"
        )
        assert [i.description for i in extract(text).line_items] == ["Cloud hosting", "Logo design"]

    def test_a_currency_code_after_the_row_is_not_its_name(self) -> None:
        text = "Shop\nTraining session\n1 x 19.55 19.55 GBP\nA4 paper\n2 x 12.00 24.00 CHF\nTotal 43.55"
        items = extract(text).line_items
        assert [i.description for i in items] == ["Training session", "A4 paper"]

    def test_a_zero_is_no_factor(self) -> None:
        # 39 x 0 is not 886329 however large the tolerance a 'quantity' of 886329 would allow
        text = "Shop\nRegistration 39 886329 0\nTotal 10.00"
        assert extract(text).line_items == []

    def test_right_to_left_receipt_rows_put_the_amount_first(self) -> None:
        # A Hebrew slip prints the row's amount at its left end: the text reads amount, then qty x price.
        text = "חנות\nשירותי ייעוץ\n151.35 3 x 50.45\nעיצוב לוגו\n51.00 3 x 17.00\nסך הכל לתשלום 202.35"
        items = extract(text).line_items
        assert [(i.description, i.quantity, i.unit_price, i.amount) for i in items] == [
            ("שירותי ייעוץ", 3, 50.45, 151.35),
            ("עיצוב לוגו", 3, 17.0, 51.0),
        ]
