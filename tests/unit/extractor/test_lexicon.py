"""Label words beyond Hebrew and English: Spanish, French, German synonyms and OCR-damaged forms."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestSpanish:
    def test_invoice_fields(self) -> None:
        text = (
            "Distribuciones Sol S.L.\nNIF: ESB12345678\nFactura nº F-2024-118\nFecha de emisión: 03/05/2024\n"
            "Base imponible 1.000,00 €\nIVA 21% 210,00 €\nTotal a pagar 1.210,00 €"
        )
        result = extract(text)
        assert (result.invoice_number, result.invoice_date) == ("F-2024-118", "2024-05-03")
        assert (result.subtotal, result.vat_amount, result.total) == (1000.0, 210.0, 1210.0)
        assert result.vendor_tax_id == "ESB12345678"


class TestSynonyms:
    @pytest.mark.parametrize(
        ("line", "total"),
        [
            ("Montant TTC 118,00 €", 118.0),
            ("Zahlungsbetrag 99,00 EUR", 99.0),
            ("סכום לתשלום 590.00 ₪", 590.0),
            ("Tota1 Due 45.10", 45.1),
            ("Importe total 12,50 €", 12.5),
        ],
    )
    def test_total_labels(self, line: str, total: float) -> None:
        assert extract(f"Acme Ltd\n{line}").total == total

    @pytest.mark.parametrize(
        ("line", "number"),
        [("Número de factura: 2291", "2291"), ("lnvoice No. A-77", "A-77"), ("אסמכתא 90211", "90211")],
    )
    def test_invoice_number_labels(self, line: str, number: str) -> None:
        assert extract(f"Acme Ltd\n{line}\nTotal 10.00").invoice_number == number


class TestDocumentType:
    """The title names the type, in any of the five languages; the largest print is the title."""

    @pytest.mark.parametrize(
        ("title", "code"),
        [
            ("Kassenbon", "receipt"),
            ("REÇU", "receipt"),
            ("Ticket de caisse", "receipt"),
            ("Factura simplificada", "receipt"),
            ("Factura", "invoice"),
            ("Tax Invoice-Receipt", "tax_invoice_receipt"),
            ("Nota de crédito", "credit_note"),
            ("קבלה", "receipt"),
        ],
    )
    def test_titles(self, title: str, code: str) -> None:
        assert extract(f"{title}\nAcme Ltd\nTotal 5.00").document_type == code


class TestNumberAndDateForms:
    """French space-grouped amounts, Spanish month names, rates off the usual list, currency by tax id."""

    def test_space_grouped_amounts_with_decimal_comma(self) -> None:
        result = extract("Dupont SARL\nMontant HT 37 993,04\nTVA (20%) 7 598,61\nTotal TTC 45 591,65")
        assert (result.subtotal, result.vat_amount, result.total) == (37993.04, 7598.61, 45591.65)

    def test_spanish_written_dates(self) -> None:
        assert extract("Sol S.L.\nFecha: 22 de septiembre de 2025\nTotal 5,00 €").invoice_date == "2025-09-22"

    def test_rate_derived_off_the_standard_list(self) -> None:
        result = extract("Acme Ltd\nAmount excl. VAT 10,671.75\nVAT 2,454.50\nTotal 13,126.25")
        assert result.vat_rate == 0.23

    def test_currency_from_the_issuers_tax_id(self) -> None:
        result = extract("Acme Ltd\nVAT No. DE136695976\nTotal 5.00")
        assert result.currency == "EUR" and result.confidence["currency"] < 0.9


class TestOcrDamagedLabels:
    def test_due_date_without_umlauts(self) -> None:
        result = extract("Rhein e.K.\nDatum: 25. Januar 2025\nFallig am: 26. Marz 2025\nSumme 5,00 EUR")
        assert (result.invoice_date, result.due_date) == ("2025-01-25", "2025-03-26")

    def test_hebrew_number_label_with_words_swapped(self) -> None:
        assert extract('רימון בע"מ\nחשבונית: מס\' 2024-8863\nסה"כ 5.00').invoice_number == "2024-8863"


class TestOtherDates:
    """A delivery, order, shipping or service date printed before the invoice's own is not the issue
    date, in any of the five languages; the due date's synonyms name the due date."""

    @pytest.mark.parametrize(
        ("other", "issued"),
        [
            ("Date de livraison: 21/03/2024", "Date d'émission: 22/03/2024"),
            ("Date de commande 14/03/2024", "Date 22/03/2024"),
            ("Fecha de pedido: 05/03/2024", "Fecha: 22/03/2024"),
            ("Fecha de entrega 20/03/2024", "Fecha de emisión 22/03/2024"),
            ("Ship Date 21/03/2024", "Document Date 22/03/2024"),
            ("PO Date: 01/03/2024", "Date: 22/03/2024"),
            ("תאריך משלוח 21/03/2024", "תאריך 22/03/2024"),
            ("תאריך הזמנה: 10/03/2024", "ת. מסמך: 22/03/2024"),
            ("Période: 01/03/2024 - 31/03/2024", "Date: 22/03/2024"),
        ],
    )
    def test_other_date_first(self, other: str, issued: str) -> None:
        assert extract(f"Acme Ltd\n{other}\n{issued}\nTotal 10.00").invoice_date == "2024-03-22"

    @pytest.mark.parametrize(
        "due",
        [
            "תאריך יעד לתשלום 21/04/2024",
            "מועד אחרון לתשלום: 21/04/2024",
            "Payment Deadline: 21/04/2024",
            "Pay Before 21/04/2024",
            "Payable avant le 21/04/2024",
            "Pagar antes de: 21/04/2024",
            "Vence el 21/04/2024",
        ],
    )
    def test_due_labels(self, due: str) -> None:
        # an unlabelled date in the block too: the due date is not the one date after the issue date
        result = extract(f"Acme Ltd\n{due}\nDate: 22/03/2024\n25/03/2024 10:15\nTotal 10.00")
        assert (result.invoice_date, result.due_date) == ("2024-03-22", "2024-04-21")

    @pytest.mark.parametrize("issued", ["Émise le 22/03/2024", "Emitida el 22/03/2024"])
    def test_issued_on_labels(self, issued: str) -> None:
        result = extract(f"Acme Ltd\n20/03/2024 10:15\n{issued}\nTotal 10.00")
        assert result.invoice_date == "2024-03-22"

    def test_day_read_as_a_letter_before_a_written_month(self) -> None:
        """'le S janvier 2024': OCR read the day 5 as an S; the month name and the year make it a date."""
        result = extract("Acme SARL\nDate d'émission : le S janvier 2024\nTotal 10,00 €")
        assert result.invoice_date == "2024-01-05"
