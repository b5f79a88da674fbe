"""VAT and total from the subtotal and the rate printed on the VAT line, when OCR lost both amounts.

'סך הכל חייב במע"מ 43,500.30' / 'מס ערך מוסף 18%' / (the VAT amount and the total lost on a photo):
the VAT line names its rate, so VAT = net x rate and total = net + VAT, to the cent as invoices
round. A derivation, never a reading, so said at 0.5 (under any printed amount); without it the
net alone was taken as the total. And 'VAT included' printed with its amount lost: the VAT the
total holds at the issuer's country's standard rate (`vat_included_at_country_rate`), a guess too.
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
    printed = match.group(1).replace(",", ".")
    rate = round(float(printed) / 100, 4)
    # a rate printed with its decimals on a quarter-percent step ('Tax (6.25%)', a US sales tax) is as
    # deliberate as a standard one; OCR's damage to a whole rate drops digits, it adds no decimals
    stepped = "." in printed and 0 < rate <= 0.3 and abs(rate / 0.0025 - round(rate / 0.0025)) < 1e-6
    return rate if rate in STANDARD_RATES[1:] or stepped else None


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


# The standard VAT rate of the countries whose VAT numbers the rules read, by the number's prefix
_COUNTRY_RATES = {
    "GB": 0.2,
    "DE": 0.19,
    "FR": 0.2,
    "ES": 0.21,
    "IE": 0.23,
    "IT": 0.22,
    "NL": 0.21,
    "BE": 0.21,
    "AT": 0.2,
    "PT": 0.23,
}
_VAT_INCLUDED_ALONE = labels.any_of(
    r"^\W*(?:vat|tva|iva|mwst\.?|ust\.?)\s*(?:included|incluid[oa]|incluse?|inkl\.?|enthalten)\W*$",
    r"^\W*(?:incl\.?|including|includes|inkl\.?)\s*(?:vat|tva|iva|mwst\.?|ust\.?)\W*$",
)


def vat_included_at_country_rate(found: dict[str, Found | None], lines: list[Line]) -> None:
    """'VAT included' printed alone (its amount lost on a scan) under a total read with no net or
    VAT: the VAT the total holds at the standard rate of the issuer's country (its VAT number's
    prefix), said as a guess (DERIVED); a page that prints any rate or net says more."""
    total, tax_id = found.get("total"), found.get("vendor_tax_id")
    if total is None or found.get("vat_amount") or found.get("subtotal") or found.get("vat_rate"):
        return
    rate = _COUNTRY_RATES.get(str(tax_id.value)[:2]) if tax_id is not None else None
    included = next((line for line in lines if _VAT_INCLUDED_ALONE.search(line.text)), None)
    if rate is None or included is None or any(percent_match(line.text) for line in lines):
        return
    vat = round(total.value * rate / (1 + rate) + 1e-9, 2)
    found["vat_amount"] = Found(vat, "", included, DERIVED)
    found["vat_rate"] = Found(rate, "", included, DERIVED)
