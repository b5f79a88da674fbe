"""Where OCR lost the title, the type is told by the rest of the page, and said to be a guess."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.damaged_titles import misread_type
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.untitled_type import GUESSED, tax_invoice_by_allocation


def _read(text: str) -> tuple[str | None, float | None]:
    extraction = extract_with_rules([(1, text)])
    return extraction.document_type, extraction.confidence.get("document_type")


class TestTitleLost:
    """Only a field's label names a type: the page's payment block or sign decides, at low confidence."""

    def test_a_number_label_alone_is_an_unsure_invoice(self) -> None:
        code, confidence = _read("Acme Ltd\nInvoice No. 4411\nDate 02/03/2024\nTotal 120.00")
        assert code == "invoice" and confidence is not None and confidence < 0.6

    def test_a_payment_block_makes_it_a_receipt(self) -> None:
        text = "Acme Ltd\nInvoice No. 4411\nTotal 120.00\nPayment method: Cash\nTotal paid 120.00"
        assert _read(text) == ("receipt", GUESSED)

    def test_a_hebrew_payment_block_makes_it_a_receipt(self) -> None:
        text = 'דקל שירותים בע"מ\nמספר חשבונית 5521\nמע"מ 18% 18.00\nסה"כ 118.00\nאמצעי תשלום: מזומן'
        assert _read(text) == ("receipt", GUESSED)

    def test_a_card_charged_at_the_till_makes_it_a_receipt(self) -> None:
        text = "Acme SA\nN° de facture: 46/3843\nDate de facturation: 29.11.24\nCB ****6991 114,03"
        assert _read(text) == ("receipt", GUESSED)

    def test_a_paid_stamp_alone_is_no_payment_block(self) -> None:
        code, _ = _read("Acme Ltd\nInvoice No. 4411\nTotal 120.00\nPAID\n03/03/2024")
        assert code == "invoice"

    def test_bank_details_for_paying_are_no_payment_block(self) -> None:
        code, _ = _read("Acme Ltd\nInvoice No. 4411\nTotal 120.00\nPayment details: IBAN GB29 NWBK 6016")
        assert code == "invoice"

    def test_a_negative_total_makes_it_a_credit_note(self) -> None:
        assert _read("Acme Ltd\nInvoice No. 4411\nTotal -120.00") == ("credit_note", GUESSED)


class TestTitleKept:
    """A title the page prints wins over any of that evidence."""

    def test_a_titled_tax_invoice_with_a_payment_line_stays_one(self) -> None:
        code, confidence = _read("TAX INVOICE\nAcme Ltd\nTotal 120.00\nPayment method: bank transfer")
        assert code == "tax_invoice" and confidence is not None and confidence >= 0.9


class TestLabelWords:
    """A type word inside a field's label is the label's, though the label's first word matched alone."""

    def test_a_date_label_with_the_type_word_after_its_first_word(self) -> None:
        code, confidence = _read("Acme SA\nDate de facturation: 29.11.24\nTotal 14,03")
        assert code == "invoice" and confidence is not None and confidence < 0.6

    def test_a_title_after_a_date_stays_a_title(self) -> None:
        code, confidence = _read("Acme SA\nDate 29.11.24 Facture\nTotal 14,03")
        assert code == "invoice" and confidence is not None and confidence >= 0.9


class TestMisreadTitle:
    """A whole title with a letter or two misread still names its type; other text does not."""

    def test_a_receipt_whose_bet_was_read_as_kaf(self) -> None:
        assert _read('חשבונית מס קכלה\nדקל בעמ\nסה"כ 118.00')[0] == "tax_invoice_receipt"

    def test_hebrew_titles(self) -> None:
        assert misread_type("חשבונית מם קבלה") == "tax_invoice_receipt"
        assert misread_type("חשבע עסקה") == "invoice"
        assert misread_type("חשבונית זיבוי") == "credit_note"

    def test_latin_titles(self) -> None:
        assert misread_type("CREDIT N0TE") == "credit_note"
        assert misread_type("Rcchnungskorrektur") == "credit_note"

    def test_other_words(self) -> None:
        assert misread_type("Acme Software Ltd") is None
        assert misread_type("תאריך מסמך") is None


class TestTaxInvoiceByAllocation:
    """An allocation number is issued for a tax invoice only: a bare 'חשבונית' title (its 'מס' read
    as Latin) or none is a tax invoice where one is printed; 'חשבונית עסקה' stays an invoice."""

    _ALLOCATION = Found("963640183", "963640183", Line("מספר אישור הקצאה: 963640183", 1, 20), 0.9)

    def test_a_bare_hebrew_invoice_title_is_a_tax_invoice(self) -> None:
        title = Found("invoice", "חשבונית DE", Line("חשבונית DE", 1, 0), 0.82)
        taken = tax_invoice_by_allocation(title, self._ALLOCATION)
        assert taken is not None and taken.value == "tax_invoice" and taken.confidence <= GUESSED

    def test_a_deal_invoice_or_no_allocation_stays(self) -> None:
        deal = Found("invoice", "חשבונית עסקה", Line("חשבונית עסקה", 1, 0), 0.9)
        assert tax_invoice_by_allocation(deal, self._ALLOCATION) is deal
        bare = Found("invoice", "חשבונית DE", Line("חשבונית DE", 1, 0), 0.82)
        assert tax_invoice_by_allocation(bare, None) is bare
