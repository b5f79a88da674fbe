"""A vowel point OCR set on a Hebrew letter ('סַה"כ' for סה"כ) is dropped: the table's header is still
read as one, and its items with it; the maqaf, a hyphen, stays."""

from __future__ import annotations

from invoiceme_extractor.rules.line_items import find_line_items
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.text import normalize_line


def test_points_dropped_maqaf_kept() -> None:
    assert normalize_line('מק"ט תיאור יח\' סַה"כ שורה') == 'מק"ט תיאור יח\' סה"כ שורה'
    assert normalize_line("תל־אביב") == "תל־אביב"


def test_header_with_a_pointed_letter_still_heads_the_items() -> None:
    rows = [
        'מק"ט תיאור יח\' סַה"כ שורח',
        "54295 תחזוקה חודשית 1 23,514.91",
        "54426 דמי מנוי 10 3,186.50",
        "לתשלום =",
    ]
    lines = [Line(normalize_line(text), 1, i) for i, text in enumerate(rows)]
    assert [item.amount for item in find_line_items(lines)] == [23514.91, 3186.5]
