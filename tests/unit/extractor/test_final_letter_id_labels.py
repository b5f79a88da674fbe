"""'ע.מ.' and 'ח.פ.' with their last letter read in its final form, as OCR reads a letter before a point
('ע.ם. הלקוח' on a dev scan): still the labels of an id; 'עם' (with) is a word, not a label."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import party_labels


class TestFinalLetterIdLabels:
    @pytest.mark.parametrize("text", ["ע.ם. הלקוח", "ע.ם. 512345678", "ח.ף. 512345678", "ע. ם 512345678"])
    def test_labels(self, text: str) -> None:
        assert party_labels.TAX_ID.search(text)

    @pytest.mark.parametrize("text", ["עם הלקוח", "נפגשנו עם דני", "עםם", "סוף.ף"])
    def test_words(self, text: str) -> None:
        assert not party_labels.TAX_ID.search(text)
