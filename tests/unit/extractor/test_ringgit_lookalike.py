"""A slip's 'RM' (ringgit) glued to its amount with the M read as N or H ('RN152. 00') still leaves
the amount readable; letters before a number without cents stay no amount."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.amounts import money_in


@pytest.mark.parametrize(("text", "amount"), [("SUBTOTAL RN152. 00", 152.0), ("4x 38.00 RH152.00", 152.0)])
def test_a_ringgit_lookalike_glued_to_an_amount(text: str, amount: float) -> None:
    assert money_in(text)[-1][0] == amount


def test_no_amount_without_cents() -> None:
    assert money_in("ROOM RN12") == []
