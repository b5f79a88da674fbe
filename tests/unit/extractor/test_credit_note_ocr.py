"""A scanned credit note's totals block: the total's label 'סה"כ' read 'סה"ב' (its kaf as bet) still
labels the total, and a VAT whose minus OCR lost still gives the rate against the negative net."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amount_candidates import classify
from invoiceme_extractor.rules.printed_rate import rate_of

_BLOCK = 'חשבונית זיכוי\nסכום ביניים\n- 043.44\nמע"מ\n2,727.38-\nסה"ב\n18,770.82-'


class TestTotalLabelKafAsBet:
    def test_the_abbreviation_read_with_bet_labels_a_total(self) -> None:
        assert classify('סה"ב') == "total_plain"

    def test_only_the_abbreviation(self) -> None:
        assert classify('סה"בא') is None

    def test_the_total_and_net_of_a_credit_note(self) -> None:
        extraction = extract_with_rules([(1, _BLOCK)])
        assert extraction.total == -18770.82
        assert extraction.subtotal == -16043.44
        assert extraction.vat_rate == 0.17


class TestRateAcrossALostMinus:
    def test_a_positive_vat_over_a_negative_net(self) -> None:
        assert rate_of(2727.38, -16043.44, None) == (0.17, "")
