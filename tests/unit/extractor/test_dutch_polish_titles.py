"""Dutch and Polish titles name the document's type ('FACTUUR.', 'Faktura VAT', 'Creditnota'), so a
title is never taken for the issuer's name."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.titles import type_of


class TestDutchPolishTitles:
    @pytest.mark.parametrize(
        ("title", "kind"),
        [("FACTUUR.", "invoice"), ("Faktura VAT", "invoice"), ("Creditnota", "credit_note")],
    )
    def test_the_type_named(self, title: str, kind: str) -> None:
        named = type_of(title)
        assert named is not None and named[0] == kind

    def test_the_title_is_no_vendor(self) -> None:
        page = "FACTUUR.\nCoolblue B.V.\nWeena 664\n3012 CN Rotterdam\nFactuurnummer: 993548900\n"
        found, _ = read_fields([(1, page)])
        assert found["document_type"].value == "invoice"
        assert found["vendor_name"].value != "FACTUUR."
