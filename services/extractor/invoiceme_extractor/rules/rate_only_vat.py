"""VAT and total from the subtotal and the rate printed on the VAT line, when OCR lost both amounts.

'סך הכל חייב במע"מ 43,500.30' / 'מס ערך מוסף 18%' / (the VAT amount and the total lost on a photo):
the VAT line names its rate, so VAT = net x rate and total = net + VAT, to the cent as invoices
round. A derivation, never a reading, so said at 0.5 (under any printed amount); without it the
net alone was taken as the total.
"""

from __future__ import annotations

from . import labels
from .amounts import money_in, percent_match
from .lines import Found, Line
from .rates import STANDARD_RATES

WINDOW = 4  # rows after the subtotal where its VAT line is printed
DERIVED = 0.5
_INCLUDED = labels.any_of(r"incl", r"inkl", r"כולל", r"brutto", r"ttc", r"included", r"enthalten")


def _rate_on_vat_line(line: Line) -> float | None:
    """The rate of a VAT line that states a rate and no amount ('MwSt. 19%', 'מע"מ 18%')."""
    match = percent_match(line.text)
    if match is None or not labels.VAT.search(line.text) or _INCLUDED.search(line.text):
        return None
    rest = line.text[: match.start()] + line.text[match.end() :]
    if money_in(rest):
        return None
    rate = round(float(match.group(1).replace(",", ".")) / 100, 4)
    return rate if rate in STANDARD_RATES[1:] else None


def vat_from_printed_rate(lines: list[Line], subtotal: Found) -> tuple[Found, Found] | None:
    """(VAT, total) from the net and the rate on the VAT line just after it, or None."""
    after = [line for line in lines if line.page == subtotal.line.page]
    after = [line for line in after if 0 < line.index - subtotal.line.index <= WINDOW]
    for line in after:
        rate = _rate_on_vat_line(line)
        if rate is not None:
            vat = round(subtotal.value * rate + 1e-9, 2)
            total = round(subtotal.value + vat, 2)
            return Found(vat, "", line, DERIVED), Found(total, "", line, DERIVED)
    return None
