"""The printed shape of a tax id, shared by the OCR (which reads again beside a tax-id label until it
sees one) and the extractor (which picks one): an EU or UK VAT number of its country's format."""

from __future__ import annotations

import functools

from stdnum.eu import vat as eu_vat
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.gb import vat as gb_vat


# Both asked of every id token and its repairs, often the same number again: pure, so remembered.
@functools.lru_cache(maxsize=4096)
def eu_vat_well_formed(value: str) -> bool:
    """The number has its country's format and length (its check digit may still fail: a misread
    digit, or a number made up for an example, which invoices print and the extractor reads too).
    UK numbers too: stdnum left them out of the EU's after Brexit, but invoices still print them."""
    try:
        (gb_vat if value[:2].upper() == "GB" else eu_vat).validate(value)
    except InvalidChecksum:
        return True
    except ValidationError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def vat_number_valid(value: str) -> bool:
    """The number passes its country's check (UK numbers too, which stdnum's EU module left out)."""
    return (gb_vat if value[:2].upper() == "GB" else eu_vat).is_valid(value)
