"""Pure aggregation rules: what one invoice contributes, and how a change moves the aggregates.

Each invoice contributes one (count 1, sum total) to its vendor, its month and its currency.
When a newer extraction of the same invoice arrives, the old contribution is taken out and the new
one put in, so totals stay exactly what a SQL sum over current invoices would give.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

UNKNOWN_VENDOR = "(unknown vendor)"
UNKNOWN_MONTH = "unknown"
UNKNOWN_CURRENCY = "XXX"  # ISO 4217 "no currency"


@dataclass(frozen=True)
class Fact:
    vendor: str
    month: str
    currency: str
    total: Decimal


@dataclass(frozen=True)
class Delta:
    dimension: str
    key: str
    currency: str
    count: int
    total: Decimal


def make_fact(
    vendor: str | None, invoice_date: str | None, currency: str | None, total: float | None
) -> Fact | None:
    """The invoice's contribution, or None when it has no total to count."""
    if total is None:
        return None
    return Fact(
        vendor=" ".join((vendor or "").split()) or UNKNOWN_VENDOR,
        month=invoice_date[:7] if invoice_date and len(invoice_date) >= 7 else UNKNOWN_MONTH,
        currency=(currency or UNKNOWN_CURRENCY).upper(),
        total=Decimal(str(total)).quantize(Decimal("0.01")),
    )


def _keys(fact: Fact) -> list[tuple[str, str]]:
    return [("vendor", fact.vendor), ("month", fact.month), ("currency", fact.currency)]


def deltas(old: Fact | None, new: Fact | None) -> list[Delta]:
    """Aggregate changes that replace `old`'s contribution with `new`'s (either may be None)."""
    moves: dict[tuple[str, str, str], list] = defaultdict(lambda: [0, Decimal("0")])
    for fact, sign in ((old, -1), (new, 1)):
        if fact is None:
            continue
        for dimension, key in _keys(fact):
            move = moves[(dimension, key, fact.currency)]
            move[0] += sign
            move[1] += sign * fact.total
    return [
        Delta(dimension, key, currency, count, total)
        for (dimension, key, currency), (count, total) in sorted(moves.items())
        if count != 0 or total != 0
    ]


def is_newer(event_version: int, stored_version: int | None) -> bool:
    """Only a strictly newer extraction replaces what is stored: redeliveries and stale events don't."""
    return stored_version is None or event_version > stored_version
