"""Net and VAT whose decimal points a photo's OCR lost ('1035428 | 238148 | 12735.76' for 10,354.28
and 2,381.48): read as cents, the two add up to the total read near them, to the cent, and the
VAT is the net's at a VAT rate; both checks must hold, on rows of amounts alone (one row, or each on
its own row of a totals block read as a column: '4217366' two rows above '843473')."""

from __future__ import annotations

import re

from .amounts import CENT
from .exact_rates import exact_rate
from .lines import Found, Line

_BARE_DIGITS = re.compile(r"(?<![\d.,])(\d{4,9})(?![\d.,])")
_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"\b[A-Z]{3}\b")  # a currency code beside the amounts
_NEAR = 4  # lines either side of the total's


def parts_with_points_lost(lines: list[Line], total: Found) -> tuple[Found, Found] | None:
    """(subtotal, VAT) read as cents from two bare numbers near the total (the net first), or None."""
    whole = abs(total.value)
    bare: list[tuple[str, Line]] = []
    for line in lines[max(0, total.line.index - _NEAR) : total.line.index + _NEAR + 1]:
        if line.page != total.line.page or _LETTER.search(_CODE.sub("", line.text)):
            continue  # a row of amounts only ('Ref 100000 17000' names numbers of another kind)
        bare.extend((match.group(1), line) for match in _BARE_DIGITS.finditer(line.text))
    for position, (net_raw, net_line) in enumerate(bare):
        for vat_raw, vat_line in bare[position + 1 :]:
            net, vat = int(net_raw) / 100, int(vat_raw) / 100
            if abs(net + vat - whole) <= CENT and exact_rate(vat, net):
                sign = -1.0 if total.value < 0 else 1.0
                return Found(sign * net, net_raw, net_line, 0.6), Found(sign * vat, vat_raw, vat_line, 0.6)
    return None


def fill_parts_with_points_lost(result: dict[str, Found | None], lines: list[Line]) -> None:
    """A total read alone (no subtotal, no VAT): its parts from two bare numbers read as cents."""
    total = result.get("total")
    if total is None or result.get("subtotal") is not None or result.get("vat_amount") is not None:
        return
    parts = parts_with_points_lost(lines, total)
    if parts is not None:
        result["subtotal"], result["vat_amount"] = parts
