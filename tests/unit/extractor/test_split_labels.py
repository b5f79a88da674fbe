"""Labels OCR split or crumbled on a scan: an order date's label split over two cells ('Fecha' |
'pedid') is not the issue date's; a bare 'חשבונית' crumb does not outrank the longer title that
holds the same word in a more specific type."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.references import document_type_candidates

from .wordbox import ocr_page, ocr_words


def test_an_order_date_label_split_over_two_cells_is_not_the_issue_date() -> None:
    words = [
        *ocr_words("06-06-2024", 600, 100, 0),
        *ocr_words("Fecha", 900, 100, 0),
        *ocr_words("pedid", 1100, 100, 0),
        *ocr_words("29-06-2024", 600, 160, 1),
        *ocr_words("Fecha de emisión:", 900, 160, 1),
    ]
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2024-06-29"


def test_a_date_label_followed_by_an_unrelated_word_stays_the_issue_date() -> None:
    words = [*ocr_words("Fecha", 900, 100, 0), *ocr_words("Bilbao", 1100, 100, 0)]
    words += ocr_words("06-06-2024", 1400, 100, 0)
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2024-06-06"


def _first_type(words: list[OcrWord]) -> str:
    """The first document type read (words placed left to right: a Hebrew line's last word first)."""
    return next(document_type_candidates(document_lines([ocr_page(words)]))).value


def test_a_bare_invoice_crumb_does_not_outrank_a_specific_title_of_near_its_print() -> None:
    words = [
        *ocr_words('צוקים בנייה בע"מ', 100, 40, 0, height=33),
        *ocr_words("קכלה מס חשבונית", 400, 200, 1, height=15),
        *ocr_words("חשבונית. ית", 400, 260, 2, height=16),
    ]
    assert _first_type(words) == "tax_invoice_receipt"


def test_a_much_larger_invoice_title_still_wins() -> None:
    words = [
        *ocr_words('צוקים בנייה בע"מ', 100, 40, 0, height=33),
        *ocr_words("קכלה מס חשבונית", 400, 200, 1, height=10),
        *ocr_words("חשבונית. ית", 400, 260, 2, height=16),
    ]
    assert _first_type(words) == "invoice"


def test_a_date_label_beside_an_order_numbers_label_stays_the_issue_date() -> None:
    words = [
        *ocr_words("מס' הזמנה", 300, 100, 0),  # left to right: "הזמנה מס'" read right to left
        *ocr_words("תאריך", 900, 100, 0),
        *ocr_words("442748", 300, 160, 1),
        *ocr_words("2025 בפברואר 7", 900, 160, 1),
    ]
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2025-02-07"


def test_a_due_date_label_whose_second_word_ocr_read_as_its_own_line() -> None:
    words = [
        *ocr_words("חשבונית .ת", 700, 100, 0, height=9),
        *ocr_words("תאריך", 1190, 100, 0, height=9),
        *ocr_words("פירעון", 1100, 98, 1, height=13),
        *ocr_words("2024 בפברואר 28", 660, 130, 2),
        *ocr_words("2024 במרץ 29", 1080, 130, 2),
    ]
    issued, due = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert due is not None and due.value == "2024-03-29"
    assert issued is not None and issued.value == "2024-02-28"


def test_a_delivery_date_label_split_where_its_second_word_names_a_date_alone() -> None:
    # a side panel's stacked labels beside the items' rows (a photo of seed 27's panel layout)
    words = [
        *ocr_words("אספקה", 290, 662, 0, height=15),
        *ocr_words("תאריך", 393, 661, 0, height=16),
        *ocr_words("12.01.25", 343, 691, 1),
        *ocr_words("חשבונית ת.", 352, 843, 2, height=12),
        *ocr_words("13.01.25", 342, 872, 3),
    ]
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2025-01-13"
    assert issued is not None and issued.value == "2025-01-13"


def test_a_date_label_with_its_value_beside_it_is_not_joined_to_the_label_under_it() -> None:
    # 'Date: | le 14 mars 2024' over 'Période' (a service period's label): two rows' labels
    words = [
        *ocr_words("Date:", 100, 300, 0),
        *ocr_words("le 14 mars 2024", 400, 300, 0),
        *ocr_words("Période", 100, 330, 1),
        *ocr_words("le 1 mars 2024 - le 31 mars 2024", 100, 360, 2),
        *ocr_words("PAYÉ le 28 mars 2024", 100, 900, 3),
    ]
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2024-03-14"
