"""European and UK VAT numbers with the check characters real ones carry. `facts` draws random digits
of each country's length, which fail their check nearly always; a development page prints them made
valid here (its check characters computed from the other digits), so a reader's check-digit repair
can be measured on it. No random draw is made: every other part of the page stays as it was, and
held-out pages (which do not call this) are byte for byte what they were."""

from __future__ import annotations

from stdnum import luhn
from stdnum.es import cif
from stdnum.ie import vat as ie_vat
from stdnum.iso7064 import mod_11_10


def _german(body: str) -> str:
    head = ("1" + body[1:8]) if body[0] == "0" else body[:8]  # issued numbers do not start with 0
    return head + mod_11_10.calc_check_digit(head)


def _french(body: str) -> str:
    siren = body[2:10] + luhn.calc_check_digit(body[2:10])
    return f"{int(siren + '12') % 97:02d}{siren}"


def _spanish(body: str) -> str:
    return body[:8] + cif.calc_check_digits(body[:8])[0]  # A, B, G companies: a digit


def _british(body: str) -> str:
    weighted = sum(weight * int(digit) for weight, digit in zip((8, 7, 6, 5, 4, 3, 2), body, strict=False))
    return body[:7] + f"{-weighted % 97:02d}"


def _irish(body: str) -> str:
    return body[:7] + ie_vat.calc_check_digit(body[:7])


_MAKERS = {"DE": _german, "FR": _french, "ES": _spanish, "GB": _british, "IE": _irish}
VAT_COUNTRIES = frozenset(_MAKERS)


def valid_vat_id(value: str | None) -> str | None:
    """`value` (a drawn 'DE', 'FR', 'ES', 'GB' or 'IE' id, compact) with valid check characters; an Irish
    one takes the current shape (seven digits and a check letter); any other id as it is."""
    if not value or value[:2] not in _MAKERS:
        return value
    return value[:2] + _MAKERS[value[:2]](value[2:])


def other_valid_id(value: str, vendor_id: str) -> str:
    """A made-up customer id `value` made valid, and never the vendor's own: where only its check
    characters told the two apart, a digit of its body changes too."""
    made = valid_vat_id(value) or value
    if made != vendor_id:
        return made
    changed = value[:3] + str((int(value[3]) + 1) % 10) + value[4:]
    return valid_vat_id(changed) or changed
