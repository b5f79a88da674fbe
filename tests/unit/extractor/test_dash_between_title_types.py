"""'Tax Invoice—Receipt': the hyphen between the two types printed (or read by OCR) as a dash still
names the combined document."""

from __future__ import annotations

from invoiceme_extractor.rules.titles import type_of


class TestDashBetweenTitleTypes:
    def test_a_dash_joins_the_two_types(self) -> None:
        # ... or two marks, the hyphen read twice ('Tax Invoice—-Receipt' on a dev scan)
        two = ("Tax Invoice—-Receipt", "Invoice -— Receipt", "חשבונית מס —- קבלה")
        for title in ("Tax Invoice—Receipt", "Tax Invoice – Receipt", "חשבונית מס — קבלה", *two):
            found = type_of(title)
            assert found is not None and found[0] == "tax_invoice_receipt", title

    def test_a_tax_invoice_alone_stays_one(self) -> None:
        found = type_of("Tax Invoice — Original")
        assert found is not None and found[0] == "tax_invoice"
