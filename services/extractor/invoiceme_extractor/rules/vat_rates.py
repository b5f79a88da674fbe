"""The VAT rates a page prints or its amounts imply: the rate's ranked alternatives.

The rules take the rate printed on the chosen VAT amount's line, else the one VAT over subtotal
implies (totals.rate_of); the other readings are every rate printed beside a VAT label, then every
rate a labelled VAT amount implies over a labelled subtotal. A printed rate ranks above an implied
one, as in the rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import labels
from .amount_candidates import Candidates
from .amounts import percent_match
from .lines import Line, Reading
from .totals import rate_of

PRINTED_SCORE = 0.5
IMPLIED_SCORE = 0.4


def vat_rate_candidates(lines: list[Line], amounts: Candidates) -> Iterator[Reading]:
    for line in lines:
        printed = percent_match(line.text)  # first: the cheaper test, and most lines print none
        label = labels.VAT.search(line.text) if printed else None
        if label and printed:
            rate = round(float(printed.group(1).replace(",", ".")) / 100, 4)
            yield Reading(rate, PRINTED_SCORE, printed.group(0), line, label.group(0).strip())
    for vat, vat_raw, vat_line in amounts.get("vat", []):
        for subtotal, subtotal_raw, _ in amounts.get("subtotal", []):
            implied = rate_of(vat, subtotal, None)
            if implied is not None:
                # drawn on the VAT amount; the label says which two amounts imply it
                yield Reading(implied[0], IMPLIED_SCORE, vat_raw, vat_line, f"{vat_raw} / {subtotal_raw}")
