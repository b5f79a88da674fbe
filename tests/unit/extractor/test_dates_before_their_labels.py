"""A key/value row that prints each date before its label ('6 פברואר 2025 | תאריך חשבונית: | 16 פברואר
2025 | תאריך ערך', a fresh draw's born-digital Hebrew invoice, seed 46): the date after the invoice
label is the value date's, and the invoice's is the one before its label."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import page


def _row(first_label: str) -> list[tuple[str, int, int]]:
    return [
        ("חשבונית מס", 1900, 60),
        ("אלון טכנולוגיות בעמ", 1700, 140),
        ("6 פברואר 2025", 2082, 300),
        (first_label, 1335, 300),
        ("16 פברואר 2025", 942, 300),
        ("תאריך ערך", 600, 300),
        ('9,999.70 סכום לפני מע"מ', 1500, 800),
        ('1,799.95 מע"מ (18%)', 1500, 860),
        ('11,799.65 סה"כ לתשלום', 1500, 920),
    ]


def test_each_date_before_its_label() -> None:
    assert extract_with_rules([page(*_row("תאריך חשבונית:"), rtl=True)]).invoice_date == "2025-02-06"


def test_a_row_with_a_label_after_the_date_and_none_before() -> None:
    # no date before the invoice label: the one after it is its own, as before
    row = [unit for unit in _row("תאריך חשבונית:") if unit[0] != "6 פברואר 2025"]
    assert extract_with_rules([page(*row, rtl=True)]).invoice_date == "2025-02-16"
