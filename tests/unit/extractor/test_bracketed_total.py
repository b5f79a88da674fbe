"""A total printed in brackets, as accounts print a negative, on a page whose title OCR lost: a
credit note, said as a guess."""

from __future__ import annotations

from invoiceme_extractor.rules.bracketed_amounts import in_brackets
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.untitled_type import type_by_evidence


def _total(text: str, raw: str, value: float) -> Found:
    return Found(value, raw, Line(text, 1, 0), 0.8)


class TestBracketedTotal:
    def test_an_amount_in_brackets(self) -> None:
        assert in_brackets(_total("Total à payer (38 657,24) EUR", "38 657,24", 38657.24))
        assert in_brackets(_total("Total (€ 1,200.00)", "1,200.00", 1200.0))

    def test_a_rate_or_an_aside_in_brackets_is_not_the_amount(self) -> None:
        assert not in_brackets(_total("Total (incl. VAT) 1,200.00", "1,200.00", 1200.0))
        assert not in_brackets(_total("VAT (20%) 200.00", "200.00", 200.0))

    def test_an_untitled_page_with_a_bracketed_total_is_a_credit_note(self) -> None:
        total = _total("Total à payer (38 657,24) EUR", "38 657,24", 38657.24)
        found = type_by_evidence(None, [total.line], total)
        assert found is not None and found.value == "credit_note" and found.confidence < 0.6

    def test_a_titled_invoice_keeps_its_title(self) -> None:
        total = _total("Total à payer (38 657,24) EUR", "38 657,24", 38657.24)
        titled = Found("invoice", "FACTURE", Line("FACTURE", 1, 1), 0.9)
        assert type_by_evidence(titled, [total.line], total) == titled
