"""Rows of a key/value grid printed 'value  label  value  label', as OCR damages them: a grid stroke
read as letters at no confidence ('me' at 0.00) between a value and its label is a crumb, and a
closing label whose "':" OCR read as '?' ('טל?') is still a label: the value before its label is found."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.geometry import is_crumb, looks_like_label
from invoiceme_extractor.rules.layout import Box, Cell

from .wordbox import ocr_page, ocr_word


def _grid(stroke_confidence: float) -> list[OcrWord]:
    return [
        ocr_word("חשבונית", 1300, 200, 0),
        ocr_word("זיכוי", 1200, 200, 0),
        ocr_word("82924", 2224, 390, 1),
        ocr_word("me", 1700, 390, 1, confidence=stroke_confidence),
        ocr_word("חשבונית:", 1350, 390, 1),
        ocr_word("מס.", 1460, 390, 1),
        ocr_word("02-8278405", 1019, 390, 1),
        ocr_word("טל':", 188, 390, 1),
        ocr_word("14/10/2024", 2150, 450, 2),
        ocr_word("חשבונית:", 1350, 450, 2),
        ocr_word("תאריך", 1460, 450, 2),
        ocr_word("לכבוד:", 188, 450, 2),
    ]


class TestUnreadCells:
    def test_letters_read_at_no_confidence_are_a_crumb(self) -> None:
        assert is_crumb(Cell("me", Box(0, 0, 30, 20), 20.0, 0.0))
        assert not is_crumb(Cell("me", Box(0, 0, 30, 20), 20.0, 0.6))
        assert not is_crumb(Cell("82924", Box(0, 0, 60, 20), 20.0, 0.0))  # digits are never a crumb

    def test_the_value_across_an_unread_stroke(self) -> None:
        assert extract_with_rules([ocr_page(_grid(0.0), width=2480)]).invoice_number == "82924"


class TestColonReadAsQuestionMark:
    """'טל':' read 'טל?' closing a row printed 'value  label  value  label': still a label, so the
    row's values stand before their labels."""

    def test_a_short_hebrew_label_ending_in_a_question_mark(self) -> None:
        assert looks_like_label("טל?")
        assert not looks_like_label("למה לא?? כי ככה")  # a sentence, not a label
        assert not looks_like_label("Questions?")

    def test_the_value_before_its_label_in_such_a_row(self) -> None:
        words = [
            ocr_word("חשבונית", 1300, 200, 0),
            ocr_word("זיכוי", 1200, 200, 0),
            ocr_word("82924", 2224, 390, 1),
            ocr_word("חשבונית:", 1350, 390, 1),
            ocr_word("מס.", 1460, 390, 1),
            ocr_word("02-8278405", 1019, 390, 1),
            ocr_word("טל?", 188, 390, 1),
        ]
        assert extract_with_rules([ocr_page(words, width=2480)]).invoice_number == "82924"
