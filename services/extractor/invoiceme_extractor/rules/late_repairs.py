"""Repairs tried once the totals are chosen, each where the chosen amounts leave a gap or break a
law of arithmetic: parts of a total read alone (points lost, a cash rounding), and a total smaller
than its own VAT (a scrap of a restatement read as the total: 'USD) 94')."""

from __future__ import annotations

from .amount_candidates import Candidates
from .amounts import CENTS_AT_END
from .exact_rates import total_by_exact_rate
from .lines import Found, Line
from .points_lost import fill_parts_with_points_lost
from .rounded_parts import fill_parts_before_rounding


def total_under_its_vat(result: dict[str, Found | None], found: Candidates, lines: list[Line]) -> None:
    """A positive total printed without cents ('USD) 94': a scrap) below the VAT (the one chosen, or
    the one VAT amount labelled) with no subtotal: no total is; the amount that VAT is included in
    at a standard rate (the printed one, if any) to the cent is the total, and the VAT is kept."""
    total, vat = result.get("total"), result.get("vat_amount")
    labelled = {(value, raw, line.index): (value, raw, line) for value, raw, line in found.get("vat", [])}
    if vat is None and len(labelled) == 1:
        value, raw, line = next(iter(labelled.values()))
        vat = Found(value, raw, line, 0.6)
    if total is None or vat is None or result.get("subtotal") is not None:
        return
    if not 0 < total.value < vat.value or CENTS_AT_END.search(total.raw.strip()):
        return  # a total printed whole with its cents is what the page says (a VAT may be misread)
    repaired = total_by_exact_rate(lines, vat)
    if repaired is not None:
        result["total"], result["subtotal"] = repaired
        result["vat_amount"] = vat


def late_repairs(result: dict[str, Found | None], found: Candidates, lines: list[Line]) -> None:
    fill_parts_with_points_lost(result, lines)
    fill_parts_before_rounding(result, found, lines)
    total_under_its_vat(result, found, lines)
