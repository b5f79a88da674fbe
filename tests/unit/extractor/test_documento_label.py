"""'Nº documento:' with its 'Nº' lost into the phone number before it ('144 51482 documento:
FAC-80402'): 'documento:' after no word still labels the document's number; after a word
('Fecha documento:', 'Tipo de documento:') it names something else."""

from __future__ import annotations

from invoiceme_extractor.rules import document_labels


class TestDocumentoLabel:
    def test_after_a_number_it_labels_the_document_number(self) -> None:
        text = "Calle Mayor 174 | Teléfono +1 252 144 51482 documento: FAC-80402"
        assert document_labels.INVOICE_NUMBER.search(text)

    def test_after_a_word_it_does_not(self) -> None:
        assert not document_labels.INVOICE_NUMBER.search("Fecha documento: 27/04/2025")
        assert not document_labels.INVOICE_NUMBER.search("Tipo de documento: Factura")

    def test_after_the_hebrew_letter_a_photos_heb_eng_read_makes_of_its_n(self) -> None:
        # 'Nº documento:' on a dev photo read with heb+eng: the value before it, the 'Nº' as '"א'
        assert document_labels.INVOICE_NUMBER.search('F-51596 "א documento:')
        assert not document_labels.INVOICE_NUMBER.search("Número del documento: 4")
