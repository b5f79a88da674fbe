"""A net and its VAT read to the cent through a rate, against a total OCR misread beyond repair.

On a photo the total is often the amount OCR damages most (a large bold figure on a tinted band:
'19.885. 70M' for 18.885,53, '2,400.06-' for 3,400.96-), while the net and the VAT above it read
well. When the printed VAT is its net times a rate to the cent (the rate its line prints, if any),
two amounts agree as the tax law requires: their sum is the total, though the page's total as read
says otherwise. A total read from a text layer is the page's word and is never overridden, nor is
one within a coin of the sum (cash rounding); the sum is said with less confidence than a total
read, so the web app asks for review.
"""

from __future__ import annotations

from .amount_agreement import vat_to_the_cent
from .amount_candidates import Candidate, Candidates
from .amounts import CENT, adds_up, row_money
from .cash_rounding import CASH_STEP
from .lines import Found, Line
from .repair import may_be_misread

PARTS_CONFIDENCE = 0.8
SUM_CONFIDENCE = 0.6  # derived: below what a read total gets


def _cents_digits(value: float) -> str:
    return f"{abs(value):.2f}".replace(".", "")


def _agrees_to_the_cent(result: dict[str, Found | None]) -> bool:
    """The chosen amounts already add up, the VAT its net's rate to the cent."""
    net, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if net is None or vat is None or total is None:
        return False
    return adds_up(net.value, vat.value, total.value) and vat_to_the_cent(
        (vat.value, vat.raw, vat.line), net.value
    )


def _ocr_read(line: Line) -> bool:
    """Read by OCR with word boxes: a text layer's cells (confidence 1.0) and plain text of unknown
    origin are taken as printed."""
    return bool(line.cells) and may_be_misread(line)


def _misread_total(total: Found, gross: float, lines: list[Line]) -> bool:
    """A total OCR read that is the parts' sum with some digits misread: as many digits, at most half
    of them different (another sum of that size differs in most), further from the sum than cash
    rounding moves it, and the difference no amount the page prints (a 0 % part, a charge, a payment)."""
    if not total.raw or not _ocr_read(total.line) or abs(total.value - gross) <= CASH_STEP + 0.001:
        return False
    read, want = _cents_digits(total.value), _cents_digits(gross)
    if len(read) != len(want) or 2 * sum(a != b for a, b in zip(read, want, strict=True)) > len(want):
        return False
    difference = abs(total.value - gross)
    return not any(abs(abs(value) - difference) <= CENT for line in lines for value, _ in row_money(line))


def total_by_exact_parts(
    result: dict[str, Found | None], found: Candidates, lines: list[Line]
) -> dict[str, Found | None]:
    """The result, or the last printed (net, VAT) pair exact to the cent with its sum as the total,
    when the total chosen is a misread one (`_misread_total`) and no total printed is that sum."""
    total = result["total"]
    if total is None or _agrees_to_the_cent(result):
        return result
    pairs: list[tuple[Candidate, Candidate]] = [
        (net, vat)
        for net in found.get("subtotal", [])
        for vat in found.get("vat", [])
        if net[0] and vat_to_the_cent(vat, net[0])
    ]
    if not pairs:
        return result
    net, vat = max(pairs, key=lambda pair: (pair[1][2].index, pair[0][2].index))
    gross = round(net[0] + vat[0], 2)
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    if any(abs(c[0] - gross) <= CENT for c in totals) or not _misread_total(total, gross, lines):
        return result
    return {
        **result,
        "subtotal": Found(net[0], net[1], net[2], PARTS_CONFIDENCE),
        "vat_amount": Found(vat[0], vat[1], vat[2], PARTS_CONFIDENCE),
        "total": Found(gross, "", vat[2], SUM_CONFIDENCE),
    }
