"""A till receipt whose '5' OCR read as '$' is not a US page when it names a goods and services tax
or a company form of a day-first country: its '04/12/2017' is 4 December."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.day_first_pages import names_day_first_country

_RECEIPT = "\n".join(
    [
        "NORTHWIND TRADING SDN BHD",
        "GST NO : 000123456789",
        "Receipt # CS00012345 Date: 04/12/2017",
        "Item A 2 x 10.00 20.00",
        "Total GST : 1.20",
        "Total : $21.20",
    ]
)


class TestDayFirstTaxPages:
    def test_a_gst_receipt_with_a_dollar_reads_day_first(self) -> None:
        assert extract_with_rules([(1, _RECEIPT)]).invoice_date == "2017-12-04"

    def test_a_company_form_alone_is_a_sign(self) -> None:
        assert names_day_first_country(["Acme Pte. Ltd.", "Total $5.00"])

    def test_a_us_page_stays_month_first(self) -> None:
        page = "Acme Inc.\nInvoice Date: 04/12/2017\nSales Tax 1.20\nTotal $21.20 USD"
        assert extract_with_rules([(1, page)]).invoice_date == "2017-04-12"

    def test_a_word_holding_the_letters_is_no_sign(self) -> None:
        assert not names_day_first_country(["Augsteiner GSTR Road", "Total $5.00"])
