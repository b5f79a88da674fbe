"""A restatement in another currency whose closing bracket the text layer mirrored ('4956.71 ILS
(1273.94 USD(' on a right-to-left line): its currency is not the line's, as with a closed bracket."""

from __future__ import annotations

from invoiceme_extractor.rules.amounts import without_restatement


class TestMirroredRestatementBracket:
    def test_the_bracket_is_left_out(self) -> None:
        assert "USD" not in without_restatement('סה"כ לתשלום ILS (1273.94 USD( 4956.71')
        assert "4956.71" in without_restatement('סה"כ לתשלום ILS (1273.94 USD( 4956.71')

    def test_a_bracket_in_the_lines_own_currency_stays(self) -> None:
        assert without_restatement("Total USD (12.50 USD( 99.00") == "Total USD (12.50 USD( 99.00"
