"""A shekel sign OCR read as a lower-case m or w glued to its amount ('m8,567.72'): the amount is money,
and a receipt's total printed so under its label is found (a dev scan, seed 8)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import money_in

from .wordbox import page


def test_the_letters_are_no_part_of_the_amount() -> None:
    assert money_in("Grand Total m8,567.72") == [(8567.72, "8,567.72")]
    assert money_in("3 w2,256.84 mi6,770.52") == [(2256.84, "2,256.84"), (6770.52, "6,770.52")]


def test_words_and_codes_stay_words() -> None:
    assert money_in("room8,567.72") == []  # a word's letters, not a lone sign
    assert money_in("m2 12") == []
    assert money_in("Model M295.28") == []  # an upper-case M is a code's


def test_the_total_under_its_label() -> None:
    laid_out = page(
        ("North Trading Co.", 200, 100),
        ("CASH RECEIPT", 1200, 100),
        ("1 53714 Subscription fee 1.5 m295.28 m442.92", 1000, 600),
        ("2 53845 Network cable 3 w2,256.84 m6,770.52", 1000, 650),
        ("3 53976 Coffee 1 1,354.28 mi1,354.28", 1000, 700),
        ("Grand Total", 200, 900),
        ("m8,567.72", 200, 950),
    )
    assert extract_with_rules([laid_out]).total == 8567.72
