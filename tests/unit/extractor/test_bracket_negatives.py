"""A total printed in accounting brackets with its VAT or net bracketed too ('(1,443.46)', mirrored
')220.19(' on a right-to-left line) is negative: a document titled an invoice is a credit note."""

from __future__ import annotations

from invoiceme_extractor.rules import credit_by_sign
from invoiceme_extractor.rules.bracketed_amounts import negative_by_brackets
from invoiceme_extractor.rules.lines import Found, Line


def _found(value: float, raw: str, text: str, confidence: float = 0.85) -> Found:
    return Found(value, raw, Line(text, 1, 0), confidence)


_TOTAL = _found(1443.46, "1,443.46", 'סה"כ כולל מע"מ (1,443.46)')
_VAT = _found(220.19, "220.19", "מס ערך מוסף 18% )220.19(")


class TestBracketNegatives:
    def test_total_and_vat_in_brackets(self) -> None:
        assert negative_by_brackets(_TOTAL, [_VAT, None])

    def test_a_total_alone_in_brackets_or_a_restatement_is_no_sign(self) -> None:
        plain_vat = _found(220.19, "220.19", "מס ערך מוסף 18% 220.19")
        assert not negative_by_brackets(_TOTAL, [plain_vat])
        restated = _found(45.38, "45.38", "Total 176.00 (USD 45.38)")
        assert not negative_by_brackets(restated, [_found(7.0, "7.00", "VAT (USD 7.00)")])

    def test_the_invoice_title_becomes_a_credit_note(self) -> None:
        title = _found("tax_invoice", "חשבונית מס", "חשבונית מס", 0.86)
        credited = credit_by_sign(title, _TOTAL, [_VAT])
        assert credited is not None and credited.value == "credit_note"
        assert credit_by_sign(title, _TOTAL, []) is title
