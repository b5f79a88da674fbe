"""A total cash rounding made is a multiple of the smallest coin (0.05): a rounded total off that step
was misread, and is given less confidence (its value stands: another read or the user decides)."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.cash_rounding import OFF_THE_STEP, rounded_total
from invoiceme_extractor.rules.lines import Found, Line


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


def test_the_total_after_the_rounding_adjustment_is_the_rounded_one() -> None:
    """'Total After Adj Incl GST' is the total after cash rounding (its rounding row's amount OCR
    garbled): what is paid, over the exact total printed above it."""
    exact = Found(127.37, "127.37", Line("Total Sales Incl GST 127.37", 1, 1), 0.97)
    after = (127.35, "127.35", Line("Total After Adj Incl GST 127.35", 1, 3))
    rows = [exact.line, Line("Rounding Adj ~(),02", 1, 2), after[2]]
    rounded = rounded_total({"total_strong": [(127.37, "127.37", exact.line), after]}, exact, rows)
    assert rounded is not None and rounded.value == 127.35


def test_an_exact_total_whose_rounded_one_ocr_lost_is_doubted() -> None:
    rows = (
        "KEDAI MAJU SDN BHD",
        "Total Sales (Inclusive GST) RM 177.22",
        "Rounding Adjustment RM -0.02",
        "Rounding",
    )
    read = extract_with_rules([(1, "\n".join(rows))])
    assert read.total == 177.22
    assert read.confidence["total"] <= OFF_THE_STEP
