"""A total read as a scrap without cents ('USD) 94', a cut restatement) below the page's one VAT
amount: no total is smaller than its VAT, so the amount the VAT is included in at its printed rate,
to the cent, is the total; a total printed with its cents stays as read."""

from __future__ import annotations

from invoiceme_extractor.rules.late_repairs import total_under_its_vat
from invoiceme_extractor.rules.lines import Found, Line


def _page(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


_LINES = _page("סכום ביניים", 'מע"מ (17%) 720.21', 'סה"כ לתשלום USD) 94 4956.71 ILS (1273.')


class TestTotalUnderItsVat:
    def test_the_vat_finds_its_total(self) -> None:
        result: dict[str, Found | None] = {"total": Found(94.0, "94", _LINES[2], 0.78), "subtotal": None}
        total_under_its_vat(result, {"vat": [(720.21, "720.21", _LINES[1])]}, _LINES)
        assert result["total"] is not None and result["total"].value == 4956.71
        assert result["subtotal"] is not None and result["subtotal"].value == 4236.5

    def test_a_total_with_cents_stays(self) -> None:
        result: dict[str, Found | None] = {"total": Found(94.0, "94.00", _LINES[2], 0.78), "subtotal": None}
        total_under_its_vat(result, {"vat": [(720.21, "720.21", _LINES[1])]}, _LINES)
        assert result["total"] is not None and result["total"].value == 94.0
