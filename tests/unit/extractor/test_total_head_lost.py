"""A labelled total OCR read with its head lost ('לתשלום 06.94' for 2,506.94) does not veto the
amounts that net, VAT and a printed rate agree on: the total is theirs, not a gross before discount."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.rate_repair import head_lost

from .wordbox import page, rtl_ocr_page

TOTALS = [
    ('סה"כ ברוטו 2,520.80', 300, 600),
    ("הנחה 378.12-", 300, 650),
    ('סה"כ ללא מע"מ 2,142.68', 300, 700),
    ('מע"מ (17%) 364.26', 300, 750),
]
HEAD = [('אור בנייה בע"מ', 600, 50), ("חשבונית מס/קבלה 2026-7003", 400, 100), ("27 בספטמבר 2024", 500, 150)]


def test_a_total_whose_head_ocr_lost() -> None:
    fields = extract_with_rules([rtl_ocr_page(*HEAD, *TOTALS, ('לתשלום 06.94 ש"ח', 300, 800))])
    assert (fields.subtotal, fields.vat_amount, fields.total) == (2142.68, 364.26, 2506.94)


def test_only_a_tail_of_three_digits_or_more_read_by_ocr_is_ahead_lost() -> None:
    ocr_line = rtl_ocr_page(("לתשלום 06.94", 300, 800))
    lines = document_lines([ocr_line])
    assert head_lost(250694, (6.94, "06.94", lines[0]))
    assert not head_lost(250694, (0.94, ".94", lines[0]))  # the cents alone end too many amounts
    assert not head_lost(250694, (7.94, "07.94", lines[0]))  # another amount's end
    text_layer = document_lines([page(("לתשלום 06.94", 300, 800), rtl=True)])
    assert not head_lost(250694, (6.94, "06.94", text_layer[0]))  # the PDF's own characters
