"""The amount due after a slip's groups of supplies, where OCR read the 0 % group's 0 as '@' ('Total
@% supplies'): still a group, so the amount due is the two groups' sum, sure as a checked total."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.rate_groups import names_a_rate

SLIP = (
    "Total 6% supplies (excl. GST): 7.20\nGST: 0.43\nTotal 6% supplies (Inc. GST): 7.63\n"
    "Total {zero}% supplies: 15.57\nTotal Payable: 23.20"
)


@pytest.mark.parametrize("zero", ["0", "@"])
def test_the_amount_due_is_the_groups_sum(zero: str) -> None:
    result = extract_with_rules([(1, SLIP.format(zero=zero))])
    assert result.total == 23.20
    assert result.confidence["total"] >= 0.85


def test_an_at_sign_before_a_percent_names_a_rate_only_alone() -> None:
    assert names_a_rate("Total @% supplies") and names_a_rate("Total 6% supplies")
    assert not names_a_rate("Price @ 5.00") and not names_a_rate("x@%")


@pytest.mark.parametrize("due_label", ["Total Payable:", "Total Pays: =", "Total:"])
def test_a_due_label_ocr_damaged_into_a_plain_total(due_label: str) -> None:
    # SROIE 337: 'Total Payable' read as 'Total Pays', a plain total; the groups still add up to it
    slip = (
        "Total 0% supplies: 35.14\nTotal 6% supplies (excl. GST): 36.24\nGST: 2.17\n"
        f"Total 6% supplies (Inc. GST): 38.41\nTotal 0% supplies: 35.14\n{due_label} 73.55"
    )
    result = extract_with_rules([(1, slip)])
    assert result.total == 73.55
    assert result.confidence["total"] >= 0.85
