"""A VAT rate whose '%' OCR read as a 9 ('מע"מ 179' for 17 %) still counts as the rate the page
prints: the total read whole fixes net and VAT at it, and the VAT read with one digit changed
('8,730.01' for 8,730.61) is repaired."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import repaired_by_rate


def test_vat_repaired_at_a_rate_whose_percent_sign_read_as_nine() -> None:
    vat_line, total_line = Line('8,730.01 מע"מ 179', 1, 0), Line("60,087.16 סך הכל לתשלום", 1, 1)
    found = {"vat": [(8730.01, "8,730.01", vat_line)], "total_strong": [(60087.16, "60,087.16", total_line)]}
    result: dict[str, Found | None] = {
        "subtotal": None,
        "vat_amount": Found(8730.01, "8,730.01", vat_line, 0.85),
        "total": Found(60087.16, "60,087.16", total_line, 0.85),
    }
    repaired = repaired_by_rate(result, found)
    assert repaired["subtotal"] is not None and repaired["subtotal"].value == 51356.55
    assert repaired["vat_amount"] is not None and repaired["vat_amount"].value == 8730.61
    assert repaired["vat_amount"].confidence < 0.9


def test_a_vat_amount_of_three_digits_is_no_rate() -> None:
    vat_line, total_line = Line('מע"מ 179.00', 1, 0), Line("60,087.16 סך הכל לתשלום", 1, 1)
    found = {"vat": [(179.0, "179.00", vat_line)], "total_strong": [(60087.16, "60,087.16", total_line)]}
    result: dict[str, Found | None] = {
        "subtotal": None,
        "vat_amount": Found(179.0, "179.00", vat_line, 0.85),
        "total": Found(60087.16, "60,087.16", total_line, 0.85),
    }
    assert repaired_by_rate(result, found) == result
