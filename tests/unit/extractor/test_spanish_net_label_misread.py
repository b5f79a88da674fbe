"""The Spanish net label with its l read as i or 1 ('Base imponibie') still names the net."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify


class TestSpanishNetLabelMisread:
    def test_l_read_as_i_or_1(self) -> None:
        assert classify("Base imponibie 2.724,77") == "subtotal"
        assert classify("Base imponib1e 2.724,77") == "subtotal"

    def test_another_word_is_no_net(self) -> None:
        assert classify("Base imponibxe 2.724,77") is None
