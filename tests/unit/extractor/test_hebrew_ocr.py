"""Hebrew label words as OCR reads them: look-alike letters and a damaged gershayim still name
their field, and the pattern rewriting stays a regular expression that folds into bigger ones."""

from __future__ import annotations

import re

from invoiceme_extractor.rules import document_labels, extract_with_rules, party_labels
from invoiceme_extractor.rules.amount_candidates import classify
from invoiceme_extractor.rules.hebrew_ocr import (
    GERSHAYIM,
    as_ocr_reads,
    date_qualifier_lost,
    without_latin_tail,
)


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
        assert party_labels.TAX_ID.search("ה.פ. 514321678")
        assert document_labels.DATE_INVOICE.search("02.03.2024 ת. השבונית:")


class TestNamesInTheWrongScript:
    """A Hebrew word closing a name that OCR read as Latin lower case is debris, not the name."""

    def test_latin_tail_of_a_hebrew_name_is_dropped(self) -> None:
        assert without_latin_tail("נגה הנדסה nya") == "נגה הנדסה"

    def test_latin_head_of_a_hebrew_name_is_dropped(self) -> None:
        assert without_latin_tail('pox תקשורת בע"מ') == 'תקשורת בע"מ'
        assert without_latin_tail("pan תקשורת ושות'") == "תקשורת ושות'"
        assert without_latin_tail("ab תקשורת") == "ab תקשורת"  # one Hebrew word is too little a name
        assert without_latin_tail("Oz תקשורת ושות'") == "Oz תקשורת ושות'"  # a capitalised brand

    def test_a_logos_crumbs_before_a_hebrew_name_are_dropped(self) -> None:
        # a few marks each with a digit, a bracket or a Latin letter: no word of a name
        assert without_latin_tail('4ב (t גל סחר בע"ם') == 'גל סחר בע"ם'
        assert without_latin_tail("3M ישראל בעמ") == "3M ישראל בעמ"  # one token: a brand may be so
        assert without_latin_tail('גל סחר בע"מ') == 'גל סחר בע"מ'  # a two-letter brand is a word

    def test_vendor_with_a_latin_head_read_through_the_rules(self) -> None:
        text = 'pox תקשורת בע"מ\nחשבונית מס 5521\nתאריך: 08.08.2024\nסה"כ לתשלום 100.00'
        assert extract_with_rules([(1, text)]).vendor_name == 'תקשורת בע"מ'

    def test_latin_brands_and_english_names_are_kept(self) -> None:
        assert without_latin_tail('Cedar Consulting בע"מ') == 'Cedar Consulting בע"מ'
        assert without_latin_tail("נגה IT") == "נגה IT"
        assert without_latin_tail("Acme and Co") == "Acme and Co"

    def test_vendor_read_through_the_rules(self) -> None:
        text = 'נגה הנדסה nya\nחשבונית מס 5521\nתאריך: 08.08.2024\nסה"כ לתשלום 100.00'
        assert extract_with_rules([(1, text)]).vendor_name == "נגה הנדסה"


class TestLostDateQualifier:
    """'תאריך' whose qualifier OCR read as Latin ('תאריך mown' for 'תאריך משלוח') names no issue date
    over a clear issue-date label."""

    def test_a_lower_case_latin_word_after_the_label(self) -> None:
        assert date_qualifier_lost("תאריך mown 9 דצמבר 2024")
        assert date_qualifier_lost("תאריך: non 12/03/2025")
        assert not date_qualifier_lost("תאריך מסמך 12/03/2025")
        assert not date_qualifier_lost("תאריך Date 12/03/2025")  # printed in two languages
        assert not date_qualifier_lost("תאריך 12/03/2025")

    def test_a_short_hebrew_word_no_qualifier_is(self) -> None:
        assert date_qualifier_lost("תאריך לוה 17-11-2024")  # 'תאריך משלוח' cut and misread
        assert not date_qualifier_lost("תאריך ערך 17-11-2024")  # a value date: another date's label
        assert not date_qualifier_lost("תאריך הפקה 17-11-2024")
        assert not date_qualifier_lost("נערך בתאריך 15-11-2024")

    def test_the_clear_issue_label_wins_whatever_the_order(self) -> None:
        for lines in (
            ["תאריך mown 9 דצמבר 2024", "ת. מסמך: 10 דצמבר 2024"],
            ["ת. מסמך: 10 דצמבר 2024", "תאריך mown 9 דצמבר 2024"],
        ):
            text = "\n".join(['חשבונית מס 2025-5513 שקד הנדסה בע"מ', *lines, 'סה"כ לתשלום 1,170.00'])
            assert extract_with_rules([(1, text)]).invoice_date == "2024-12-10", lines

    def test_alone_it_still_gives_the_date(self) -> None:
        text = 'חשבונית מס 2025-5513 שקד הנדסה בע"מ\nתאריך non 10 דצמבר 2024\nסה"כ לתשלום 1,170.00'
        assert extract_with_rules([(1, text)]).invoice_date == "2024-12-10"


class TestHebrewDateLabels:
    """Hebrew date labels beyond the issue/due pair: a print date and a value date are other dates."""

    def test_print_and_value_dates_are_not_the_issue_date(self) -> None:
        for other in ("תאריך הדפסה", "הודפס בתאריך", "תאריך ערך"):
            text = "\n".join(
                [
                    'חשבונית מס 2025-5513 שקד הנדסה בע"מ',
                    f"{other}: 14/12/2024",
                    "תאריך חשבונית: 10/12/2024",
                    'סה"כ לתשלום 1,170.00',
                ]
            )
            assert extract_with_rules([(1, text)]).invoice_date == "2024-12-10", other

    def test_pay_by_phrasing(self) -> None:
        text = 'חשבונית מס 77 שקד הנדסה בע"מ\nתאריך: 10/12/2024\nיש לפרוע עד 09/01/2025\nסה"כ 5.00'
        assert extract_with_rules([(1, text)]).due_date == "2025-01-09"
