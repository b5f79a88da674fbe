"""A dollar sign with another country's letters before it ('A$', 'C$', 'NZ$', 'R$') is that country's
currency, not the US dollar; a plain '$' (glued to a label or not) and 'US$' stay USD."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("A$117.00", "AUD"),
        ("C$117.00", "CAD"),
        ("NZ$117.00", "NZD"),
        ("R$ 117,00", "BRL"),
        ("$117.00", "USD"),
        ("US$117.00", "USD"),
        ("TOTAL$117.00", "USD"),
    ],
)
def test_the_dollars_country(printed: str, code: str) -> None:
    text = f"INVOICE\nInvoice No: 4711\nDate: 03/04/2024\nItem A 2 50.00 100.00\nTotal {printed}\n"
    found, _ = read_fields([(1, text)])
    assert (found["currency"].value, found["total"].value) == (code, 117.0)
