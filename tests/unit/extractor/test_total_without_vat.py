"""'Total without VAT' names the net amount, though it opens with a total's word ('total with' marks a
tax-inclusive total, but not inside 'total without'): with the total itself unread (a photo's '0'),
the net and the VAT still give it."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields


@pytest.mark.parametrize("label", ["Total without VAT", "Amount w/o VAT", "Total before tax"])
def test_the_net_under_a_total_without_vat_label(label: str) -> None:
    text = f"RECEIPT\nItem A 5 600.00 3,000.00\nItem B 1 480.00 480.00\n{label} 3,480.00\nVAT 18% 626.40\n"
    found, _ = read_fields([(1, text + "Total to pay 0\n")])
    triple = (found["subtotal"].value, found["vat_amount"].value, found["total"].value)
    assert triple == (3480.0, 626.4, 4106.4)
