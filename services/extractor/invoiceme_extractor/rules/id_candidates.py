"""Tax-id candidates as the page's id tokens make them, and what their copies on the page say:
a damaged copy of a valid id is that id."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .lines import Line
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
