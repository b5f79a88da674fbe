"""A receipt whose number OCR lost: the cheque number in its payments table, beside the payment's
date under the table's header ('Forma de pago | Banco | N° cheque | Fecha | Importe' over 'Cheque |
12 | 10069 | 05-01-2025 | 15203726'), is no document number read beside the document's date."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unlabelled_invoice_number import numbers_beside_the_date

from .wordbox import ocr_page, ocr_words

_HEADER = (("Forma de pago", 200), ("Banco", 600), ("Cheque", 900), ("Fecha", 1200), ("Importe", 1600))
_ROW = (("Cheque", 200), ("12", 600), ("10069", 900), ("05-01-2025", 1200), ("15203726", 1600))


def _codes(with_header: bool) -> list[str]:
    words = ocr_words("Mar Construcciones S.L. TICKET", 150, 160, 0)
    if with_header:
        for text, left in _HEADER:
            words += ocr_words(text, left, 800, 1)
    for text, left in _ROW:
        words += ocr_words(text, left, 900, 2)
    return [reading.value for reading in numbers_beside_the_date(document_lines([ocr_page(words)]))]


class TestPaymentRowNumberNotDocuments:
    def test_a_number_beside_a_payments_date_is_none(self) -> None:
        assert "10069" not in _codes(with_header=True)

    def test_without_the_header_the_row_is_the_documents_values(self) -> None:
        assert "10069" in _codes(with_header=False)
