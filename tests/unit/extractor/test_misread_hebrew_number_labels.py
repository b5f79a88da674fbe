"""Hebrew invoice-number labels as scans and photos misread them: a samekh read as pe ('מפ' חשבונית:'
for 'מס' חשבונית:', as in 'פך הכל'), and the geresh of מס' read as gershayim ('חשבונית מס מס"')."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import document_labels, extract_with_rules

from .wordbox import ocr_page, ocr_word


def _rtl(text: str, right: int, top: int, line: int) -> list[OcrWord]:
    """A Hebrew cell's words laid out right to left, ending at `right`."""
    words, x = [], right
    for part in text.split():
        x -= 12 * len(part)
        words.append(ocr_word(part, x, top, line))
        x -= 12
    return words


def _header_page(label: str) -> list[OcrWord]:
    return [
        *_rtl("חשבונית מס/קבלה", 1530, 300, 0),
        *_rtl(label, 1530, 400, 1),
        ocr_word("45733", 1200, 400, 1),
        *_rtl("רחוב הרצל 19, באר שבע", 400, 400, 1),
        *_rtl("תאריך חשבונית", 1530, 450, 2),
        ocr_word("24.02.2025", 940, 450, 2),
        *_rtl('# מק"ט', 1530, 800, 3),
        *_rtl("שם מוצר", 1240, 800, 3),
        *_rtl("סכום", 180, 800, 3),
        ocr_word("1", 1510, 850, 4),
        ocr_word("55142", 1370, 850, 4),
        *_rtl("הובלה", 1240, 850, 4),
        ocr_word("1,085.55", 130, 850, 4),
        *_rtl("סך הכל לתשלום", 1530, 900, 5),
        ocr_word("1,085.55", 1020, 900, 5),
    ]


class TestSamekhAsPe:
    def test_the_number_beside_a_misread_label(self) -> None:
        page = ocr_page(_header_page("מפ' חשבונית:"))
        assert extract_with_rules([page]).invoice_number == "45733"

    def test_the_number_beside_the_printed_label(self) -> None:
        page = ocr_page(_header_page("מס' חשבונית:"))
        assert extract_with_rules([page]).invoice_number == "45733"


class TestGereshAsGershayim:
    """'חשבונית מס מס"' (the geresh of מס' read as gershayim) over its number still labels it."""

    def test_the_label_with_gershayim(self) -> None:
        assert document_labels.INVOICE_NUMBER.search('חשבונית מס מס"')

    def test_the_number_under_it(self) -> None:
        text = 'ברוש שירותים\nחשבונית מס - מקור\nתאריך 02/03/2024\nחשבונית מס מס"\n2026-4984\nסה"כ 22,582.85'
        assert extract_with_rules([(1, text)]).invoice_number == "2026-4984"
