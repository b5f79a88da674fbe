"""A samekh OCR read as a final mem ('חשבונית מם') or as a tet ('טה"כ 165.40'): label and title
patterns accept both readings, as they accept a pe."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, labels
from invoiceme_extractor.rules.hebrew_ocr import as_ocr_reads


class TestSamekhLookalikes:
    def test_the_pattern_reads_final_mem_and_tet(self) -> None:
        assert as_ocr_reads("מס") == "מ[ספםט]"
        assert as_ocr_reads(as_ocr_reads("סה")) == as_ocr_reads("סה")  # idempotent

    def test_a_total_label_with_a_tet(self) -> None:
        assert labels.TOTAL_PLAIN.search('טה"כ 165.40') or labels.TOTAL_STRONG.search('טה"כ 165.40')

    def test_a_tax_invoice_title_with_a_final_mem(self) -> None:
        text = 'אור הנדסה\nחשבונית מם 71265\nסכום ביניים 100.00\nמע"מ 18% 18.00\nסה"כ לתשלום 118.00'
        assert extract_with_rules([(1, text)]).document_type == "tax_invoice"

    def test_the_rounded_total_under_a_tet_label(self) -> None:
        text = (
            "שקד בנייה בעמ\nקבלה\nקפה ועוגה 48.36\nתיקון מזגן 117.00\n"
            'סה"כ לפני עיגול 165.36\nעציב ול 0.04\nטה"כ 165.40\nהסכומים בש"ח'
        )
        assert extract_with_rules([(1, text)]).total == 165.40
