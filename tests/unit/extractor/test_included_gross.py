"""A total OCR misread below the VAT it includes: the gross of that VAT at its printed rate, where the
page prints it too, is the total (`included_gross`)."""

from __future__ import annotations

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words

ROWS = [
    "Montana Servicios S.L. Factura simplificada 2025-3370",
    "Fecha de emision 22 octubre 2025",
    "56822 Toner 5 376,00 1.880,00",
    "Total a pagar 150.00 EU",
    "IVA incluido 21% 326,28",
]


def _read(rows: list[str]) -> list[OcrPage]:
    words = [w for index, text in enumerate(rows) for w in ocr_words(text, 100, 100 + 60 * index, index)]
    return [ocr_page(words)]


def test_the_printed_gross_of_the_included_vat() -> None:
    fields = extract_with_rules(_read(ROWS))
    assert (fields.total, fields.vat_amount, fields.subtotal) == (1880.00, 326.28, 1553.72)


def test_no_printed_gross_leaves_the_total_as_read() -> None:
    rows = [row.replace("1.880,00", "1.870,00") for row in ROWS]
    assert extract_with_rules(_read(rows)).total != 1880.00
