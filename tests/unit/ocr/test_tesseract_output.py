"""Tesseract's word table becomes words, lines and a page confidence (no Tesseract run needed)."""

from __future__ import annotations

from invoiceme_ocr.tesseract import page_from_tesseract


def _table(rows: list[tuple[int, int, int, str, float, int]]) -> dict[str, list]:
    """rows: (block, paragraph, line, text, confidence 0-100, left)."""
    columns: dict[str, list] = {
        key: []
        for key in ("block_num", "par_num", "line_num", "text", "conf", "left", "top", "width", "height")
    }
    for block, paragraph, line, text, confidence, left in rows:
        for key, value in zip(
            columns, (block, paragraph, line, text, confidence, left, 10 * line, 40, 20), strict=True
        ):
            columns[key].append(value)
    return columns


def test_words_grouped_into_lines_with_boxes() -> None:
    table = _table(
        [
            (1, 1, 1, "חשבונית", 91, 500),
            (1, 1, 1, "מס", 89, 400),
            (1, 1, 1, "", -1, 0),
            (1, 1, 2, "\u200eTotal", 96, 100),
            (1, 1, 2, "27,081.00\u200f", 80, 200),
            (2, 1, 1, "   ", 95, 0),
        ]
    )
    page = page_from_tesseract(3, table, 1000, 800, ["deskewed 2.0°"])
    assert page.text == "חשבונית מס\nTotal 27,081.00"  # bidi marks stripped, empty words dropped
    assert [word.line for word in page.words] == [0, 0, 1, 1]
    assert page.lines[1].left == 100 and page.lines[1].width == 140
    assert page.lines[0].confidence == 0.9
    assert page.number == 3 and page.notes == ["deskewed 2.0°"] and page.method == "ocr"
    # Page confidence weighs words by length: long confident words count more than short doubtful ones.
    assert 0.85 < page.confidence < 0.9


def test_empty_page() -> None:
    page = page_from_tesseract(1, _table([]), 100, 100, [])
    assert page.text == "" and page.words == [] and page.confidence == 0.0
