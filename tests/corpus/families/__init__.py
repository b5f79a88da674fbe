"""Generator families: a family is one way of composing a page. HELD_OUT families are never used to tune
the extractor (nobody working on the rules looks at their pages or output); the benchmark reports them
apart, as the closest thing we have to invoices of designers we have never seen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..doc import Doc
from . import held_out, invoices, panels, receipts, slips, statements, strips
from .statement_words import LEDGER_LABELS


@dataclass(frozen=True)
class Family:
    name: str
    draw: Callable[[Doc], None]
    size_mm: tuple[float, float] = (210.0, 297.0)
    till_slip: bool = False
    held_out: bool = False
    document_types: tuple[str, ...] | None = None  # None: any the language's vendors issue
    words: dict[str, dict[str, list[str]]] | None = None  # label synonyms of its own, over the DEV ones


FAMILIES = {
    family.name: family
    for family in (
        Family("classic", invoices.classic),
        Family("kv_grid", invoices.kv_grid),
        Family("banded", invoices.banded),
        Family("strip", strips.strip),
        Family("minimal", strips.minimal),
        Family("till_slip", slips.till_slip, size_mm=(80.0, 400.0), till_slip=True),
        Family(
            "payment_receipt", receipts.payment_receipt, document_types=("receipt", "tax_invoice_receipt")
        ),
        Family("ledger", statements.ledger, words=LEDGER_LABELS),
        Family("panel", panels.panel, words=LEDGER_LABELS),
        Family("boxed_form", held_out.boxed_form, held_out=True),
        Family("letter", held_out.letter, held_out=True),
        Family("side_panel", held_out.side_panel, held_out=True),
        Family("booklet", held_out.booklet, size_mm=(148.0, 210.0), held_out=True),
    )
}
HELD_OUT = frozenset(name for name, family in FAMILIES.items() if family.held_out)
DEV = frozenset(FAMILIES) - HELD_OUT
