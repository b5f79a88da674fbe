"""Debris OCR made of a logo or a stamp is no issuer's name: three or more short lower-case
syllables ('ans sal ful'), or a bracket opened and never closed ('(LLP' of a registration remark OCR
split), or whose letters run into a number (the whole remark, which the name's cleaning cuts to '(LLP')."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.receipt_vendor import receipt_name_signs


@pytest.mark.parametrize(
    "text", ["ans sal ful", "ee eee re", "(LLP0007299", "[ roc : sa", "(LLP0007299-LGN)", "[Co. Reg 12345-X]"]
)
def test_debris_is_no_name(text: str) -> None:
    assert receipt_name_signs(text, above_address=True) < 0


@pytest.mark.parametrize(
    "text",
    ["PappaRich BMC", "the gym", "Bar du Port", "ACME (M) SDN BHD", "99 SPEED MART", "(KL) BAKERY 2"],
)
def test_names_are_not_debris(text: str) -> None:
    assert receipt_name_signs(text, above_address=True) >= 0
