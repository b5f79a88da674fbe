"""A date no label names, on a till slip: the one printed before the sale's time, read whole and on no
phone line, over a phone number or an item code OCR made date-shaped that comes first."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules


@pytest.mark.parametrize(
    ("rows", "issued"),
    [
        (("Tel. : 05.22,.95.66.66", "le 30/03/2018 a 12: 36 CAISSIER 1"), "2018-03-30"),
        (("XE11-22 - 30", "FREE RED PACKET", "24-01-16 11:44 SH01 B003"), "2016-01-24"),
        (("INV 12/03/2018", "PRINTED 15/03/2018"), "2018-03-12"),  # no cue either way: the first
    ],
)
def test_the_sales_date_over_date_shaped_codes(rows: tuple[str, ...], issued: str) -> None:
    text = "\n".join(("KEDAI MAJU SDN BHD", *rows, "TOTAL 9.90"))
    assert extract_with_rules([(1, text)]).invoice_date == issued
