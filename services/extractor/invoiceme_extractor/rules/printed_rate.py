"""The VAT rate of the chosen amounts: the one printed on the VAT line, else the one they imply.

A rate printed beside the VAT is the page's word, except where OCR visibly misread it: '179%'
(over 30 %) is 17 %, and '11%' beside a VAT that is its net's 17 % to the cent is 17 % too (a 7
read as 1 in small print). Amounts agreeing to the cent at a standard rate are stronger evidence
than two digits of a percentage read by OCR; amounts that do not agree, and a text layer's
printed rate, leave the printed rate as it is.
"""

from __future__ import annotations

from .amounts import percent_in
from .exact_rates import HALF_CENT, exact_rate
from .lines import Line
from .rates import STANDARD_RATES
from .repair import may_be_misread


def rate_of(vat: float | None, subtotal: float | None, vat_line: Line | None) -> tuple[float, str] | None:
    """The VAT rate printed on the VAT line, else the one VAT over subtotal implies (a rate in use)."""
    # no VAT rate is over 30 %: '179%' is OCR's reading of 17 %, and the amounts then decide
    if vat_line is not None and (rate := percent_in(vat_line.text)) is not None and rate <= 0.3:
        off = vat is not None and bool(subtotal) and abs((subtotal or 0.0) * rate - vat) > HALF_CENT
        if off and may_be_misread(vat_line):
            # the amounts to the cent, against two digits OCR read
            exact = exact_rate(vat or 0.0, subtotal or 0.0)
            if exact is not None:
                return exact, ""
        return rate, vat_line.text
    if vat is not None and subtotal:
        ratio = abs(vat / subtotal)  # a credit note's minus lost from one of the two: the same rate
        close = min(STANDARD_RATES, key=lambda rate: abs(rate - ratio))
        if abs(close - ratio) < 0.002:
            return close, ""
        # any rate on a quarter-percent step (8.875 % sales taxes aside): 23 %, 6.25 %, 8.75 %, 5.5 %
        stepped = round(ratio / 0.0025) * 0.0025
        # a VAT rounded to the cent strays from its rate by up to half a cent over the base: 3.80 on
        # 16.50 is 23 % (a ratio of 0.2303), within a tenth of a step of it on small amounts
        tolerance = max(0.0003, min(0.001, HALF_CENT / abs(subtotal)))
        if 0 < stepped <= 0.3 and abs(stepped - ratio) < tolerance:
            return round(stepped, 4), ""
    return None
