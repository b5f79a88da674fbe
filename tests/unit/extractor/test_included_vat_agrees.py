"""A till's VAT computed from the gross ('Includes tax 60.00' in a total of 359.97 at 20 %: 59.995,
rounded up) agrees with the total as read: no digit of the total is 'repaired' to reach another rate
(459.97 at 15 % gave 60.00 as well, on a fresh draw's scan and photo, seed 44)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import agrees

_SLIP = """Blue Works LLC
TIN GB 799 5247 59
CASH RECEIPT
Issued on: 30 January 2024
Sandwich
3x 48.45 145.35
Training session
1x58.92 58.92
Subscription fee
3 x 16.00 48.00
Cleaning supplies
1x33.70 33.70
Software license
2x37.00 74.00
Total Due — £359.97
'Includes tax {vat}
VISA #3440 359.97
"""


def test_a_vat_computed_from_the_gross_agrees_with_it() -> None:
    total, vat = (
        Found(359.97, "359.97", Line("Total Due £359.97", 1, 0), 0.9),
        Found(60.0, "60.00", Line("x", 1, 1), 0.9),
    )
    assert agrees({"subtotal": None, "vat_amount": vat, "total": total})
    assert not agrees({"subtotal": None, "vat_amount": Found(61.0, "61.00", vat.line, 0.9), "total": total})


def test_the_slip_keeps_its_total_and_rate() -> None:
    extraction = extract_with_rules([(1, _SLIP.format(vat="60.00"))])
    assert (extraction.total, extraction.vat_rate) == (359.97, 0.2)
