"""Scans and photos: OCR noise the rules undo with constraints (a VAT number's check digit and
shape, ruled lines read as characters, a party label that looks like a title)."""

from __future__ import annotations

import pytest

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import amounts_in
from invoiceme_extractor.rules.tax_ids import normalize_tax_id

from .wordbox import page


class TestVatNumberRepair:
    """Letters OCR reads for digits are undone when the check digit or the country's shape says so."""

    @pytest.mark.parametrize(
        ("read", "meant"),
        [
            ("DEI36695976", "DE136695976"),  # the check digit accepts only this reading
            ("DES06584775", "DE506584775"),  # German numbers are nine digits
            ("DES506584775", "DE506584775"),  # ... one letter too many: OCR invented it
            ("FR11123456782", "FR11123456782"),
            ("ATU12345678", "ATU12345678"),  # a letter the Austrian shape has
        ],
    )
    def test_reads(self, read: str, meant: str) -> None:
        assert normalize_tax_id(read) == meant


def _ocr(layer: OcrPage) -> OcrPage:
    return layer.model_copy(update={"method": "ocr"})


class TestRuledLines:
    """A table's ruled line read as '|' at the edge of a cell does not hide the cell's label."""

    def test_number_under_a_label_with_a_rule_before_it(self) -> None:
        layer = page(
            ("Atlantique Batiment SARL", 125, 150),
            ("Facture", 128, 348),
            ("Bon de commande", 142, 425),
            ("| Numéro", 477, 407),
            ("Date d'émission", 851, 424),
            ("Date d'échéance", 1205, 424),
            ("681417", 142, 487),
            ("81269", 496, 487),
            ("24 novembre 2024", 851, 486),
            ("24 décembre 2024", 1205, 485),
        )
        assert extract_with_rules([_ocr(layer)]).invoice_number == "81269"


class TestTitleIsNotAPartyLabel:
    """'Rechnungsempfänger' (the invoice's recipient) starts with 'Rechnung' but titles nothing."""

    @pytest.mark.parametrize("label", ["Rechnungsempfanger", "Rechnungsempfianger", "Rechnungsempfänger"])
    def test_credit_note_title_below_a_recipient_label(self, label: str) -> None:
        layer = page(
            (label, 130, 130),
            ("Falken Technik e.K.", 1050, 130),
            ("Rhein Service UG", 130, 175),
            ("GUTSCHRIFT 2024-2070", 560, 420),
            ("Belegdatum", 150, 500),
            ("8. August 2024", 150, 560),
        )
        result = extract_with_rules([layer])  # one print size: the label comes first
        assert (result.document_type, result.invoice_number) == ("credit_note", "2024-2070")


