"""The Hebrew number label "מס'" as OCR reads it in Latin letters of the same shapes, in the page's
visual order ("'on": geresh, samekh, mem) beside the document's word: still the number's label."""

from __future__ import annotations

from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER
from invoiceme_extractor.rules.invoice_number import find_invoice_number
from invoiceme_extractor.rules.lines import document_lines


class TestNumberLabelReadAsLatin:
    def test_the_label_over_its_number(self) -> None:
        lines = document_lines([(1, "גל תקשורת\nמסמך 'on\n2025-2286\nתאריך 06-04-2024")])
        found = find_invoice_number(lines)
        assert found is not None and found.value == "2025-2286"

    def test_the_label_words(self) -> None:
        assert INVOICE_NUMBER.search("חשבונית מס 'on")
        assert INVOICE_NUMBER.search("on' חשבונית")
        assert INVOICE_NUMBER.search("'on חשבונית:")

    def test_english_on_is_no_label(self) -> None:
        assert not INVOICE_NUMBER.search("Based on' quote")
        assert not INVOICE_NUMBER.search("חשבונית מס Bacon' 12")


class TestNumberLabelVavLost:
    """'חשבונית מספר' with its thin vav lost on a photo and the space between the words too."""

    def test_the_label_still_names_the_number(self) -> None:
        assert INVOICE_NUMBER.search("חשבניתמספר")
        lines = document_lines([(1, "קבלה - מקור\nחשבניתמספר 55900\nתאריך 25/02/2025")])
        found = find_invoice_number(lines)
        assert found is not None and found.value == "55900"

    def test_the_title_alone_is_no_label(self) -> None:
        assert not INVOICE_NUMBER.search("חשבנית מס")
