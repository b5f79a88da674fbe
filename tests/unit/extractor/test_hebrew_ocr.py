"""Hebrew label words as OCR reads them: look-alike letters and a damaged gershayim still name
their field, and the pattern rewriting stays a regular expression that folds into bigger ones."""

from __future__ import annotations

import re

from invoiceme_extractor.rules import labels
from invoiceme_extractor.rules.amount_candidates import classify
from invoiceme_extractor.rules.hebrew_ocr import GERSHAYIM, as_ocr_reads


class TestRewriting:
    def test_idempotent_so_folded_patterns_stay_the_same(self) -> None:
        once = as_ocr_reads(r'סה"כ\s*לתשלום')
        assert as_ocr_reads(once) == once and GERSHAYIM in once

    def test_letters_inside_a_class_are_left_alone(self) -> None:
        assert as_ocr_reads(r"ל[כבנ]בו[דר](?![\u05d0-\u05ea])") == r"ל[כבנ]בו[דר](?![\u05d0-\u05ea])"

    def test_a_quote_that_is_no_gershayim_is_kept(self) -> None:
        rewritten = as_ocr_reads(r"n[\"'®²]\s*de")
        assert GERSHAYIM not in rewritten and re.fullmatch(rewritten, 'n" de')

    def test_latin_patterns_are_untouched(self) -> None:
        assert as_ocr_reads(r"invoice\s*(?:no|#)") == r"invoice\s*(?:no|#)"
        re.compile(as_ocr_reads(r'(?<![\u05d0-\u05ea])ח"פ'))


class TestDamagedLabels:
    def test_gershayim_read_as_two_yods(self) -> None:
        assert classify("מעיימ 17% 6,176.38") == "vat"
        assert classify('סה"כ ללא מעיימ 36,331.65') == "subtotal"

    def test_stray_yod_after_the_gershayim(self) -> None:
        assert classify('סה"יכ 5.00') == "total_plain"

    def test_gershayim_read_as_a_geresh(self) -> None:
        assert classify("סה'כ כולל מעיימ 72,885.91") == "total_strong"
        assert classify("סה'יכ כולל מע\"מ 416.32") == "total_strong"

    def test_nun_read_as_gimel(self) -> None:
        assert classify('סה"כ לפגי מע"מ 5.00') == "subtotal"

    def test_het_read_as_he_in_a_tax_id_label_and_a_date_label(self) -> None:
        assert labels.TAX_ID.search("ה.פ. 514321678")
        assert labels.DATE_INVOICE.search("02.03.2024 ת. השבונית:")
