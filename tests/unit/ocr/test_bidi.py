"""Hebrew from a PDF's text layer reads right to left, and backwards Hebrew is never passed on."""

from __future__ import annotations

import csv

import pytest

from bench.shared import EXTERNAL_DEV
from invoiceme_ocr import bidi
from invoiceme_ocr.reader import DocumentReader

from .conftest import pdf_bytes

EXTERNAL = EXTERNAL_DEV


class TestVisualToLogical:
    """A line as drawn, left to right, becomes the line as read."""

    @pytest.mark.parametrize(
        ("drawn", "read"),
        [
            ("4821 רפסמ סמ תינובשח", "חשבונית מס מספר 4821"),
            ("םילשורי ,102 ףוגנזיד", "דיזנגוף 102, ירושלים"),
            ('22,950.00 (מ"עמ ינפל) םייניב םוכס', 'סכום ביניים (לפני מע"מ) 22,950.00'),
            ('-12,260.20 םולשתל כ"הס', 'סה"כ לתשלום -12,260.20'),
            ('%18 מ"עמ', 'מע"מ 18%'),
            ("26/09/2025 ךיראת", "תאריך 26/09/2025"),
            ("08-2736698 'לט", "טל' 08-2736698"),
            ("DevOps יתוריש", "שירותי DevOps"),
            ("Tax Invoice No. 4821", "Tax Invoice No. 4821"),
            ("Invoice 4821 ןובשח", "Invoice 4821 חשבון"),
        ],
    )
    def test_line(self, drawn: str, read: str) -> None:
        assert bidi.visual_line_to_logical(drawn) == read

    def test_outward_brackets_are_detected(self) -> None:
        assert not bidi.brackets_face_inwards('סכום ביניים )לפני מע"מ(')
        assert bidi.brackets_face_inwards('סכום ביניים (לפני מע"מ)')
        assert bidi.brackets_face_inwards("1) item (note)")  # a list marker is not a mirrored pair


class TestReversedDetection:
    """Final letters (ם ן ך ף ץ) end words in Hebrew read the right way and start them backwards."""

    def test_backwards_text_is_detected(self) -> None:
        assert bidi.looks_reversed('םולשתל כ"הס ןוגרא םיתוריש')
        assert not bidi.looks_reversed('סה"כ לתשלום ארגון שירותים')

    def test_too_little_evidence_is_not_reversed(self) -> None:
        assert not bidi.looks_reversed("םולש")
        assert not bidi.looks_reversed("Invoice 4821")


class TestTextLayer:
    """PDF text layers with Hebrew come out in reading order, or go to OCR."""

    async def test_visual_order_pdf_is_read_in_reading_order(self, reader: DocumentReader) -> None:
        # How many generators write Hebrew: glyphs in the order they are drawn, left to right.
        drawn = ["4821 רפסמ סמ תינובשח", '-12,260.20 (מ"עמ ללוכ) םולשתל כ"הס', "םילשורי ,102 ףוגנזיד"]
        page = (await reader.read(pdf_bytes([drawn]))).pages[0]
        assert page.method == "text_layer"
        assert page.text.splitlines() == [
            "חשבונית מס מספר 4821",
            'סה"כ לתשלום (כולל מע"מ) -12,260.20',
            "דיזנגוף 102, ירושלים",
        ]
        first_line_words = [word.text for word in page.words if word.line == 0]
        assert first_line_words == ["חשבונית", "מס", "מספר", "4821"]

    async def test_backwards_drawn_hebrew_goes_to_ocr(self, reader: DocumentReader) -> None:
        # Logical order drawn left to right: the page itself shows backwards words, so the text
        # layer cannot be trusted; the page is OCR'd and says why.
        backwards = ["חשבונית מס מספר 4821 לתשלום סכום", "שלום עולם ארגון שירותים חשבון"]
        page = (await reader.read(pdf_bytes([backwards]))).pages[0]
        assert page.method == "ocr"
        assert "text layer Hebrew reads backwards; read by OCR" in page.notes


def _manifest() -> list[dict[str, str]]:
    with (EXTERNAL / "manifest.csv").open(encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if row["source"] == "hebrew_refaelcodes"]


@pytest.mark.skipif(not (EXTERNAL / "manifest.csv").exists(), reason="external-dev documents not present")
class TestExternalHebrewPdfs:
    """Real generator output with bidi damage: vendor, ids and signed totals read as printed."""

    async def test_known_values_in_reading_order(self, reader: DocumentReader) -> None:
        for row in _manifest():
            document = await reader.read((EXTERNAL / row["file"]).read_bytes())
            text = document.text
            assert document.method == "text_layer"
            assert row["vendor"] in text, row["file"]
            assert row["vat_id"] in text and row["invoice_number"] in text
            total = float(row["total_num"])
            assert f"{total:,.2f}" in text, (row["file"], total)  # "-12,260.20", not "12,260.20-"
            assert '(לפני מע"מ)' in text and ") לפני" not in text
            assert not bidi.looks_reversed(text)
