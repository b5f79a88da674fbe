"""The OCR benchmark on documents nobody on the team wrote (../shared/data/external-dev):
printed key values found in the text, plain Tesseract / PDFium as-is vs our path."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pypdfium2
import pytesseract

from bench.shared import EXTERNAL_DEV
from invoiceme_ocr.engine import OcrOptions, clean_text
from invoiceme_ocr.images import decode_frame
from invoiceme_ocr.pdf import read_pdf_page

from .measure import OPTIONS, PLAIN_CONFIG, run_in_pool

EXTERNAL = EXTERNAL_DEV


def manifest(source: str) -> list[dict[str, str]]:
    with (EXTERNAL / "manifest.csv").open(encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if row["source"] == source]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _receipt_texts(path: str) -> tuple[str, str]:
    data = Path(path).read_bytes()
    gray = decode_frame(data, 0, OPTIONS)
    plain = pytesseract.image_to_string(gray, lang="eng", config=" ".join(PLAIN_CONFIG))
    ours = read_receipt(gray)
    return clean_text(plain), ours


def read_receipt(gray) -> str:  # type: ignore[no-untyped-def]  # numpy image, untyped in bench
    from invoiceme_ocr.tesseract import ocr_image

    return ocr_image(1, gray, OcrOptions(languages="eng")).text


def receipts(limit: int) -> dict[str, object]:
    """SROIE scanned receipts (English): how often the printed total and vendor appear in the text."""
    rows = manifest("sroie")[:limit]
    texts = run_in_pool(_receipt_texts, [str(EXTERNAL / row["file"]) for row in rows])
    found = {"plain": {"total": 0, "vendor": 0}, "ours": {"total": 0, "vendor": 0}}
    for row, pair in zip(rows, texts, strict=True):
        total = f"{float(row['total_num']):.2f}"
        for name, text in zip(("plain", "ours"), pair, strict=True):
            found[name]["total"] += total in text.replace(",", "")
            found[name]["vendor"] += _squash(row["vendor"]) in _squash(text)
    return {"receipts": len(rows), **found}


def hebrew_pdfs() -> dict[str, object]:
    """Israeli PDFs with a bidi-damaged text layer: key values readable as printed, PDFium as-is vs ours."""
    checks = {"pdfium_as_is": 0, "ours": 0}
    total_checks = 0
    for row in manifest("hebrew_refaelcodes"):
        data = (EXTERNAL / row["file"]).read_bytes()
        raw = clean_text(pypdfium2.PdfDocument(data)[0].get_textpage().get_text_bounded())
        ours = read_pdf_page(data, 0, OPTIONS).text
        expected = [
            row["vendor"],
            row["vat_id"],
            row["invoice_number"],
            f"{float(row['total_num']):,.2f}",
            'סכום ביניים (לפני מע"מ)',
        ]
        total_checks += len(expected)
        for value in expected:
            checks["pdfium_as_is"] += value in raw
            checks["ours"] += value in ours
    return {"files": len(manifest("hebrew_refaelcodes")), "checks": total_checks, **checks}
