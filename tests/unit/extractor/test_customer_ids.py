"""A customer's block whose heading label OCR lost is still the customer's: its id line says so
('ח.פ. לקוח ...', or 'לקוח' read as Latin), and a customer label opening a long cell names its value."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.customer_ids import names_customer_id

from .wordbox import ocr_page, ocr_word, page


class TestCustomerIdLine:
    def test_the_customer_word_beside_a_number(self) -> None:
        assert names_customer_id("ח.פ. לקוח 51-249524-3")
        assert names_customer_id("Customer VAT No. GB123456789")
        assert names_customer_id("מס' לקוח 40213")

    def test_the_customer_word_read_as_latin_between_label_and_id(self) -> None:
        assert names_customer_id("ח.פ. nip? 51-249524-3")
        assert names_customer_id("ח.פ. mp) 51-249524-3")
        assert names_customer_id("ע.מ. nip’? 539594945")

    def test_the_issuers_own_id(self) -> None:
        assert not names_customer_id("ח.פ. 514321678")
        assert not names_customer_id("עוסק מורשה 536653249")
        assert not names_customer_id("פרטי לקוח:")  # a heading, no number
        assert not names_customer_id("VAT Reg. No. GB123456789")


def _minimal(customer_label: str, id_line: str):
    return page(
        ("חשבונית זיכוי", 200, 100),
        ("ת. חשבונית 08.09.2024", 600, 200),
        (customer_label, 1700, 400),
        ('גל שירותים בע"מ', 1500, 440),
        ("רחוב הרצל 170, נתניה", 1500, 480),
        (id_line, 1500, 520),
        ('סה"כ לתשלום 7,673.74', 200, 900),
        ("רימון שירותים בע\"מ | עוסק מורשה מס' 536653249", 700, 2100),
        rtl=True,
    )


class TestVendorBesideALostCustomerLabel:
    """The footer's issuer is the vendor, not the customer's block whose label OCR garbled."""

    def test_customer_label_read_as_garbage(self) -> None:
        for label, id_line in (
            ("Tiaa?", "ח.פ. לקוח 51-249524-3"),
            ("7197", "ח.פ. nip? 51-249524-3"),
        ):
            found = extract_with_rules([_minimal(label, id_line)])
            assert found.vendor_name == 'רימון שירותים בע"מ', (label, id_line)

    def test_the_label_read_right_still_works(self) -> None:
        assert extract_with_rules([_minimal("לכבוד", "ח.פ. 51-249524-3")]).vendor_name == 'רימון שירותים בע"מ'


class TestInlineCustomer:
    def test_a_speck_between_the_label_and_the_name(self) -> None:
        words = [
            ocr_word("תמר", 1900, 300, 0, height=40),
            ocr_word("שירותים", 1760, 300, 0, height=40),
            ocr_word("קבלה", 1900, 150, 1, height=30),
            ocr_word("הפקה:", 1300, 700, 2),
            ocr_word("ת.", 1370, 700, 2),
            ocr_word("30-10-2024", 1100, 700, 2),
            ocr_word("המזמין:", 800, 700, 2),
            ocr_word("פרטי", 900, 700, 2),
            ocr_word("a", 700, 700, 2),
            ocr_word("אלון", 560, 700, 2),
            ocr_word("טכנולוגיות", 420, 700, 2),
            ocr_word("בעמ", 360, 700, 2),
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_name == "תמר שירותים"


class TestStackedIdsAreNotOneBlock:
    """The issuer's id stacked right over the customer's ('EIN: …' over 'Client EIN: …') is no line
    of the customer's block: it stays the vendor's tax id."""

    def test_the_issuers_id_over_the_clients(self) -> None:
        layer = page(
            ("Summit & Bright LLC", 100, 100),
            ("Credit Memo", 100, 160),
            ("Ship Date", 100, 600),
            ("04/14/24", 100, 640),
            ("EIN: 37-2267108", 100, 700),
            ("Client EIN: 58-4483037", 100, 740),
            ("To:", 100, 800),
            ("Maple Trading LLC", 100, 840),
            ("Total 36,852.11", 100, 1400),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "372267108"
