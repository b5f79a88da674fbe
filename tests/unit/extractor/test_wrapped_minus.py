"""A credit note's VAT whose minus ended its label's line and whose digits wrapped to the next line
under it ('Steuerbetrag in EUR -' / '1,12'): the amount with its sign, so the labelled net and total
(-7.67 + -1.12 = -8.79) are read together."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.lines import Line

from .wordbox import cells_line as _row


def _vats(*rows: Line) -> list[float]:
    return [value for value, _, _ in candidates(list(rows)).get("vat", [])]


def test_the_minus_left_on_the_labels_line_signs_the_amount_under_it() -> None:
    label = _row(0, ("Steuerbetrag in", 0, 150), ("EUR", 200, 240), ("-", 450, 460))
    assert _vats(label, _row(1, ("1,12", 420, 460))) == [-1.12]


def test_an_amount_not_under_the_minus_is_not_signed_by_it() -> None:
    label = _row(0, ("Steuerbetrag in", 0, 150), ("EUR", 200, 240), ("-", 450, 460))
    assert -1.12 not in _vats(label, _row(1, ("1,12", 100, 140)))
