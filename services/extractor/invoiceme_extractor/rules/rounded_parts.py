"""Net and VAT of a total the till rounded for cash ('סה"כ כולל מע"מ 161.68', 'עיגול 0.02', 'סה"כ
לתשלום 161.70'): they add up to the amount before the rounding, not to the total paid. The net is
looked for in the slip's VAT breakdown row ('23249 | 138.19 | A @ 17%', its VAT misread): the row's
printed rate must be the one at which the rest of that amount is the net's VAT, to the cent."""

from __future__ import annotations

from .amount_candidates import Candidates
from .amounts import money_in, percent_in
from .exact_rates import exact_rate
from .lines import Found, Line

CASH_ROUNDING = 0.10  # the most a total is rounded by for cash (to 5 or 10 cents)


def _parts_by_rate_row(lines: list[Line], gross: float, page: int) -> tuple[Found, Found] | None:
    for line in lines:
        rate = percent_in(line.text) if line.page == page else None
        if not rate:
            continue
        for value, raw in money_in(line.text):
            vat = round(gross - value, 2)
            if 0 < value < gross and exact_rate(vat, value) == rate:
                return Found(value, raw, line, 0.7), Found(vat, "", line, 0.6)
    return None


def fill_parts_before_rounding(result: dict[str, Found | None], found: Candidates, lines: list[Line]) -> None:
    """A total read alone: its parts found from a total's amount a cash rounding away from it."""
    total = result.get("total")
    if total is None or result.get("subtotal") is not None or result.get("vat_amount") is not None:
        return
    for value, _, line in found.get("total_strong", []) + found.get("total_plain", []):
        if 0 < abs(value - total.value) <= CASH_ROUNDING + 1e-9 and value > 0 and total.value > 0:
            parts = _parts_by_rate_row(lines, value, line.page)
            if parts is not None:
                result["subtotal"], result["vat_amount"] = parts
                return
