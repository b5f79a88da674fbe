"""The amount due under a slip's groups with one digit OCR confused ('Total Payable: 19.34' for 19.31):
the two groups' totals printed above it add up to one confused-digit reading of it, which is taken."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

GROUPS = (
    "Total 0% supplies: 11.68\nTotal 6% supplies (excl. GST): 7.20\nGST: 0.43\n"
    "Total 6% supplies (Inc. GST): 7.63\nTotal 0% supplies: 11.68\n"
)


def test_a_due_one_confused_digit_off_the_groups_sum_is_mended() -> None:
    result = extract_with_rules([(1, GROUPS + "Total Payable: 19.34")])  # SROIE 342: 1 read as 4
    assert result.total == 19.31


def test_a_due_the_groups_add_up_to_stays() -> None:
    assert extract_with_rules([(1, GROUPS + "Total Payable: 19.31")]).total == 19.31


def test_a_due_no_confused_digit_explains_stays() -> None:
    # 19.95 is no reading of 19.31 with one digit confused: the slip may charge something else
    assert extract_with_rules([(1, GROUPS + "Total Payable: 19.95")]).total == 19.95


def test_a_slip_without_groups_keeps_its_total() -> None:
    assert extract_with_rules([(1, "Sub Total: 11.68\nTotal Payable: 19.34")]).total == 19.34
