"""'Total before OX 21,582.48': a total before the tax, its tax OCR garbled (a fresh draw's photo,
seed 44), names the net; a total before a tip or a discount does not."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify


def test_a_total_before_a_garbled_tax_is_the_net() -> None:
    assert classify("Total before OX 21,582.48") == "subtotal"
    assert classify("Total before tip 21,582.48") != "subtotal"
    assert classify("Total before discount 21,582.48") != "subtotal"
