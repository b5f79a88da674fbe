"""Tax-id candidates as the page's id tokens make them, and what their copies on the page say:
a damaged copy of a valid id is that id; an id printed on two lines is the issuer's."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .lines import Line
from .repair import may_be_misread
from .vat_repair import damaged_copy


@dataclass(frozen=True)
class TaxIdCandidate:
    value: str
    raw: str
    line: Line
    score: float
    repaired: bool = False  # one misread digit undone by the check digit (id_repair)
    labelled: bool = True  # some label (known, or a cell naming an id) says what it is
    weak_label: bool = False  # its label is a known one OCR damaged by a letter (garbled_labels)


# The id is read on two lines or more: the issuer's, printed again in its footer's legal line
PRINTED_TWICE = 1.0


def printed_twice_first(
    candidates: list[TaxIdCandidate], read_on: dict[str, set[int]]
) -> list[TaxIdCandidate]:
    """The candidates, those read on two lines or more (`read_on`: the lines of each value) scored up:
    the issuer prints its id in its header and again in its footer, a customer's id is printed once
    (where OCR garbled the customer's label, nothing else says whose it is). On OCR'd lines only: a
    text layer's labels are as printed, and real invoices print the buyer's id twice too (Factur-X
    files in its header and its legal lines), where a bonus would only blur a lead the labels made."""
    return [
        replace(candidate, score=candidate.score + PRINTED_TWICE)
        if len(read_on[candidate.value]) > 1 and may_be_misread(candidate.line)
        else candidate
        for candidate in candidates
    ]


def with_copies_joined(candidates: list[TaxIdCandidate]) -> list[TaxIdCandidate]:
    """The candidates, each that is a damaged copy of another (`damaged_copy`) merged into it: the
    one that passes its check keeps the better score of the two (the label one copy has, the
    issuer's block the other is in)."""
    kept = []
    for candidate in candidates:
        if any(damaged_copy(candidate.value, other.value) for other in candidates):
            continue
        copies = [other for other in candidates if damaged_copy(other.value, candidate.value)]
        if copies and (top := max(copies, key=lambda other: other.score)).score > candidate.score:
            candidate = replace(candidate, score=top.score, labelled=candidate.labelled or top.labelled)
        kept.append(candidate)
    return kept
