"""A restatement of the total in another currency whose brackets a right-to-left read mirrored
('ILS (11,386.55 USD( 43,970.04'): left out of the line like '(11,386.55 USD)' is."""

from __future__ import annotations

import re

from invoiceme_extractor.rules.amounts import without_restatement
from invoiceme_extractor.rules.currency_noise import only_converted
from invoiceme_extractor.rules.lines import Line


class TestMirroredPricedBracket:
    def test_a_mirrored_bracket_is_a_restatement(self) -> None:
        kept = without_restatement("סך הכל לתשלום ILS (11,386.55 USD( 43,970.04")
        assert "USD" not in kept and "43,970.04" in kept

    def test_the_same_currency_inside_and_out_is_kept(self) -> None:
        text = "Total USD (11,386.55 USD( 43,970.04"
        assert without_restatement(text) == text


class TestCodeBracketThenAmount:
    """'7,002.55 ש"ח (USD. )1,808.66': a right-to-left read of '(1,808.66 USD)' left only the code in
    the bracket and the amount after its mirrored close; its shape alone says restatement, even with
    the shekel mark beside the total misread ('ח"ח'), and a Hebrew page's only dollars are converted."""

    def test_the_bracket_and_its_amount_are_left_out(self) -> None:
        kept = without_restatement('סה"כ לתשלום 7,002.55 ח"ח (USD. )1,808.66')
        assert "USD" not in kept and "1,808.66" not in kept and "7,002.55" in kept

    def test_the_same_currency_inside_and_out_is_kept(self) -> None:
        text = "Total USD 7,002.55 (USD )1,808.66"
        assert without_restatement(text) == text

    def test_dollars_only_restated_are_converted(self) -> None:
        line = Line('סה"כ לתשלום 7,002.55 ח"ח (USD. )1,808.66', 1, 18)
        assert only_converted(re.compile("USD"), [line], re.compile("שער"))
        assert not only_converted(
            re.compile("USD"), [Line('סה"כ לתשלום 1,808.66 USD', 1, 18)], re.compile("שער")
        )
