"""A restatement of the total in another currency whose brackets a right-to-left read mirrored
('ILS (11,386.55 USD( 43,970.04'): left out of the line like '(11,386.55 USD)' is."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import without_restatement


class TestMirroredPricedBracket:
    def test_a_mirrored_bracket_is_a_restatement(self) -> None:
        kept = without_restatement("סך הכל לתשלום ILS (11,386.55 USD( 43,970.04")
        assert "USD" not in kept and "43,970.04" in kept

    def test_the_same_currency_inside_and_out_is_kept(self) -> None:
        text = "Total USD (11,386.55 USD( 43,970.04"
        assert without_restatement(text) == text
