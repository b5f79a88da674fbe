"""A title with a letter misread that OCR joined into one cell with the name printed beside it
('Levante Distribuciones shactura simplificada') still names the document's type by its last words."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.references import find_document_type

from .wordbox import ocr_page, ocr_words


def _type_of(top_cell: str) -> str | None:
    words = [
        *ocr_words(top_cell, 100, 40, 0),
        *ocr_words("F-51958 N° documento:", 800, 120, 1),
        *ocr_words("13 febrero 2025 Fecha de factura:", 800, 160, 2),
        *ocr_words("Facturar a", 100, 260, 3),
    ]
    found = find_document_type(document_lines([ocr_page(words)]))
    return found.value if found else None


def test_misread_title_after_the_name_in_one_cell() -> None:
    assert _type_of("Levante Distribuciones shactura simplificada") == "receipt"


def test_a_name_alone_names_no_type() -> None:
    assert _type_of("Levante Distribuciones Sevilla") == "invoice"  # 'Facturar a' and the labels say
