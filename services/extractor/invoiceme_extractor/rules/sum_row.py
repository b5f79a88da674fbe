"""A VAT table's sum row ('Total | 2.601,50 | 382,62 | 2.984,12' under 'Base | Cuota IVA | Total'):
net, VAT and gross in one row that add up, the gross printed again as the amount due. The column
labels over the table read their first rate row, which agrees with itself too ('1.113,32 | 233,80 |
1.347,12'); when OCR garbled another rate row the per-rate reading fails, and the sum row is the
invoice's amounts."""

from __future__ import annotations

from . import labels
from .amount_agreement import Trio
from .amount_candidates import Candidates
from .amounts import CENT, row_money
from .geometry import is_crumb
from .lines import Line
from .lost_labels import plausible_rate


def _opens_with_total(line: Line) -> bool:
    cells = [cell for cell in line.cells if not is_crumb(cell)]
    return bool(cells) and bool(labels.TOTAL_PLAIN.fullmatch(cells[0].text.strip(" :")))


def sum_row_triple(found: Candidates, lines: list[Line]) -> Trio | None:
    """Net, VAT and gross of a row labelled only 'Total' that add up, when a total-due label on
    another line reads the same gross."""
    due = found.get("total_strong", [])
    for line in lines:
        if not _opens_with_total(line):
            continue
        amounts = [(value, raw) for value, raw in row_money(line)]
        if len(amounts) != 3:
            continue
        (net, net_raw), (vat, vat_raw), (gross, gross_raw) = amounts
        if gross == 0 or abs(net + vat - gross) > CENT or vat == 0 or not plausible_rate(vat, net):
            continue
        if any(abs(value - gross) <= CENT and other is not line for value, _, other in due):
            return (net, net_raw, line), (vat, vat_raw, line), (gross, gross_raw, line)
    return None
