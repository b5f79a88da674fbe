"""A credit note's minus OCR read as a tilde right before the digits ('Netto ~145,96') is a minus;
an approximate restatement in brackets ('(~ 1,345.67 USD)') is not."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import money_in


class TestTildeForMinus:
    def test_a_tilde_before_the_digits(self) -> None:
        assert money_in("Netto ~145,96") == [(-145.96, "-145,96")]
        assert money_in("Summe vor Rundung ~ 156,18") == [(-156.18, "-156,18")]

    def test_an_approximate_restatement_stays_positive(self) -> None:
        assert money_in("(~ 1,345.67 USD)") == [(1345.67, "1,345.67")]
        assert money_in("(~1,345.67 USD)") == [(1345.67, "1,345.67")]
