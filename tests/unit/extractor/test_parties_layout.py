"""Vendor tax id and customer blocks on pages with word boxes: the issuer's id, never the customer's."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids

from .wordbox import page


class TestTaxIdCandidates:
    """Every id-shaped token competes; labels, shape, check digits and blocks decide."""

    def test_spaced_french_vat_number(self) -> None:
        assert eu_vat_ids("N° TVA : FR 11 123 456 782 Contact") == ["FR 11 123 456 782"]

    def test_customer_column_beside_the_vendor_column(self) -> None:
        layer = page(
            ("Seller", 100, 200),
            ("Bill to", 1300, 200),
            ("Acme Trading Ltd", 100, 250),
            ("Client Co GmbH", 1300, 250),
            ("VAT No: DE136695976", 1300, 300),
            ("VAT No: FR11123456782", 100, 300),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "FR11123456782"

    def test_label_naming_the_customer(self) -> None:
        layer = page(
            ("Au bon moulin SARL", 100, 100),
            ("TVA : FR11999999998", 100, 150),
            ("N° TVA client", 100, 900),
            ("FR90343434346", 700, 900),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "FR11999999998"

    def test_seller_block_id_beats_a_buyer_block_further_down(self) -> None:
        rows = [
            ("Verkäufer", 100, 1200),
            ("Name: Muster GmbH", 100, 1250),
            ("USt-IdNr.: DE136695976", 100, 1300),
            ("Käufer", 100, 1500),
        ]
        rows += [(f"Feld {i}: Wert", 100, 1550 + 50 * i) for i in range(8)]
        rows.append(("USt-IdNr.: DE123456788", 100, 1550 + 50 * 8))
        assert extract_with_rules([page(*rows)]).vendor_tax_id == "DE136695976"

    def test_hebrew_customer_block_under_lekvod(self) -> None:
        layer = page(
            ('אור בע"מ', 1500, 100),
            ("ח.פ 514321678", 1500, 150),
            ("לכבוד", 400, 300),
            ("ח.פ 513456782", 400, 350),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "514321678"


class TestVendorName:
    """The issuer's name: from its block in key/value form, or the largest name at the top."""

    def test_key_value_seller_block(self) -> None:
        rows = [
            ("Handelsrechnung Nr. 4471", 100, 100),
            ("Verkäufer", 100, 300),
            ("Nummer:", 100, 350),
            ("88888", 700, 350),
            ("Name:", 100, 400),
            ("Musterlieferant GmbH", 700, 400),
        ]
        assert extract_with_rules([page(*rows)]).vendor_name == "Musterlieferant GmbH"

    def test_larger_print_wins_over_a_body_line(self) -> None:
        layer = page(("Fresh Ideas", 100, 100), ("Acme Studio", 1200, 200), ("Invoice 2291", 100, 600))
        big = [
            w.model_copy(update={"height": 60, "width": w.width * 2}) if w.text in ("Acme", "Studio") else w
            for w in layer.words
        ]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == "Acme Studio"


class TestVendorNameDistractors:
    """Taglines, titles, labels and the customer's column are not the vendor."""

    def test_customer_label_left_vendor_column_right(self) -> None:
        layer = page(
            ("Customer:", 177, 209),
            ("Maple Trading", 1358, 192),
            ("North & Summit Ltd", 177, 272),
            ("VAT Reg. No. IE39119281", 1358, 291),
            ("Credit Memo", 900, 536),
        )
        assert extract_with_rules([layer]).vendor_name == "Maple Trading"

    def test_name_with_a_registration_year_beats_a_tagline(self) -> None:
        layer = page(("נגה מזון (1998)", 1500, 158), ("טעים כמו בבית", 1500, 335), rtl=True)
        big = [w.model_copy(update={"height": 90}) if w.top == 158 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == "נגה מזון (1998)"

    def test_receipt_payer_block_is_the_customer(self) -> None:
        layer = page(("רימון", 1500, 179), ("התקבל מאת", 1500, 535), ('הדר ייעוץ בע"מ', 1500, 588), rtl=True)
        assert extract_with_rules([layer]).vendor_name == "רימון"

    def test_a_title_is_not_a_name(self) -> None:
        layer = page(
            ("Sales Receipt", 1200, 100), ("Atlas Consulting Co.", 100, 120), ("Ref: 46075", 100, 400)
        )
        assert extract_with_rules([layer]).vendor_name == "Atlas Consulting Co."


class TestTaxIdForms:
    """Spaced Israeli ids, 'Reg. No.', an id printed before its label, and phone numbers kept out."""

    def test_spaced_company_number(self) -> None:
        assert extract_with_rules(
            [(1, "Cedar Group\nCompany No.: 527 709 281\nTotal 5.00")]
        ).vendor_tax_id == ("527709281")

    def test_registration_number_label(self) -> None:
        assert (
            extract_with_rules([(1, "Blue Works\nReg. No. 368271342\nTotal 5.00")]).vendor_tax_id
            == "368271342"
        )

    def test_id_before_its_label_and_a_phone_under_it(self) -> None:
        layer = page(
            ("535145643 ח.פ.", 1500, 3212),
            ('Vista Logistics בע"מ', 300, 3212),
            ("טלפון 09-7284585", 1450, 3270),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "535145643"

    def test_eu_vat_number_is_not_read_as_an_israeli_id(self) -> None:
        assert extract_with_rules([(1, "Muster GmbH\nUSt-ID DE315786608\nTotal 5.00")]).vendor_tax_id == (
            "DE315786608"
        )


class TestIdWithAnUnknownLabel:
    def test_business_id_on_an_english_page(self) -> None:
        assert extract_with_rules([(1, "Blue Works\nBusiness ID 514321678\nTotal 5.00")]).vendor_tax_id == (
            "514321678"
        )
