"""The digits OCR read of a damaged IBAN ('IBAN 11.55 3385 2868') are no amount of the 'Payable to:'
line that prints them: the line names what is paid, but states no total."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.id_context import without_iban_digits
from invoiceme_extractor.rules.lines import Line


def test_account_digits_after_iban_blanked() -> None:
    text = "Payable to: North & Orion Limited - IBAN 11.55 3385 2868"
    assert without_iban_digits(text).rstrip() == "Payable to: North & Orion Limited -"
    assert without_iban_digits("Total 1,234.00") == "Total 1,234.00"


def test_payable_line_with_a_damaged_iban_states_no_total() -> None:
    lines = [
        Line("Credit card 2025-04-16 11,267.00", 1, 0),
        Line("Payable to: North & Orion Limited - IBAN 11.55 3385 2868", 1, 1),
    ]
    assert "total_strong" not in candidates(lines)
