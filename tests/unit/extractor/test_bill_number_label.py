"""'Bill Number' names the document's number, as 'Bill No.' does."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields


@pytest.mark.parametrize("label", ["Bill Number", "Bill No.", "Bill #"])
def test_a_bills_number(label: str) -> None:
    text = f"INVOICE\n{label} INV-2024-0815\nDate: 03/04/2024\nItem A 2 50.00 100.00\nTotal 100.00\n"
    found, _ = read_fields([(1, text)])
    assert found["invoice_number"].value == "INV-2024-0815"
