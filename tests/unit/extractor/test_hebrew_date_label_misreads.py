"""Hebrew date labels as OCR damages their letters: a final kaf read as a final nun ('נערך בתארין'), the
ד of 'יש לשלם עד' read as ז or ר. The issue date and the due date keep their labels."""

from __future__ import annotations

from invoiceme_extractor.rules import document_labels, extract_with_rules
from invoiceme_extractor.rules.hebrew_ocr import as_ocr_reads


def test_a_final_kaf_may_be_read_as_a_final_nun() -> None:
    assert as_ocr_reads("תאריך") == "תארי[ךן]"
    assert as_ocr_reads(as_ocr_reads("תאריך")) == as_ocr_reads("תאריך")  # idempotent


def test_a_due_label_with_its_dalet_misread() -> None:
    assert document_labels.DATE_DUE.search("יש לשלם עז")
    assert document_labels.DATE_DUE.search("לשלם ער:")
    assert not document_labels.DATE_DUE.search("תשלום עזרה")  # another word


def test_issue_and_due_dates_under_damaged_labels() -> None:
    text = (
        'רימון מזון בע"מ\nחשבונית מס 384830\nיש לשלם עז\n31 במרץ 2025\nנערך בתארין\n30 בינואר 2025\n'
        'סה"כ ללא מע"מ 2,847.23\nמע"מ 512.50\nסך הכל לתשלום 3,359.73'
    )
    fields = extract_with_rules([(1, text)])
    assert (fields.invoice_date, fields.due_date) == ("2025-01-30", "2025-03-31")
