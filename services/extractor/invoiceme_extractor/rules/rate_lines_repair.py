"""A VAT line per rate, one of them misread by a digit ('USt. 19% 130,87-€' for 135,87 €, beside
'USt. 7% 333,48 €'): the lines cannot add up with the net to the total, so `several_rates_triple`
reads nothing and the VAT fell to the one line that was read right. Where the net and total are
labelled and one line's amount, one digit changed, makes the lines add up to the cent, that reading
is taken (a minus OCR added beside it dropped): the VAT is total - net.
"""

from __future__ import annotations

from .amount_candidates import Candidate, Candidates
from .amounts import percents_in
from .repair import may_be_misread
from .sum_row import one_digit_apart

REPAIRED_LINE = 0.75  # a digit of the page changed: the arithmetic's word against OCR's


def one_rate_lines(found: Candidates) -> list[Candidate]:
    """The first non-zero VAT amount of each line printing one rate (0-30 %)."""
    by_line: dict[int, Candidate] = {}
    for vat in found.get("vat", []):
        rates = percents_in(vat[2].text)
        if vat[0] != 0 and len(rates) == 1 and 0 < rates[0] <= 0.3:
            by_line.setdefault(vat[2].index, vat)
    return list(by_line.values())


def _rate_lines(found: Candidates) -> list[Candidate]:
    """`one_rate_lines`, when there are two or more and their rates all differ."""
    vats = one_rate_lines(found)
    distinct = {percents_in(vat[2].text)[0] for vat in vats}
    return vats if len(vats) >= 2 and len(distinct) == len(vats) else []


def several_rates_one_misread(found: Candidates) -> tuple[Candidate, Candidate, Candidate] | None:
    """(net, VAT as total - net, total) where one rate line's amount is a digit away from what the
    other lines leave of total - net; None when no single such repair makes them add up."""
    vats = _rate_lines(found)
    if not vats:
        return None
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    for net, total in ((net, total) for net in found.get("subtotal", []) for total in totals):
        vat_sum = round(total[0] - net[0], 2)
        if not 0 < vat_sum < 0.3 * net[0]:
            continue
        for misread in vats:
            needed = round(vat_sum - sum(abs(vat[0]) for vat in vats if vat is not misread), 2)
            if needed > 0 and may_be_misread(misread[2]) and one_digit_apart(misread[1], needed):
                return net, (vat_sum, " + ".join(vat[1] for vat in vats), vats[0][2]), total
    return None
