"""'VAT included' printed alone, its amount lost on a scan, under a total read with no net or VAT:
the VAT the total holds at the standard rate of the issuer's country (its VAT number's prefix), a
guess said at 0.5; no rate is guessed where the page prints one or the country is unknown."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_only_vat import DERIVED, vat_included_at_country_rate

_LINES = [Line("Grand Total £5,903.50", 1, 0), Line("VAT included", 1, 1)]


def _found(tax_id: str) -> dict[str, Found | None]:
    return {
        "vendor_tax_id": Found(tax_id, tax_id, _LINES[0], 0.95),
        "total": Found(5903.5, "5,903.50", _LINES[0], 0.92),
        "subtotal": None,
        "vat_amount": None,
        "vat_rate": None,
    }


def test_uk_vat_inside_the_total() -> None:
    found = _found("GB194649712")
    vat_included_at_country_rate(found, _LINES)
    assert found["vat_amount"] is not None and found["vat_amount"].value == 983.92
    assert found["vat_rate"] is not None and found["vat_rate"].value == 0.2
    assert found["vat_amount"].confidence == DERIVED


def test_no_guess_without_a_known_country_or_beside_a_printed_rate() -> None:
    found = _found("556938073")
    vat_included_at_country_rate(found, _LINES)
    assert found["vat_amount"] is None
    found = _found("GB194649712")
    vat_included_at_country_rate(found, [*_LINES, Line("VAT 5% on fuel", 1, 2)])
    assert found["vat_amount"] is None
