"""A subtotal read without its cents ('-12,189. 8') whose whole amount is the items' sum's, and whose
VAT is that sum's tax to the cent: the items' sum is the subtotal, and the total derived from the
damaged subtotal follows."""

from __future__ import annotations

from invoiceme_extractor.rules.cents_lost import net_with_cents_lost
from invoiceme_extractor.rules.lines import Found, Line

_ITEMS: list[float | None] = [-2534.88, -1833.86, -468.93, -5958.00, -360.20, -1034.00]


def _found(value: float, raw: str) -> Found:
    return Found(value, raw, Line(raw, 1, 0), 0.6)


class TestSubtotalCentsLost:
    def test_the_items_sum_restores_the_cents(self) -> None:
        found: dict[str, Found | None] = {
            "subtotal": _found(-12189.0, "-12,189"),
            "vat_amount": _found(-1066.61, "-1,066.61"),
            "total": _found(-13255.61, ""),
            "vat_rate": None,
        }
        net_with_cents_lost(found, _ITEMS)
        assert [found[name].value for name in ("subtotal", "total", "vat_rate")] == [
            -12189.87,
            -13256.48,
            0.0875,
        ]  # type: ignore[union-attr]

    def test_a_subtotal_printed_with_cents_stays(self) -> None:
        found: dict[str, Found | None] = {
            "subtotal": _found(-12189.0, "-12,189.00"),
            "vat_amount": _found(-1066.61, "-1,066.61"),
            "total": None,
        }
        net_with_cents_lost(found, _ITEMS)
        assert found["subtotal"] is not None and found["subtotal"].value == -12189.0

    def test_a_vat_that_is_no_rate_of_the_sum_proves_nothing(self) -> None:
        found: dict[str, Found | None] = {
            "subtotal": _found(-12189.0, "-12,189"),
            "vat_amount": _found(-1066.6, ""),
        }
        net_with_cents_lost(found, [*_ITEMS[:-1], -1034.01])
        assert found["subtotal"] is not None and found["subtotal"].value == -12189.0