def _text(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestAmountsOcrDamaged:
    """Amounts whose sign or point OCR misread, restored by the arithmetic the page still holds."""

    def test_lost_point_after_a_currency_sign(self) -> None:
        assert _text("Acme Store\nNo. of items 15\nTOTAL ₪626 94\nThank you").total == 626.94

    def test_thousands_mark_read_as_a_colon(self) -> None:
        result = _text("Total HT\n-35 455,70\nMontant TVA\n-7:091,14\nMontant TTC\n42 546,84")
        assert (result.vat_amount, result.vat_rate) == (-7091.14, 0.2)
        assert amounts_in("Livraison 23:305,21 à 10:30 le 12:45") == [(23305.21, "23305,21")]

    def test_sign_read_as_one_in_subtotal_and_total_alike(self) -> None:
        # 116,889.53 + 2,871.22 = 119,760.75 adds up, but 2.5 % is no VAT rate; 17 % of 16,889.53 is
        result = _text('סה"כ ללא מע"מ 116,889.53\nמע"מ 2,871.22\nסה"כ כולל מע"מ 119,760.75')
        assert (result.subtotal, result.total, result.vat_rate) == (16889.53, 19760.75, 0.17)

    def test_total_line_lost_items_add_up_to_the_included_tax(self) -> None:
        result = _text(
            "Atlas Consulting Co.\nSubscription fee 3 2788.28 8364.84\nPrinter toner 3 16441.16 49323.48\n"
            "Monthly maintenance 2 20264.51 40529.02\nincl. VAT 23% 17658.48\nThank you"
        )
        # 8364.84 + 49323.48 + 40529.02 = 98217.34; x 23 / 123 = 18365.84 — not printed: no total
        assert result.total is None
        result = _text(
            "Atlas Consulting Co.\nSubscription fee 3 2788.28 8364.84\nPrinter toner 3 16441.16 49323.48\n"
            "Monthly maintenance 2 20264.51 40529.02\nincl. VAT 23% 18365.84\nThank you"
        )
        assert result.total == 98217.34


class TestCustomerBlockUnderOcr:
    """The customer's block stays the customer's when OCR damaged its label."""

    PAGE = (
        "חשבונית מס - מקור\nמס' מסמך: 8935879\nתאריך מסמך: 19/07/2025\n{label}\nרימון תקשורת ושות'\n"
        "רחוב ז'בוטינסקי 83, נתניה\nקומה 2\nאזור התעשייה\nמחלקת רכש\n{customer_id}\nהובלה 24,744.14\n"
        'סה"כ לתשלום 24,744.14\n535145643 חיפ. Vista Logistics בע"מ'
    )

    def test_damaged_lekhvod_heads_the_customer(self) -> None:
        result = _text(self.PAGE.format(label="לבבוד:", customer_id=""))
        assert result.vendor_name != "רימון תקשורת ושות'"

    def test_an_id_beside_the_word_customer_is_the_customers(self) -> None:
        result = _text(self.PAGE.format(label="לכבוד:", customer_id="ח.פ. לקוח 511630683"))
        assert result.vendor_tax_id == "535145643"


class TestIdsOfTheRightKind:
    """A number is the invoice's unless a check digit makes it an id; 'your VAT no.' is the customer's."""

    def test_nine_digits_failing_the_israeli_check_are_an_invoice_number(self) -> None:
        result = _text("ELEKTRON Industrieservice GmbH\nBaurechnung (204) Nr. 181301674 vom 25.04.2018")
        assert result.invoice_number == "181301674"

    def test_your_vat_number_is_the_customers(self) -> None:
        result = _text(
            "Lieferant GmbH\nIhr Zeichen: AB-312   Ihre USt.-IdentNr.: DE234567890\n"
            "Rechnung Nr. 471\nUSt-IdNr. DE123456789"
        )
        assert result.vendor_tax_id == "DE123456789"


class TestNumberWhoseLabelOcrLost:
    """The header's values without their labels: the code next to the date is the number."""

    def test_code_above_the_date_in_its_column(self) -> None:
        layer = page(
            ("RECEIPT", 1150, 150),
            ("70379", 870, 290),
            ("2024-07-16", 870, 400),
            ("Sold To", 110, 490),
            ("Granite Works Limited", 110, 530),
        )
        result = extract_with_rules([_ocr(layer)])
        assert (result.invoice_number, result.confidence["invoice_number"]) == ("70379", 0.45)

    def test_code_beside_the_date_in_its_row(self) -> None:
        layer = page(
            ("Recibo", 100, 100), ("fe", 100, 200), ("A-18028", 100, 260), ("2 noviembre 2025", 600, 260)
        )
        assert extract_with_rules([_ocr(layer)]).invoice_number == "A-18028"

    def test_a_phone_number_beside_the_date_is_not_it(self) -> None:
        layer = page(("Recibo", 100, 100), ("Tel 5551234", 100, 260), ("2 noviembre 2025", 600, 260))
        assert extract_with_rules([_ocr(layer)]).invoice_number is None

    def test_french_number_label_without_its_sign(self) -> None:
        assert (
            _text("Acme SARL\nde facture :\n20254\nDate de facture\n1 avril 2025").invoice_number == "20254"
        )


class TestCreditNoteUnderOcr:
    """A credit note whose title OCR damaged is still one: its title's stem, or its negative total."""

    def test_damaged_zikui_in_the_title(self) -> None:
        assert _text("חשבונית מס זיכבול\nמספר חשבונית 41622").document_type == "credit_note"

    def test_negative_total_that_adds_up_on_an_invoice_title(self) -> None:
        result = _text("Acme Ltd\nINVOICE\nSubtotal -1,000.00\nVAT 18% -180.00\nTotal -1,180.00")
        assert (result.document_type, result.total) == ("credit_note", -1180.0)

    def test_positive_total_stays_an_invoice(self) -> None:
        result = _text("Acme Ltd\nINVOICE\nSubtotal 1,000.00\nVAT 18% 180.00\nTotal 1,180.00")
        assert result.document_type == "invoice"


class TestMinusAfterTheAmount:
    """'6558.75-': a minus printed (or, in a right-to-left row, read) after the amount."""

    def test_credit_note_totals_with_trailing_minus(self) -> None:
        result = _text('רימון שירותים בע"מ\nסה"כ ללא מע"מ 6558.75-\nמע"מ 1114.99-\nלתשלום 7673.74-')
        assert (result.subtotal, result.vat_amount, result.total) == (-6558.75, -1114.99, -7673.74)


class TestStrayShekelSigns:
    """₪ that OCR invents on a page in another script does not outvote the page's own currency."""

    def test_repeated_marks_on_one_line_count_once(self) -> None:
        result = _text("Bright Co.\nSKU ]₪ Description | Unit Price ]₪₪ Ext. Price\nTotal ₪ 6,296.38 USD")
        assert result.currency == "USD"

    def test_a_lone_stray_mark_yields_to_the_issuers_country(self) -> None:
        result = _text("Dupont Conseil SAS\nN° TVA: FR40303265045\nNet à payer ₪ ₪ ₪ 4 876,18")
        assert result.currency == "EUR"


class TestItemsTotalIsNoTotal:
    """'Items total' (the items' sum before a discount), its I read as T, l or 1, is no total."""

    @pytest.mark.parametrize("label", ["Items total", "Ttems total", "ltems total", "1tems total"])
    def test_the_total_after_the_discount(self, label: str) -> None:
        text = f"Summit Labs Ltd\nINVOICE\n6,204.56 {label}\n310.23- Less discount\n5,894.33 $ TOTAL"
        assert _text(text).total == 5894.33


class TestSubtotalLabelOcrDamaged:
    """'Zwischensumme' with its u read as i or ii: the net's label still, not the items' sum above it
    (the VAT's label misread too: the net is known by its own label only)."""

    @pytest.mark.parametrize("label", ["Zwischensumme", "Zwischensimme", "Zwischensiimme"])
    def test_the_net_under_its_label(self, label: str) -> None:
        rows = "Falken GmbH\nRechnung 4471\nSumme Positionen 9.319,92\n"
        result = _text(rows + f"{label} 8.853,92\nUSK. 19% 1.682,24\nSumme 10.536,16 EUR")  # USt. misread
        assert (result.subtotal, result.vat_amount) == (8853.92, 1682.24)
