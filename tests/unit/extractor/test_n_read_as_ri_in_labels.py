"""An n OCR read as 'ri' ('Balarice Due' for Balance Due) still names the total the line states."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify


def test_balance_due_with_its_n_read_as_ri() -> None:
    assert classify("Balarice Due 19054.86 $") == "total_strong"


def test_a_line_no_label_names_stays_unnamed() -> None:
    assert classify("Printer toner 2 12.00 24.00") is None
    assert classify("Carried by courier 12.00") is None
