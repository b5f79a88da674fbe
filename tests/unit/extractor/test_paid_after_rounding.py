"""A till slip's amount due after its rounding line ('TOTAL INCL GST -360.16 / Rounding Adj. -0.04 /
Amount Due -360.20', its GST line unread: a fresh draw's scan, seed 46): the net and VAT rebuilt at the
rate stand, and the total stays what is paid. A total more than a coin away from the printed one is
still rebuilt."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_SLIP = """CASH RECEIPT
AC repair
3 x 36.90 -110.70
Total Sales (Excluding GST) -292.81
6ST @23% — .67.35
TOTAL INCL GST _ ; {exact}
Rounding Adj. , -0.04
Amount Due eG -360.20 €
"""


def test_the_amount_due_after_rounding_stays_the_total() -> None:
    extraction = extract_with_rules([(1, _SLIP.format(exact="-360.16"))])
    assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (-292.81, -67.35, -360.20)


def test_a_total_more_than_a_coin_away_is_rebuilt() -> None:
    slip = _SLIP.format(exact="-360.16").replace("-360.20", "-360.30")
    assert extract_with_rules([(1, slip)]).total == -360.16
