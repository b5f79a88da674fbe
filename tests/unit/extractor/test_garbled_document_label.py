"""A header cell 'Dokument-Nr.' whose abbreviation OCR garbled ('Dokument -wr') still labels the
number under it; a document word followed by another word does not."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.invoice_number import invoice_number_candidates
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


def _header(label: str) -> list[OcrWord]:
    return [
        *ocr_words("Falken Logistik UG", 78, 84, 0, height=28),
        *ocr_words("RECHNUNG", 855, 82, 0, height=28),
        *ocr_words(label, 88, 187, 1),
        *ocr_words("Datum", 500, 187, 1),
        *ocr_words("38037", 88, 215, 2),
        *ocr_words("2024-07-06", 500, 215, 2),
        *ocr_words("Rechnungsbetrag 21.592,20 EUR", 88, 600, 3),
    ]


class TestGarbledDocumentLabel:
    def test_a_garbled_abbreviation_after_the_document_word(self) -> None:
        assert extract_with_rules([ocr_page(_header("Dokument -wr"))]).invoice_number == "38037"

    def test_its_point_set_apart_from_the_garbled_abbreviation(self) -> None:
        words = [
            *ocr_words("Kassenbon", 88, 84, 0, height=28),
            *ocr_words("Dokument - זא .:", 88, 187, 1),
            *ocr_words("29/9114", 400, 187, 1),
            *ocr_words("Kasse: 11", 88, 215, 2),
        ]
        first = next(invoice_number_candidates(document_lines([ocr_page(words)])))
        assert (first.value, first.label) == ("29/9114", "Dokument - זא .:")

    def test_read_by_its_label(self) -> None:
        lines = document_lines([ocr_page(_header("Dokument -wr"))])
        first = next(invoice_number_candidates(lines))
        assert (first.value, first.label) == ("38037", "Dokument -wr")

    def test_the_document_word_and_another_word_is_no_label(self) -> None:
        lines = document_lines([ocr_page(_header("Dokument Seite"))])
        assert all(reading.label != "Dokument Seite" for reading in invoice_number_candidates(lines))
