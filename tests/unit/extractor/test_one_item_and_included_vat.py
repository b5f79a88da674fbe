"""One line item and the VAT share its rate includes ('dont TVA 20% | 19,84' of 119,05): the two
readings agree to the cent, so a total OCR damaged ('10.05') gives way to the item's amount."""

from __future__ import annotations

from invoiceme_extractor.rules.items_totals import amounts_from_items
from invoiceme_extractor.rules.lines import Found, Line


def _found(value: float, text: str, confidence: float) -> Found:
    return Found(value, text, Line(text, 1, 0), confidence)


class TestOneItemAndIncludedVat:
    def test_the_item_and_the_vat_decide(self) -> None:
        found: dict[str, Found | None] = {
            "total": _found(10.05, "Total TTC 10.05 EUB", 0.78),
            "subtotal": None,
        }
        vat_line = Line("dont TVA 20% 19,84", 1, 1)
        amounts_from_items(found, [119.05], [(19.84, "19,84", vat_line)])
        assert found["total"] is not None and found["total"].value == 119.05
        assert found["vat_rate"] is not None and found["vat_rate"].value == 0.2

    def test_a_vat_no_rate_explains_leaves_the_total(self) -> None:
        found: dict[str, Found | None] = {
            "total": _found(10.05, "Total TTC 10.05 EUB", 0.78),
            "subtotal": None,
        }
        amounts_from_items(found, [119.05], [(19.80, "19,80", Line("dont TVA 20% 19,80", 1, 1))])
        assert found["total"] is not None and found["total"].value == 10.05
