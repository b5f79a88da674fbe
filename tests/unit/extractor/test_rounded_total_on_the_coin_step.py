"""A total cash rounding made is a multiple of the smallest coin (0.05): a rounded total off that step
was misread, and is given less confidence (its value stands: another read or the user decides)."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.cash_rounding import OFF_THE_STEP


def _slip(rounded: str, label: str = "TOTAL ROUNDED") -> str:
    rows = ("KEDAI MAJU SDN BHD", "Bread 1X 30.91", "TOTAL RM 30.91", "ROUNDING ADJUSTMENT RM -0.01")
    return "\n".join((*rows, f"{label} RM {rounded}"))


@pytest.mark.parametrize("label", ["TOTAL ROUNDED", "AMOUNT PAYABLE"])
def test_a_rounded_total_off_the_step_is_doubted(label: str) -> None:
    misread = extract_with_rules([(1, _slip("30.96", label))])
    assert misread.total == 30.96
    assert misread.confidence["total"] <= OFF_THE_STEP


def test_a_rounded_total_on_the_step_keeps_its_confidence() -> None:
    read = extract_with_rules([(1, _slip("30.90"))])
    assert read.total == 30.90
    assert read.confidence["total"] > OFF_THE_STEP


def test_a_total_no_rounding_made_may_end_in_any_cent() -> None:
    read = extract_with_rules([(1, "KEDAI MAJU SDN BHD\nBread 1X 30.96\nTOTAL RM 30.96\n")])
    assert read.total == 30.96
    assert read.confidence["total"] > OFF_THE_STEP
